"""The cue lexicon used for DETECTION: words that introduce an attribution, with their frames.

A frame says which complements of the cue carry the attributed content:
``clause`` a that-clause, a bare clause or a quotation (said that …, says …, “…,” he said);
``infinitive`` a to-infinitive (threatened to …, vowed to …, wants to …);
``obj`` a noun-phrase object, with the object's "of/for/as" complement (denied the report,
accused Hamas of …, denied the report, called it “a disgrace”).

The speech act of a statement is typed elsewhere (speech_acts.py) from ``cue_lemma``; this module only
decides whether a word is a cue and how its content attaches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Category = Literal["speech", "belief", "intent", "report"]


@dataclass(frozen=True)
class CueFrame:
    lemma: str
    category: Category
    clause: bool = True
    infinitive: bool = False
    obj: bool = False
    # Prior confidence that a match of this frame is an attribution (beliefs and reports are vaguer).
    weight: float = 0.8


def _frames(words: str, category: Category, **frame: object) -> dict[str, CueFrame]:
    return {lemma: CueFrame(lemma, category, **frame) for lemma in words.split()}


# Verbs of saying with a clause or quotation.
_SPEECH = _frames(
    "say tell state declare announce explain claim insist argue maintain assert contend allege "
    "admit acknowledge concede confirm deny reveal disclose note observe remark stress emphasize "
    "reiterate repeat recall reply respond answer retort counter testify tweet post write "
    "suggest hint indicate imply predict forecast warn caution complain lament boast brag joke quip "
    "charge agree estimate report mention conclude signal assure inform remind "
    "tout proclaim shout yell scream cry whisper murmur mutter vow pledge promise swear threaten "
    "guarantee reassure speculate theorize muse concur add continue comment echo "
    # Wire and Commonwealth usage ("opined that", "averred that", "underlined that").
    "opine aver underline underscore clarify posit surmise "
    # Courts: "the judge ruled that …".
    "rule",
    "speech",
)

# Verbs whose content may be an infinitive as well as a clause.
_INFINITIVE_SPEECH = (
    "threaten vow pledge promise swear refuse decline agree offer urge ask demand order "
    "tell warn advise encourage instruct remind implore appeal"
)

# Cues whose content is an object noun phrase (with its of/for/as/to complement).
_OBJECT_SPEECH = _frames(
    "accuse blame criticize criticise slam blast condemn denounce decry attack mock ridicule praise "
    "hail laud thank applaud commend endorse back support defend oppose dismiss deny dispute "
    "question challenge call urge ask demand describe label brand dub characterize welcome "
    "announce propose recommend order predict cite discuss express echo highlight congratulate "
    "offer mention note acknowledge declare claim stress emphasize reiterate reveal confirm "
    "reject refute rebut rubbish lambast lambaste slate savage berate rebuke chide scold castigate "
    "query quiz grill",
    "speech",
    obj=True,
    weight=0.65,
)

# Attributed beliefs, perceptions and intentions.
_BELIEF = _frames(
    "believe think feel know fear hope expect suspect doubt worry reckon assume figure guess "
    "understand realize realise recognize recognise consider conclude wonder imagine trust "
    "acknowledge find view "
    # "The court heard that …" (the source is then left unnamed: attributions.is_audience).
    "hear",
    "belief",
    weight=0.6,
)
_INTENT = _frames(
    "want plan intend seek aim wish prefer hope", "intent", infinitive=True, obj=True, weight=0.6
)

# Documents, polls and media "say", "show", "find".
_REPORT = _frames("show find reveal suggest indicate report read", "report", weight=0.6)

CUE_VERBS: dict[str, CueFrame] = {}
for _table in (_REPORT, _INTENT, _BELIEF, _OBJECT_SPEECH, _SPEECH):
    for _lemma, _frame in _table.items():
        previous = CUE_VERBS.get(_lemma)
        if previous is None:
            CUE_VERBS[_lemma] = _frame
        else:
            # A lemma in several tables accepts the union of their frames; the speech reading wins.
            CUE_VERBS[_lemma] = CueFrame(
                _lemma,
                _frame.category if _frame.category == "speech" else previous.category,
                clause=previous.clause or _frame.clause,
                infinitive=previous.infinitive or _frame.infinitive,
                obj=previous.obj or _frame.obj,
                weight=max(previous.weight, _frame.weight),
            )
for _lemma in _INFINITIVE_SPEECH.split():
    base = CUE_VERBS.get(_lemma, CueFrame(_lemma, "speech", clause=False))
    CUE_VERBS[_lemma] = CueFrame(
        _lemma, base.category, clause=base.clause, infinitive=True, obj=base.obj, weight=max(base.weight, 0.7)
    )

# Verb + particle/preposition phrases whose lemma is the phrase ("point out", "call for").
PHRASAL_CUES: dict[tuple[str, str], CueFrame] = {
    ("point", "out"): CueFrame("point out", "speech"),
    ("point", "to"): CueFrame("point to", "speech", clause=False, obj=True, weight=0.55),
    ("lash", "out"): CueFrame("lash out", "speech", clause=False, obj=True, weight=0.6),
    ("call", "for"): CueFrame("call for", "speech", clause=False, obj=True, weight=0.7),
    ("call", "on"): CueFrame("call on", "speech", clause=False, obj=True, weight=0.7),
    ("speak", "out"): CueFrame("speak out", "speech", clause=False, obj=True, weight=0.55),
    ("go", "on"): CueFrame("go on", "speech", weight=0.6),
    ("weigh", "in"): CueFrame("weigh in", "speech", weight=0.6),
    ("chime", "in"): CueFrame("chime in", "speech", weight=0.6),
    ("fire", "back"): CueFrame("fire back", "speech", weight=0.7),
    ("hit", "back"): CueFrame("hit back", "speech", weight=0.7),
    ("make", "clear"): CueFrame("make clear", "speech", weight=0.75),
    ("rule", "out"): CueFrame("rule out", "speech", clause=False, obj=True, weight=0.7),
    ("talk", "about"): CueFrame("talk about", "speech", clause=False, obj=True, weight=0.6),
    ("speak", "about"): CueFrame("speak about", "speech", clause=False, obj=True, weight=0.6),
    ("speak", "of"): CueFrame("speak of", "speech", clause=False, obj=True, weight=0.6),
    ("refer", "to"): CueFrame("refer to", "speech", clause=False, obj=True, weight=0.6),
    ("comment", "on"): CueFrame("comment on", "speech", clause=False, obj=True, weight=0.6),
    ("hit", "out"): CueFrame("hit out", "speech", clause=False, obj=True, weight=0.6),
}

# Nouns that carry content in a that-clause or quotation ("the claim that …", "a statement").
CUE_NOUNS: dict[str, CueFrame] = _frames(
    "claim statement allegation accusation assertion argument belief view warning promise pledge vow "
    "threat denial suggestion report fear hope insistence admission acknowledgment acknowledgement "
    "announcement charge contention assurance prediction notion idea concern criticism complaint "
    "demand remark comment",
    "speech",
    weight=0.6,
)

# Documents and data that can be a source ("the study found", "the filing says", "video shows").
DOCUMENT_NOUNS = frozenset(
    """report study survey poll analysis paper filing complaint document documents records record
    data figures statistics memo letter email emails statement release transcript article story
    column editorial review audit investigation inquiry probe indictment lawsuit suit affidavit
    ruling judgment verdict order decision opinion brief motion testimony minutes notes log logs
    tweet post video recording footage book biography memoir website blog text message messages
    chart table census index model forecast assessment estimate estimates research""".split()
)

# Settings a statement is made in ("in an interview", "to a tweet"): never an addressee or an object's phrase.
SETTING_NOUNS = frozenset({"statement", "interview", "speech", "release", "post", "tweet", "email", "letter"})
# The settings a cue span takes in: "said in a statement" (PolNeAR train includes "in a statement/release"
# 49 times of 76) and "in an interview" (annotators split: train 18 of 68, dev 7 of 9); not an email, speech,
# letter, tweet or memo ("wrote in an email": train includes them 9 times of 34).
CUE_SETTING_NOUNS = frozenset({"statement", "release", "interview"})
# Who hears what is said rather than says it: "the court heard", "…, jury told" (no speaker named),
# "told the Commons", "told the jury" (a setting, not whom it is about).
AUDIENCE_NOUNS = frozenset(
    "commons lords parliament house senate assembly congress jury court tribunal inquiry inquest committee "
    "commission panel magistrate hearing conference rally crowd audience gathering meeting summit convention "
    "briefing".split()
)


def verb_frame(lemma: str, particle: str | None = None) -> CueFrame | None:
    """The frame of a verb cue (with its particle, when the phrase is a cue of its own)."""
    lemma = lemma.lower()
    if particle:
        phrasal = PHRASAL_CUES.get((lemma, particle.lower()))
        if phrasal is not None:
            return phrasal
    return CUE_VERBS.get(lemma)
