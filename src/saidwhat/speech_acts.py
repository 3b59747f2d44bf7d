"""Speech-act typing: a cue's lemma phrase (plus its complement and negation) -> ``models.SpeechAct``.

The closed set, its definitions and the PLOVER mapping are documented in docs/speech-acts.md.
The lexicon maps lemma phrases ("say", "accuse", "take a jab at", "according to") to acts; a cue
given inflected ("has repeatedly slammed", "took a jab at") is lemmatized here with a small
English verb lemmatizer, so typing does not depend on how the caller normalised it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from saidwhat.models import SpeechAct

A = SpeechAct

LEXICON_BY_ACT: dict[SpeechAct, tuple[str, ...]] = {
    A.STATEMENT: (
        "say", "tell", "add", "note", "explain", "state", "announce", "declare", "comment", "remark",
        # Confirming is saying so, seldom against interest ("the council confirmed it would press ahead").
        "confirm", "verify", "corroborate", "validate", "rule", "hear",
        "mention", "observe", "describe", "recall", "remember", "reply", "respond", "answer", "continue",
        "go on", "go on to say", "put it", "put", "point out", "point to", "tweet", "post", "retweet",
        "speak", "speak about", "speak of", "speak to", "talk", "talk about", "discuss", "address",
        "reiterate", "repeat", "reaffirm", "stress", "emphasize", "emphasise", "underline", "underscore",
        "highlight", "indicate", "suggest", "imply", "hint", "hint at", "allude to", "signal", "reveal",
        "disclose", "divulge", "confide", "joke", "joke about", "quip", "muse", "chant", "shout", "yell",
        "scream", "cry", "exclaim", "whisper", "mutter", "murmur", "sigh", "laugh", "snap", "bark",
        "retort", "shoot back", "fire back", "hit back", "conclude", "summarize", "summarise", "sum up",
        "characterize", "characterise", "portray", "paint", "label", "dub", "call", "refer to",
        "reference", "cite", "invoke", "echo", "share", "relay", "communicate", "inform", "notify",
        "brief", "testify", "depose", "make clear", "make it clear", "clarify", "elaborate", "recount",
        "narrate", "email", "text", "message", "react", "weigh in", "weigh in on", "chime in",
        "interject", "begin", "open", "close", "read", "voice", "express", "raise", "bring up",
        "proclaim", "pronounce", "issue a statement", "release a statement", "put out a statement",
        "say in a statement", "be ask", "be quote", "be quote as say", "quote as say", "be tell",
        "lay out", "outline", "detail", "touch on", "comment on", "talk up", "speak out", "speak up",
        "open up about", "reflect", "liken", "compare", "contrast", "frame", "word", "phrase", "put forth",
        "break the news", "seem", "appear", "seem to", "appear to", "remind", "identify",
        "name", "release", "utter", "recite", "pitch", "quick to point out", "suggestion", "statement",
        "remarks", "comments", "response to", "in response to", "announcement", "mean", "go on record",
    ),
    A.CLAIM: (
        "claim", "insist", "argue", "maintain", "assert", "contend", "counter", "posit", "aver",
        "affirm", "profess", "reassert", "hold", "stand by", "stick to", "boast", "boast of",
        "boast about", "brag", "brag about", "trumpet", "purport", "protest", "make the case",
        "make the argument", "reason", "allege that", "swear that", "be adamant", "be clear about",
        "make no secret of", "take credit for", "make the point", "double down on",
        "assertion", "argument", "contention", "insistence", "theorize", "theorise",
    ),
    A.ACCUSE: (
        "accuse", "blame", "allege", "charge", "fault", "implicate", "indict", "sue", "hold responsible",
        "hold accountable", "point the finger at", "point fingers at", "lay the blame", "finger",
        "scapegoat", "incriminate", "impute", "file a complaint", "file suit", "file a lawsuit",
        "press charges", "level accusations", "level charges", "accuse of", "blame for", "convict",
        "find guilty", "frame as", "allegation", "allegations", "allegations of",
        "accusation", "accusations", "accusations of", "complaint", "charges",
    ),
    A.CRITICIZE: (
        "criticize", "criticise", "slam", "blast", "condemn", "denounce", "decry", "attack", "assail",
        "lambaste", "berate", "rebuke", "chide", "scold", "castigate", "excoriate", "deride", "mock",
        "ridicule", "lampoon", "skewer", "pillory", "savage", "hit out at", "lash out", "lash out at",
        "rail against", "take aim at", "take a jab at", "take a swipe at", "take a shot at",
        "take a dig at", "take issue with", "jab", "swipe at", "target", "bash", "knock", "pan",
        "trash", "rip", "rip into", "tear into", "lay into", "go after", "call out", "chastise",
        "reprimand", "admonish", "censure", "disparage", "belittle", "complain", "complain about",
        "lament", "bemoan", "deplore", "bewail", "grumble", "gripe", "whine", "moan", "object",
        "object to", "scoff", "scoff at", "sneer", "sneer at", "jeer", "taunt", "insult", "smear",
        "vilify", "demonize", "demonise", "denigrate", "malign", "slander", "libel", "slate", "hammer",
        "pummel", "roast", "needle", "hit", "lash", "flay", "chastize", "upbraid", "harangue", "heckle",
        "boo", "express disappointment", "voice disappointment", "express outrage", "express anger",
        "be critical of", "be angry at", "fume", "rage", "rant", "vent", "bristle", "take to task",
        "take exception to", "find fault with", "pour scorn on", "heap scorn on", "scorn",
        "lash into", "round on", "turn on", "hit at", "fire at", "jab at", "poke fun at", "make fun of",
        "lambast", "besmirch", "impugn", "criticism", "criticism of", "critic of",
        "single out", "attack on", "attacks on", "be critical", "draw a contrast with", "brand",
    ),
    A.DENY: (
        "deny", "dispute", "refute", "rebut", "rubbish", "contradict", "contest", "disavow", "disclaim",
        "gainsay", "negate", "push back", "push back on", "push back against", "debunk", "correct",
        "plead not guilty", "disown", "deny wrongdoing", "deny the allegation", "deny the allegations",
        "deny the claim", "deny the report", "deny any wrongdoing", "walk back", "downplay",
        "play down", "distance from", "distance oneself from", "distance himself from",
        "distance herself from", "distance themselves from", "denial",
    ),
    A.REJECT: (
        "reject", "refuse", "dismiss", "rule out", "decline", "turn down", "rebuff", "spurn",
        "brush off", "brush aside", "shrug off", "wave off", "wave away", "veto", "oppose",
        "disagree", "disagree with", "resist", "repudiate", "renounce", "balk", "balk at", "bristle at",
        "say no", "vote against", "boycott", "pooh-pooh", "decline to comment", "refuse to comment",
        "come out against", "campaign against", "be against", "stand against", "reject outright",
        "turn away", "snub", "ignore", "block", "overrule", "overturn", "strike down",
        "turn against", "opposition to", "opposition", "refusal", "rejection of",
    ),
    A.THREATEN: (
        "threaten", "menace", "issue a threat", "issue an ultimatum", "intimidate", "blackmail",
        "vow revenge", "vow retaliation", "threaten to", "promise retaliation", "warn of retaliation",
        "threat", "threats",
    ),
    A.WARN: (
        "warn", "caution", "alert", "forewarn", "raise concern", "raise concerns", "raise the alarm",
        "sound the alarm", "sound an alarm", "flag", "express concern", "voice concern",
        "express concerns", "voice concerns", "caution against", "warn of", "warn against",
        "warn about", "raise a red flag", "raise red flags", "be concerned", "be wary of",
        "concerned", "wary of", "concern", "concerns", "concerns about", "warning", "alarm",
    ),
    A.REQUEST: (
        "ask", "urge", "call on", "call upon", "call for", "demand", "appeal", "appeal to", "appeal for",
        "request", "implore", "beg", "plead", "plead with", "plead for", "petition", "press", "push",
        "pressure", "press for", "push for", "lobby", "lobby for", "encourage", "exhort", "invite",
        "advise", "recommend", "order", "instruct", "direct", "command", "entreat", "beseech", "nudge",
        "prod", "dare", "summon", "subpoena", "require", "beg for", "clamor for", "clamour for",
        "propose", "move", "ask for", "call on to", "tell to", "challenge to", "issue a call",
        "make a plea", "make an appeal", "plea", "seek help", "seek support", "solicit", "insist on",
        "advice", "request for", "requests for", "demand for", "demands for",
    ),
    A.AGREE: (
        "agree", "accept", "concur", "consent", "acquiesce", "assent", "go along with", "sign on",
        "sign off on", "approve", "settle", "reach a deal", "reach an agreement", "strike a deal",
        "sign", "agree with", "agree to", "echo the sentiment", "share the view", "concur with",
        "compromise", "yield", "relent", "give in", "cave", "accede", "comply", "nod",
        "second", "reconcile", "make peace", "sign a deal", "sign an agreement",
    ),
    A.ADMIT: (
        "admit", "acknowledge", "concede", "confess", "grant", "allow", "recognize",
        "recognise", "own up", "own up to", "come clean", "accept responsibility",
        "take responsibility", "claim responsibility", "apologize", "apologise", "apologize for",
        "plead guilty", "admit to", "acknowledge that",
        "express regret", "regret", "accept blame", "take the blame", "fess up", "admission",
        "acknowledgement", "acknowledgment",
    ),
    A.PROMISE: (
        "promise", "pledge", "vow", "swear", "guarantee", "commit", "commit to", "assure",
        "reassure", "offer", "undertake", "swear to", "give one's word", "give his word",
        "give her word", "resolve", "offer to", "make a commitment", "make a pledge", "make a promise",
        "vow to", "pledge to", "promise to", "assurance", "assurances",
    ),
    A.PRAISE: (
        "praise", "hail", "laud", "thank", "commend", "applaud", "compliment", "congratulate",
        "salute", "celebrate", "acclaim", "extol", "exalt", "eulogize", "eulogise", "honor", "honour",
        "pay tribute", "pay tribute to", "cheer", "tout", "rave", "rave about", "gush", "gush about",
        "flatter", "admire", "credit", "give credit", "hail as", "herald", "speak highly of",
        "speak favorably of", "speak well of", "sing the praises of", "heap praise on",
        "lavish praise on", "express gratitude", "express admiration", "express confidence",
    ),
    A.SUPPORT: (
        "endorse", "back", "support", "defend", "champion", "advocate", "advocate for", "side with",
        "stand with", "rally behind", "rally around", "rally to", "vouch for", "welcome", "embrace",
        "favor", "favour", "uphold", "sponsor", "cosponsor", "co-sponsor", "vote for", "campaign for",
        "sign on to", "throw support behind", "throw his support behind", "throw her support behind",
        "throw their support behind", "throw weight behind", "get behind", "fight for", "stick up for",
        "stand up for", "justify", "bolster", "promote", "be in favor of", "vote in favor of",
        "come out for", "come out in support of", "come to the defense of", "speak in favor of",
        "express support", "voice support", "pledge support", "offer support", "lend support",
        "back up", "nominate", "vote", "cast vote for", "cast their vote for", "cast his vote for",
        "cast her vote for", "support for", "supporter", "supporter of", "endorsement",
        "endorsement of", "line up behind", "identify with", "tend to support",
    ),
    A.QUESTION: (
        "question", "wonder", "query", "inquire", "enquire", "ask about", "quiz", "grill",
        "interrogate", "doubt", "cast doubt", "cast doubt on", "raise questions", "raise a question",
        "raise the question", "raise doubts", "raise questions about", "ask whether", "ask if",
        "challenge", "puzzle", "puzzle over", "be skeptical", "be sceptical", "express doubt",
        "voice doubt", "express skepticism", "voice skepticism", "probe", "press on",
        "questions about", "question of", "the question of", "questions",
    ),
    A.PREDICT: (
        "predict", "forecast", "expect", "project", "anticipate", "foresee", "estimate", "prophesy",
        "bet", "wager", "speculate", "surmise", "envision", "envisage", "calculate", "foretell", "be expect",
        "be project", "be widely expect", "be poise to", "peg", "figure",
        "extrapolate", "prognosticate", "be forecast", "speculation", "prediction",
        "projection", "expectation",
    ),
    A.BELIEVE: (
        "believe", "think", "feel", "know", "fear", "hope", "worry", "worry about", "suspect",
        "assume", "presume", "reckon", "consider", "deem", "regard", "view", "see", "guess", "imagine",
        "suppose", "trust", "understand", "realize", "realise", "sense", "perceive", "be convinced",
        "be confident", "be sure", "be certain", "be worried", "be afraid", "dread", "wish", "like",
        "love", "dislike", "hate", "prefer", "appreciate", "dream", "be seen as", "be consider",
        "be convince", "be persuade", "be aware", "be optimistic", "be pessimistic", "be hopeful",
        "be proud of", "be glad", "be happy", "be sad", "care about", "mind", "buy", "buy into",
        "believe in", "have faith", "agonize", "doubt that", "be skeptical that", "be certain that",
        "notice", "take the view", "hold the view", "be of the view", "remain confident",
        "worried", "worried about", "confident", "convinced", "afraid", "count on", "relish",
        "enjoy", "view of", "views", "views of", "belief", "the idea", "idea", "notion",
    ),
    A.INTEND: (
        "want", "plan", "intend", "seek", "aim", "mean to", "try", "attempt", "strive", "endeavor",
        "endeavour", "look to", "set out to", "prepare", "decide", "determine", "choose", "opt",
        "would like", "be determined", "be set to", "weigh", "mull", "contemplate", "eye", "plot",
        "scheme", "aspire", "desire", "crave", "hope to", "wish to", "look for", "be eager",
        "be eager to", "be keen", "be keen to", "be willing", "be willing to", "be ready to",
        "be prepared to", "be plan", "be look for", "be look to", "be seek", "be mull",
        "push to", "work to", "move to", "vote to", "be scheduled to", "be due to",
        "consider run", "explore", "focus on", "set to", "determined", "willing", "eager",
        "look forward to", "decision", "decision to", "intention", "plan to", "plans",
    ),
    A.REPORT: (
        "report", "write", "according to", "show", "find", "document", "publish", "quote", "record",
        "log", "list", "chronicle", "cover", "broadcast", "air", "print", "leak", "blog", "report on",
        "write about", "write in", "first report", "be report", "be first report by", "cite as",
        "demonstrate", "prove", "illustrate", "depict",
        "as report by", "per", "learn", "editorialize", "opine", "include", "feature",
        "title", "headline", "caption",
    ),
}  # fmt: skip

# Cues whose act depends on what follows: (lemma, complement) -> act. Complements are the word
# introducing the content ("to", "whether", "that", "of", "for") or "?" for a direct question.
_WH_WORDS = ("whether", "if", "why", "how", "what", "who", "whom", "when", "where", "which", "?")
COMPLEMENT_RULES: dict[tuple[str, str], SpeechAct] = {
    **{("ask", wh): A.QUESTION for wh in _WH_WORDS},
    **{("wonder", wh): A.QUESTION for wh in _WH_WORDS},
    ("ask", "to"): A.REQUEST,
    ("ask", "for"): A.REQUEST,
    ("tell", "to"): A.REQUEST,
    ("write", "to"): A.REQUEST,
    ("challenge", "to"): A.REQUEST,
    ("call", "for"): A.REQUEST,
    ("call", "on"): A.REQUEST,
    ("offer", "to"): A.PROMISE,
    ("decline", "to"): A.REJECT,
    ("refuse", "to"): A.REJECT,
    ("hope", "to"): A.INTEND,
    ("wish", "to"): A.INTEND,
    ("expect", "to"): A.PREDICT,
    ("threaten", "to"): A.THREATEN,
    ("vow", "to"): A.PROMISE,
    ("swear", "to"): A.PROMISE,
    ("agree", "to"): A.AGREE,
    ("question", "whether"): A.QUESTION,
    ("doubt", "that"): A.BELIEVE,
    ("doubt", "whether"): A.QUESTION,
    ("call", "?"): A.QUESTION,
    # "has pleaded not guilty to fraud": the parser leaves the plea in the content.
    ("plead", "not"): A.DENY,
    ("plead", "guilty"): A.ADMIT,
}

# What a negated cue means. Acts whose negation is itself another act flip ("did not agree" is a
# rejection); acts that a negation merely withholds ("did not deny", "would not rule out", "did not
# criticize") become a plain STATEMENT, since neither the act nor its opposite happened; acts that
# carry their polarity inside the content ("does not think", "does not want") keep their type.
NEGATION: dict[SpeechAct, SpeechAct] = {
    A.AGREE: A.REJECT,
    A.SUPPORT: A.REJECT,
    A.ACCUSE: A.STATEMENT,
    A.CRITICIZE: A.STATEMENT,
    A.PRAISE: A.STATEMENT,
    A.DENY: A.STATEMENT,
    A.REJECT: A.STATEMENT,
    A.ADMIT: A.STATEMENT,
    A.PROMISE: A.STATEMENT,
    A.THREATEN: A.STATEMENT,
    A.REQUEST: A.STATEMENT,
}

# Sources that are documents or data (cues.DOCUMENT_NOUNS): their statements are REPORTs ("the study
# found", "the filing says") unless the cue names a stronger act ("the indictment alleges" stays ACCUSE).
_DOCUMENT_OVERRIDABLE = frozenset({A.STATEMENT, A.CLAIM, A.BELIEVE, A.PREDICT})

LEXICON: dict[str, SpeechAct] = {
    phrase: act for act, phrases in LEXICON_BY_ACT.items() for phrase in phrases
}

# Words dropped from a cue phrase before lookup: auxiliaries, modals, adverbs of frequency and manner.
_FILLER = frozenset(
    """have do will would can could may might shall should must also later then repeatedly again
    reportedly allegedly publicly privately recently previously once first further quickly now just
    even still already often frequently long originally initially separately subsequently earlier
    widely openly flatly strongly vehemently firmly sharply angrily loudly quietly bluntly simply
    only immediately promptly swiftly bitterly fiercely forcefully emphatically explicitly directly
    sarcastically derisively jokingly tearfully proudly happily sadly always ever since sometimes
    apparently essentially effectively actually really ultimately eventually
    constantly consistently regularly routinely has had ’s 's ve ’ve""".split()
)
NEGATORS = frozenset({"not", "never", "no", "neither", "nor"})

_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "took": "take", "taken": "take", "wrote": "write",
    "written": "write", "thought": "think", "knew": "know", "known": "know", "felt": "feel",
    "saw": "see", "seen": "see", "spoke": "speak", "spoken": "speak", "gave": "give", "given": "give",
    "made": "make", "held": "hold", "stood": "stand", "swore": "swear", "sworn": "swear",
    "foresaw": "foresee", "foreseen": "foresee", "sought": "seek", "went": "go", "gone": "go",
    "laid": "lay", "meant": "mean", "found": "find", "brought": "bring", "struck": "strike",
    "threw": "throw", "thrown": "throw", "understood": "understand", "got": "get", "gotten": "get",
    "is": "be", "was": "be", "were": "be", "are": "be", "been": "be", "being": "be", "am": "be",
    "having": "have", "does": "do", "did": "do",
    "done": "do", "came": "come", "shot": "shoot", "fought": "fight", "bet": "bet", "forecast": "forecast",
    "put": "put", "read": "read", "hit": "hit", "cast": "cast", "led": "lead", "paid": "pay",
    "forbade": "forbid", "forgave": "forgive", "rang": "ring", "rose": "rise", "broke": "break",
    "broken": "break", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw",
    "tore": "tear", "torn": "tear", "overrode": "override", "withdrew": "withdraw", "won": "win",
    "taught": "teach", "caught": "catch", "dealt": "deal", "heard": "hear", "lost": "lose",
    "sent": "send", "spent": "spend", "left": "leave", "kept": "keep", "let": "let", "set": "set",
    "quit": "quit", "shook": "shake", "shaken": "shake", "woke": "wake", "shown": "show", "showed": "show",
    "n't": "not", "n’t": "not",
}  # fmt: skip
_VOWELS = set("aeiou")


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    words = {word for phrase in LEXICON for word in phrase.split()}
    words.update(lemma for lemma, _ in COMPLEMENT_RULES)
    return frozenset(words)


@lru_cache(maxsize=4096)
def lemmatize_word(word: str) -> str:
    """An English verb lemma good enough for cue words ("slammed" -> "slam", "denies" -> "deny")."""
    word = word.lower().strip()
    if word in LEXICON or word in NEGATORS or word in _FILLER:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    candidates: list[str] = []
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            candidates += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS | set("lsfz"):
                candidates.insert(0, stem[:-1])  # "stopped" -> "stop", not "stopp"
            if stem.endswith("i"):
                candidates.append(stem[:-1] + "y")
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("es"):
        candidates.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        candidates.append(word[:-1])
    if word.endswith("ied"):
        candidates.insert(0, word[:-3] + "y")
    known = _known_words()
    for wanted in (LEXICON, known):
        for candidate in candidates:
            if candidate in wanted:
                return candidate
    if word in known:  # a word that only occurs inside phrases ("praises" in "sing the praises of")
        return word
    return candidates[0] if candidates else word


# Verbs that withhold the act of the cue after them.
_REFUSING = ("decline to", "refuse to")
# Verbs of telling whose negation is a refusal to tell ("would not say whether", "did not disclose").
_DISCLOSING = frozenset(
    {"say", "comment", "disclose", "reveal", "confirm", "discuss", "specify", "elaborate", "detail", "respond", "reply"}
)


def _withholds(head: str, complement: str | None) -> bool:
    """A negated verb of telling withholds an answer: "would not say whether …", "did not disclose
    how much", "did not comment (on …)", "did not respond to a request for comment"; not "did not say
    that …", which reports what was said."""
    if complement in _WH_WORDS:
        return True
    return head != "say" and complement in (None, "on", "to")


_AVOIDING = ("steer clear of", "stop short of", "refrain from", "avoid", "shy away from", *_REFUSING)

_TOKEN = re.compile(r"[\w’'-]+|\?")


def normalize_cue(cue: str) -> tuple[str, bool]:
    """A cue phrase as a lemma phrase without fillers, and whether it is negated.

    "has repeatedly slammed" -> ("slam", False); "did not deny" -> ("deny", True);
    "was asked" -> ("be ask", False).
    """
    words = [lemmatize_word(w) for w in _TOKEN.findall(cue.replace("n’t", " n’t").replace("n't", " n't"))]
    with_negators = " ".join(w for w in words if w not in _FILLER)
    if with_negators in LEXICON and set(with_negators.split()) & NEGATORS:
        return with_negators, False
    negated = any(w in NEGATORS for w in words)
    kept = [w for w in words if w not in _FILLER and w not in NEGATORS]
    # "be" is kept only before a participle that makes a passive or adjectival cue ("be ask", "be expect").
    while kept and kept[0] == "be" and " ".join(kept) not in LEXICON and not _prefix_in_lexicon(kept):
        kept = kept[1:]
    return " ".join(kept), negated


def _prefix_in_lexicon(words: list[str]) -> bool:
    return any(" ".join(words[:n]) in LEXICON for n in range(2, len(words) + 1))


def lookup(lemma_phrase: str) -> SpeechAct | None:
    """The act of the longest known prefix of a lemma phrase ("say in a statement" -> STATEMENT)."""
    words = lemma_phrase.split()
    for n in range(len(words), 0, -1):
        act = LEXICON.get(" ".join(words[:n]))
        if act is not None:
            return act
    # Phrases led by a light verb ("issue a statement saying"): the last known word decides.
    for word in reversed(words):
        if word in LEXICON:
            return LEXICON[word]
    return None


def classify(
    cue: str | None,
    *,
    complement: str | None = None,
    negated: bool = False,
    source_is_document: bool = False,
) -> SpeechAct:
    """The speech act of an attribution from its cue phrase and what introduces its content.

    ``complement`` is the word that introduces the content ("to", "whether", "that", "of"), or
    "?" when the content is a direct question. ``negated`` is negation found outside the cue text
    (the caller reads the parse); negation inside the cue phrase ("did not deny") is found here.
    """
    if not cue:
        return A.REPORT if source_is_document else A.STATEMENT
    phrase, phrase_negated = normalize_cue(cue)
    negated = negated or phrase_negated
    refused = False
    for avoiding in _AVOIDING if phrase not in LEXICON else ():
        if phrase.startswith(avoiding + " "):
            # "avoids condemning", "stopped short of endorsing": the act is withheld, as when negated;
            # "refused to answer" refuses a plain statement, which is a rejection.
            phrase, negated, refused = phrase[len(avoiding) + 1 :], True, avoiding in _REFUSING
            break
    head = phrase.split()[0] if phrase else ""
    act = None
    if complement:
        act = COMPLEMENT_RULES.get((phrase, complement.lower())) or COMPLEMENT_RULES.get(
            (head, complement.lower())
        )
    if act is None:
        act = lookup(phrase) or A.STATEMENT
    if refused and act is A.STATEMENT:
        return A.REJECT
    if negated and head in _DISCLOSING and _withholds(head, complement):
        return A.REJECT  # "would not say whether …", "did not comment": withheld, as "declined to say"
    if negated:
        act = NEGATION.get(act, act)
    if source_is_document and act in _DOCUMENT_OVERRIDABLE:
        act = A.REPORT
    return act
