"""Name normalization and the deterministic ids of global entities (shared by the store and the Spark job)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

# Titles dropped before comparing names: "President Trump" and "Trump" are the same speaker.
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady",
    "sen", "senator", "rep", "representative", "gov", "governor", "president", "vice",
    "secretary", "minister", "prime", "chancellor", "mayor", "judge", "justice", "gen", "general",
    "col", "colonel", "capt", "captain", "sgt", "rev", "father", "pope", "king", "queen", "prince",
    "princess", "sheikh", "chairman", "chairwoman", "ceo", "president-elect", "former", "the",
}
# Names that do not identify anyone across articles: they stay article-local (entity_id null).
_UNLINKABLE = {
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me", "his", "hers",
    "their", "its", "our", "who", "which", "that", "this", "officials", "sources", "spokesman",
    "spokeswoman", "spokesperson", "source", "official", "critics", "experts", "analysts",
}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NON_WORD = re.compile(r"[^\w\s'’-]+")


def normalize_name(name: str) -> str:
    """Casefolded, accent-free name without titles, punctuation or a possessive ending."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NON_WORD.sub(" ", text.casefold())
    tokens = [_POSSESSIVE.sub("", token) for token in text.split()]
    tokens = [token.strip("-'’") for token in tokens if token.strip("-'’")]
    while len(tokens) > 1 and tokens[0] in _TITLES:
        tokens.pop(0)
    return " ".join(tokens)


def is_linkable(name: str) -> bool:
    """Whether a name identifies someone across articles (not a pronoun or a generic noun)."""
    norm = normalize_name(name)
    return bool(norm) and norm not in _UNLINKABLE and any(ch.isupper() for ch in name)


def outlet_group_for(outlet: str | None, url: str | None) -> str:
    """The group inside which same-named entities are merged: the outlet, else the URL's site, else ""."""
    if outlet and outlet.strip():
        return normalize_name(outlet)
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.")
    return ""


def global_entity_id(outlet_group: str, norm_name: str) -> str:
    """Deterministic id of the global entity for a normalized name in an outlet group."""
    digest = hashlib.sha1(f"{outlet_group}\x1f{norm_name}".encode("utf-8", "surrogatepass")).hexdigest()
    return "E" + digest[:15]
