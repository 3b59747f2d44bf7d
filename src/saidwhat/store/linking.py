"""Cross-article entity merging inside one outlet group.

Each distinct normalized name is its own global entity (``names.global_entity_id``). The linker then
merges entities that name the same speaker, and says why: an alias the engine found ("Hamdan" is an
alias of "Osama Hamdan"), a surname ("Hamdan" is the surname of the only "… Hamdan" in the group),
or a fuzzy match ("Hamadan" ~ "Hamdan", a spelling variant). A merge points one entity at another
(``merged_into``); the speaker is the root of that tree. Undone merges are remembered so the linker
does not redo them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

# Spelling variants ("Hamadan"/"Hamdan" scores 92; "Hamas"/"Hamdan" 73). Short names are never fuzzy-matched.
FUZZY_MIN_SCORE = 88.0
FUZZY_MIN_LENGTH = 5
PERSON = "PERSON"


@dataclass
class GlobalEntity:
    id: str
    norm_name: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)  # normalized aliases
    merged_into: str | None = None

    @property
    def tokens(self) -> list[str]:
        return self.norm_name.split()


@dataclass(frozen=True)
class MergeDecision:
    entity_id: str
    into_id: str
    method: str  # exact-alias | surname | fuzzy | manual
    reason: str
    score: float | None = None


class GroupLinker:
    """The global entities of one outlet group, and the merge rules applied when one is added."""

    def __init__(self, blocked: set[frozenset[str]] | None = None) -> None:
        self.entities: dict[str, GlobalEntity] = {}
        self.blocked: set[frozenset[str]] = blocked or set()
        self._by_norm: dict[str, str] = {}  # ids are per normalized name, so this is one-to-one
        self._by_alias: dict[str, set[str]] = defaultdict(set)
        self._by_surname: dict[str, set[str]] = defaultdict(set)  # last token -> multi-token PERSON ids
        self._by_initial: dict[tuple[str, str, int], set[str]] = defaultdict(set)

    def add(self, entity: GlobalEntity) -> None:
        """Index an entity (loaded from the store or newly seen); no merge rules run."""
        self.entities[entity.id] = entity
        self._by_norm[entity.norm_name] = entity.id
        for alias in entity.aliases:
            self._by_alias[alias].add(entity.id)
        if entity.type == PERSON and len(entity.tokens) > 1:
            self._by_surname[entity.tokens[-1]].add(entity.id)
        if entity.norm_name:
            self._by_initial[(entity.type, entity.norm_name[0], len(entity.tokens))].add(entity.id)

    def add_aliases(self, entity_id: str, aliases: set[str]) -> set[str]:
        """Record more aliases of an entity; returns the ones that were new."""
        entity = self.entities[entity_id]
        new = aliases - entity.aliases - {entity.norm_name}
        for alias in new:
            entity.aliases.add(alias)
            self._by_alias[alias].add(entity_id)
        return new

    def root(self, entity_id: str) -> str:
        seen = set()
        while (parent := self.entities[entity_id].merged_into) is not None and entity_id not in seen:
            seen.add(entity_id)
            entity_id = parent
        return entity_id

    def can_merge(self, entity_id: str, into_id: str) -> bool:
        return (
            entity_id != into_id
            and self.root(entity_id) != self.root(into_id)
            and frozenset((entity_id, into_id)) not in self.blocked
        )

    def apply(self, decision: MergeDecision) -> None:
        self.entities[decision.entity_id].merged_into = decision.into_id

    def undo(self, entity_id: str) -> str | None:
        """Detach an entity from what it was merged into; returns that parent id."""
        entity = self.entities[entity_id]
        parent, entity.merged_into = entity.merged_into, None
        if parent is not None:
            self.blocked.add(frozenset((entity_id, parent)))
        return parent

    def propose(self, entity_id: str) -> MergeDecision | None:
        """The merge a newly added entity calls for, if any (already checked with ``can_merge``).

        The fuller name stays the speaker's name: when the new entity has more name tokens than
        the root it matches ("Osama Hamdan" arriving after "Hamdan"), that root merges into it.
        """
        entity = self.entities[entity_id]
        match = self._alias_match(entity) or self._surname_match(entity) or self._fuzzy_match(entity)
        if match is None:
            return None
        other_id, method, why, score = match
        other_root = self.root(other_id)
        if len(entity.tokens) > len(self.entities[other_root].tokens) and self.can_merge(other_root, entity.id):
            return MergeDecision(other_root, entity.id, method, why, score)
        if self.can_merge(entity.id, other_id):
            return MergeDecision(entity.id, other_id, method, why, score)
        return None

    def _alias_match(self, entity: GlobalEntity) -> tuple[str, str, str, None] | None:
        for other_id in sorted(self._by_alias.get(entity.norm_name, ())):
            if self.can_merge(entity.id, other_id):
                return other_id, "exact-alias", f"{entity.name!r} is an alias of {self.entities[other_id].name!r}", None
        for alias in sorted(entity.aliases):
            other_id = self._by_norm.get(alias)
            if other_id and self.can_merge(entity.id, other_id):
                return other_id, "exact-alias", f"{self.entities[other_id].name!r} is an alias of {entity.name!r}", None
        return None

    def _surname_match(self, entity: GlobalEntity) -> tuple[str, str, str, None] | None:
        if entity.type != PERSON:
            return None
        if len(entity.tokens) == 1:
            # A bare surname: the one full name in the group that ends with it.
            full_ids = self._unambiguous_surname(entity.norm_name, exclude=entity.id)
            if full_ids:
                full = self.entities[min(full_ids)]
                return full.id, "surname", f"{entity.name!r} is the surname of {full.name!r}, the only one in the outlet group", None
            return None
        # A full name: the bare surname seen before, if no other full name shares it.
        bare_id = self._by_norm.get(entity.tokens[-1])
        others = self._unambiguous_surname(entity.tokens[-1], exclude=entity.id)
        if bare_id and self.entities[bare_id].type == PERSON and others == set():
            bare = self.entities[bare_id]
            return bare_id, "surname", f"{bare.name!r} is the surname of {entity.name!r}, the only one in the outlet group", None
        return None

    def _unambiguous_surname(self, surname: str, exclude: str) -> set[str] | None:
        """Full-name ids with this surname if they all are one speaker (empty set: none); None when ambiguous."""
        ids = {i for i in self._by_surname.get(surname, ()) if self.root(i) != self.root(exclude)}
        return ids if len({self.root(i) for i in ids}) <= 1 else None

    def _fuzzy_match(self, entity: GlobalEntity) -> tuple[str, str, str, float] | None:
        norm = entity.norm_name
        if len(norm.replace(" ", "")) < FUZZY_MIN_LENGTH:
            return None
        scored: list[tuple[float, str, str]] = []  # (score, id, matched name)
        for other_id in self._by_initial.get((entity.type, norm[0], len(entity.tokens)), ()):
            other = self.entities[other_id]
            if entity.type == PERSON and len(entity.tokens) > 1 and entity.tokens[-1] != other.tokens[-1]:
                continue  # full names must share the surname exactly ("John Smith" is not "Joan Smyth")
            if len(other.norm_name.replace(" ", "")) >= FUZZY_MIN_LENGTH and self.can_merge(entity.id, other_id):
                scored.append((fuzz.ratio(norm, other.norm_name), other_id, other.name))
        if entity.type == PERSON and len(entity.tokens) == 1:
            # A misspelt bare surname of a full name ("Hamadan" for "Osama Hamdan").
            for surname, ids in self._by_surname.items():
                if surname[0] == norm[0] and len(surname) >= FUZZY_MIN_LENGTH and len({self.root(i) for i in ids}) == 1:
                    target = min(ids)
                    if self.can_merge(entity.id, target):
                        scored.append((fuzz.ratio(norm, surname), target, self.entities[target].name))
        scored = [s for s in scored if s[0] >= FUZZY_MIN_SCORE]
        if not scored:
            return None
        score, other_id, other_name = max(scored, key=lambda s: (s[0], len(self.entities[s[1]].tokens), s[1]))
        return other_id, "fuzzy", f"{entity.name!r} is a spelling variant of {other_name!r} (similarity {score:.0f})", round(score, 1)
