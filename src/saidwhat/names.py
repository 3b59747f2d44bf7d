"""Names and the small curated lexicons entity resolution reads.

Everything here is about strings: normalising a surface name into comparable tokens, telling a
title from a name, matching a surname-only or misspelled mention to a full name, and knowing which
common nouns ("the official", "the company", "the Jewish state") can stand for which kind of entity.
No article-specific knowledge lives here: only general English and general news vocabulary.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

# Honorifics and titles that precede a person's name; they are descriptors, never part of the name.
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother
    president vice president-elect vp secretary minister prime deputy chancellor premier governor gov
    senator sen rep representative congressman congresswoman speaker leader mayor ambassador envoy
    judge justice attorney general gen lt col maj capt captain sgt cmdr adm admiral commander
    officer chief ceo chairman chairwoman chair director spokesman spokeswoman spokesperson
    coach manager king queen prince princess sheikh ayatollah pope archbishop bishop cardinal
    commissioner sheriff inspector detective agent state former acting interim elect
    treasurer councillor councilman councilwoman alderman constable superintendent
    clerk registrar auditor comptroller assemblyman assemblywoman assemblymember councilmember
    selectman selectwoman trustee supervisor magistrate provost
    sergeant lieutenant colonel corporal justices judges senators sens reps representatives
    det con insp comrade hon honourable honorable alhaji engr barr otunba
    """.split()
)

# Abbreviated titles, so "Sen. Ted Cruz" is the one "the senator" means.
TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "pres": "president",
    "sec": "secretary", "atty": "attorney", "lt": "lieutenant", "col": "colonel", "capt": "captain",
    "sgt": "sergeant", "prof": "professor", "dr": "doctor", "supt": "superintendent", "amb": "ambassador",
}

# Suffixes that follow a surname ("Martin Luther King Jr.").
NAME_SUFFIXES = frozenset(
    # Post-nominals too: senior counsel ("Siobhan McGrath SC"), members of parliament, honours.
    {"jr", "sr", "ii", "iii", "iv", "esq", "phd", "md", "sc", "kc", "qc", "mp", "msp", "mep", "obe", "mbe", "cbe"}
)

MASCULINE_HONORIFICS = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother", "sheikh"})
FEMININE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"})
# Honorifics proper: always followed by a name ("Mr. Justice" is a man called Justice).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})

# Role nouns with a built-in gender (used as gender evidence when they describe a person).
MASCULINE_NOUNS = frozenset(
    {"man", "husband", "father", "son", "brother", "boy", "spokesman", "chairman", "congressman",
     "businessman", "king", "prince", "uncle", "grandfather", "actor", "widower"}
)
FEMININE_NOUNS = frozenset(
    {"woman", "wife", "mother", "daughter", "sister", "girl", "spokeswoman", "chairwoman",
     "congresswoman", "businesswoman", "queen", "princess", "aunt", "grandmother", "actress", "widow"}
)

# Person role nouns a definite description can use ("the official", "the striker"). Each maps to
# the broader classes it belongs to, so "the official" can pick up someone titled "Secretary".
PERSON_ROLES: dict[str, frozenset[str]] = {}


def _roles(classes: str, words: str) -> None:
    for word in words.split():
        PERSON_ROLES[word] = frozenset(classes.split()) | {word}


_roles(
    "official politician",
    "president secretary minister senator governor mayor lawmaker legislator congressman "
    "congresswoman representative ambassador envoy diplomat premier chancellor commissioner "
    "spokesman spokeswoman spokesperson speaker nominee candidate president-elect leader member "
    "chief director administrator adviser advisor aide negotiator mediator",
)
_roles("official", "official officer sheriff regulator prosecutor inspector agent")
_roles("executive", "executive ceo chairman chairwoman chair founder boss owner businessman businesswoman "
       "billionaire tycoon entrepreneur investor banker")
_roles("legal", "judge justice lawyer attorney counsel magistrate defendant plaintiff")
_roles("sport", "coach manager player striker midfielder defender goalkeeper captain forward "
       "quarterback pitcher batsman bowler champion athlete runner driver rider")
_roles("expert", "scientist researcher professor economist analyst author doctor physician "
       "historian expert scholar engineer astronomer biologist physicist")
_roles("person", "man woman boy girl actor actress singer artist writer novelist director "
       "journalist reporter editor commentator host activist victim witness survivor suspect "
       "veteran father mother son daughter husband wife "
       "headteacher headmaster headmistress principal teacher nurse surgeon pilot farmer student "
       "pastor priest imam rabbi firefighter paramedic soldier")
_roles("performer person", "star celebrity musician rapper comedian presenter singer actor actress")
# Sports and feature writing call a person by nationality or age ("the Spaniard added", "the
# 42-year-old replied"). Nouns that also name an outlet ("The Australian", "The Scotsman") are left out.
NATIONALITY_NOUNS = frozenset(
    """
    spaniard frenchman frenchwoman dutchman dutchwoman englishman englishwoman scot welshman welshwoman
    irishman irishwoman briton swede dane finn pole norwegian german italian brazilian argentine
    argentinian portuguese croat serb belgian austrian canadian kenyan nigerian mexican colombian
    uruguayan egyptian ghanaian senegalese ivorian cameroonian moroccan algerian russian ukrainian
    georgian turk greek iranian pakistani japanese korean kiwi chilean peruvian ecuadorian venezuelan
    hungarian romanian bulgarian slovak slovenian czech estonian latvian lithuanian icelander jamaican
    ethiopian ugandan tanzanian zimbabwean croatian serbian bosnian albanian american
    kazakh belarusian tunisian south-african new-zealander
    """.split()
)
AGE_NOUN = "year-old"
_roles("person", " ".join(NATIONALITY_NOUNS) + " " + AGE_NOUN)

# Organisation / place / outlet nouns: "the company", "the terror group", "the Jewish state".
ORG_NOUNS = frozenset(
    """
    company firm group organization organisation agency party campaign committee department ministry
    bank club team court board union council commission foundation institute university college
    school hospital charity militia movement faction bureau administration government regime
    carmaker automaker retailer airline insurer lender manufacturer startup conglomerate corporation
    maker chipmaker drugmaker steelmaker planemaker supplier grocer supermarket broadcaster miner brewer
    chain giant
    business brand label studio parliament senate congress legislature cabinet alliance coalition
    federation association league network service authority office army military navy police
    fund panel subcommittee tribunal
    """.split()
)
# Last words that make a name an organisation's ("… Coalition", "… Caucus", "… Institute").
ORG_HEADS = frozenset(
    """
    coalition caucus society association federation union council committee commission institute
    foundation fund agency bureau department ministry party league alliance network center centre
    corporation company group organization organisation university college academy trust
    """.split()
)
# What an organisation's name says it is, for the descriptions that fit it: "the agency" is the
# Congressional Budget Office or the Department of Veterans Affairs, "the union" an association of workers.
ORG_KINDS: dict[str, frozenset[str]] = {
    "agency": frozenset("agency office department administration bureau service commission authority".split()),
    "union": frozenset("union association federation brotherhood guild workers teamsters".split()),
    "panel": frozenset("panel committee subcommittee commission board".split()),
    "committee": frozenset("committee subcommittee panel".split()),
    "court": frozenset("court tribunal".split()),
    "department": frozenset("department ministry office".split()),
}
GPE_NOUNS = frozenset("country state nation city kingdom republic island capital region province territory".split())
# Organisations named by their owner: "the Clinton campaign", "Trump’s team", "the Obama administration".
OWNED_ORG_NOUNS = frozenset("campaign team administration government camp foundation staff ministry embassy".split())
MEDIA_NOUNS = frozenset("newspaper paper outlet broadcaster magazine daily tabloid channel station website site network journal".split())

# News outlets: their names are MEDIA even when the tagger says ORG/PERSON/GPE.
OUTLETS = frozenset(
    """
    ap associated-press reuters afp bloomberg bbc cnn msnbc cnbc fox-news nbc abc cbs npr pbs
    politico axios breitbart huffpost huffington-post vox slate salon buzzfeed vice the-hill
    al-jazeera sky-news itv channel-4 rte dw france-24 xinhua tass ria-novosti yonhap kyodo
    guardian telegraph independent economist spectator times sun mirror express observer
    daily-mail mail-online wall-street-journal wsj new-york-times nyt washington-post usa-today
    los-angeles-times new-york-post financial-times ft newsweek time-magazine the-atlantic
    new-yorker haaretz jerusalem-post times-of-israel le-monde der-spiegel el-pais
    rt russia-today sputnik voa voice-of-america politifact realclearpolitics fivethirtyeight
    zero-hedge drudge-report national-review propublica the-intercept
    """.split()
)
# Broadcasters and print titles, so "the network" is not a newspaper and "the paper" not a channel.
BROADCASTERS = frozenset(
    "bbc cnn msnbc cnbc fox-news nbc abc cbs npr pbs sky-news itv channel-4 rte dw france-24 al-jazeera rt "
    "russia-today voa voice-of-america".split()
)
PRINT_HEADS = frozenset(
    "times post journal herald tribune gazette telegraph guardian globe chronicle inquirer examiner observer "
    "register courier mirror express star sun magazine daily weekly".split()
)
BROADCAST_NOUNS = frozenset("network channel station broadcaster".split())
PRINT_NOUNS = frozenset("newspaper paper daily tabloid magazine journal".split())


def outlet_medium(tokens: list[str]) -> str | None:
    """"broadcast" or "print" when an outlet's name says which, else None."""
    if "-".join(tokens) in BROADCASTERS:
        return "broadcast"
    if tokens and tokens[-1] in PRINT_HEADS:
        return "print"
    return None


def noun_medium(noun: str) -> str | None:
    return "broadcast" if noun in BROADCAST_NOUNS else "print" if noun in PRINT_NOUNS else None
# A name ending in one of these words is an outlet ("The Boston Globe", "Fox News").
OUTLET_HEADS = frozenset(
    "times post journal news herald tribune gazette telegraph guardian globe chronicle inquirer "
    "examiner observer register courier mirror express star sun magazine radio television tv "
    "press daily weekly review wire dispatch bulletin".split()
)
# Frequently mistyped organisations (spaCy calls "Hamas" ORG, GPE or PERSON by turns).
KNOWN_ORGS = frozenset(
    """
    hamas hezbollah fatah isis isil al-qaeda taliban houthis nato un eu who imf opec fbi cia nsa
    dhs doj irs sec fda cdc nasa pentagon kremlin congress senate parliament idf fifa uefa ioc
    google apple microsoft amazon meta facebook twitter tesla nhs labour tories conservatives
    democrats republicans gop dnc rnc
    """.split()
)

# Demonyms and state adjectives: "the Jewish state" is Israel, "the British government" Britain.
DEMONYMS: dict[str, str] = {
    "jewish": "israel", "israeli": "israel", "american": "united states", "us": "united states",
    "u.s.": "united states", "british": "britain", "english": "england", "french": "france",
    "german": "germany", "russian": "russia", "chinese": "china", "japanese": "japan",
    "iranian": "iran", "palestinian": "palestine", "egyptian": "egypt", "qatari": "qatar",
    "saudi": "saudi arabia", "turkish": "turkey", "indian": "india", "pakistani": "pakistan",
    "ukrainian": "ukraine", "mexican": "mexico", "canadian": "canada", "italian": "italy",
    "spanish": "spain", "irish": "ireland", "scottish": "scotland", "welsh": "wales",
    "korean": "korea", "syrian": "syria", "lebanese": "lebanon", "iraqi": "iraq", "afghan": "afghanistan",
    "australian": "australia", "brazilian": "brazil", "european": "europe", "dutch": "netherlands",
}

# Other spellings of the same place, normalised to one key.
# Short names of organisations that are neither acronyms nor a word of the full name.
ORG_SHORT_NAMES: dict[str, str] = {"fed": "federal reserve", "the fed": "federal reserve"}

PLACE_ALIASES: dict[str, str] = {
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "uk": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "uae": "united arab emirates", "drc": "democratic republic of congo",
}

_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")
_NON_WORD = re.compile(r"[^\w\s-]")


def strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def name_tokens(text: str) -> list[str]:
    """Lower-cased, accent-free word tokens of a name, without possessive, dots or leading "the"."""
    text = _POSSESSIVE.sub("", text.strip())  # "Clinton’s campaign" is the "Clinton campaign"
    # "O'Neill" and "O’Neill" are one name: apostrophes inside a word are dropped, not split on.
    text = re.sub(r"(?<=\w)['’](?=\w)", "", strip_accents(text).lower().replace(".", ""))
    tokens = [t.strip("-") for t in _NON_WORD.sub(" ", text).split()]
    tokens = [t for t in tokens if t]
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return tokens


def person_tokens(text: str) -> list[str]:
    """A person's name tokens with leading titles and trailing suffixes dropped."""
    tokens = name_tokens(text)
    while len(tokens) > 1 and tokens[0] in TITLE_WORDS:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens = tokens[:-1]
    return tokens


def name_key(text: str) -> str:
    """The comparable form of a non-person name: "The U.S." and "US" and "America" agree."""
    key = " ".join(name_tokens(text))
    return PLACE_ALIASES.get(key, key)


def surname(tokens: list[str]) -> str:
    return tokens[-1] if tokens else ""


def is_outlet_name(text: str, label: str) -> bool:
    """A known outlet whatever the tagger says, or an organisation named like one ("… Gazette")."""
    tokens = name_tokens(text)
    if not tokens:
        return False
    if "-".join(tokens) in OUTLETS:
        return True
    return label != "GPE" and len(tokens) > 1 and tokens[-1] in OUTLET_HEADS


def is_known_org(text: str) -> bool:
    return "-".join(name_tokens(text)) in KNOWN_ORGS


def is_short_form(short: list[str], full: list[str]) -> bool:
    """"Times" is a short form of "New York Times" (head-final part), not of "Times of Israel"."""
    return 0 < len(short) < len(full) and full[-len(short):] == short


# What a company's name ends in and its short form leaves off ("Northfield" for "Northfield Group plc").
COMPANY_SUFFIXES = frozenset(
    "group inc corp corporation co company holdings plc ltd llc partners industries "
    # The trade words a company's short form drops too ("Norvale" for "Norvale Foods Plc").
    "foods capital equity financial securities investments investors energy motors airlines airways "
    "pharmaceuticals technologies systems brands resources bancorp insurance healthcare laboratories "
    "entertainment communications networks software "
    # Football clubs ("Rovers" for "Kingsbridge Rovers", "Ashcombe" for "Ashcombe Town").
    "fc afc united town rovers athletic wanderers albion rangers hotspur".split()
)


def is_company_short_form(short: list[str], full: list[str]) -> bool:
    """"Northfield" is a short form of "Northfield Group", "Crestline" of "Crestline Holdings Inc"."""
    rest = full[len(short) :]
    return 0 < len(short) and full[: len(short)] == short and bool(rest) and all(w in COMPANY_SUFFIXES for w in rest)


def is_acronym_of(short: list[str], full: list[str]) -> bool:
    """"FBI" for "Federal Bureau of Investigation" (function words skipped)."""
    if len(short) != 1 or len(full) < 2 or len(short[0]) < 2:
        return False
    initials = "".join(t[0] for t in full if t not in {"of", "for", "and", "the", "on", "in", "to", "at"})
    return short[0] == initials


def likely_misspelling(a: str, b: str) -> bool:
    """Two surnames one typo apart ("Hamdan"/"Hamadan"), guarded so "Clinton" ≠ "Clayton"."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    distance = Levenshtein.distance(a, b)
    return distance <= 1 or (distance == 2 and min(len(a), len(b)) >= 9)


def gender_of_title(tokens: list[str]) -> str | None:
    for token in tokens:
        if token in MASCULINE_HONORIFICS or token in MASCULINE_NOUNS:
            return "masc"
        if token in FEMININE_HONORIFICS or token in FEMININE_NOUNS:
            return "fem"
    return None

# Common first names with a conventional gender: weak evidence, used only when the article itself
# gives none (no honorific, no gendered role noun, no pronoun yet).
MASCULINE_FIRST_NAMES = frozenset(
    """
    aaron adam alan albert alex alexander andrew angus antony anthony barack ben benjamin bernie bill
    bob boris brian carlos charles chris christopher chuck dan daniel darren david dennis donald doug
    ed edward emmanuel eric frank gary george gordon greg harry henry hunter ian jack jacob james jared
    jason jeff jeremy jim joe john jon jonathan jose joseph josh justin keir keith ken kevin larry lee
    luis marco mark martin matt matthew michael mike mitch mitt muhammad mohammed narendra newt nick
    nigel oliver osama owen paul peter phil ralph richard rishi robert roger ron rudy ryan sam scott
    sean sergei stephen steve steven ted thomas tim tom tony vladimir walter william xi yasser yair
    anders lars erik johan magnus sven olaf hans jan jens pierre jean luc marcel francois giovanni luca
    matteo diego javier juan pablo miguel rafael alejandro ahmed ali hassan hussein omar khalid ibrahim
    ivan dmitri andrei igor alexei hiroshi kenji takeshi raj rahul amit arjun vikram kwame kofi chidi
    emeka tunde olusegun jorge fernando ricardo eduardo andre tomasz piotr krzysztof viktor stefan
    """.split()
)
FEMININE_FIRST_NAMES = frozenset(
    """
    abigail alexandria alice amanda amy angela ann anna anne barbara betsy carly caroline catherine
    chelsea christine claire debbie diane donna elizabeth ellen emily emma genevieve hannah heather
    helen hillary huma ivanka jane janet jennifer jessica jill joan julia julie kamala karen kate
    katherine kathleen kellyanne kelly laura lily lisa liz lucy margaret maria marie mary melania melanie
    michelle nancy nicola olivia patricia priti rachel rebecca sarah sharon sophie stephanie susan
    suella theresa ursula victoria
    ingrid astrid elin freya sofia isabella lucia elena ana fatima aisha priya anita sunita mei yuki
    olga natalia irina svetlana chloe amelie giulia francesca carmen rosa leila nadia amina ngozi
    chiamaka marisol leanne siobhan aoife niamh maeve agnieszka katarzyna beatriz gabriela valentina
    """.split()
)


def gender_of_first_name(tokens: list[str]) -> str | None:
    if len(tokens) < 2:
        return None
    if tokens[0] in MASCULINE_FIRST_NAMES:
        return "masc"
    if tokens[0] in FEMININE_FIRST_NAMES:
        return "fem"
    return None


# Short forms of given names ("Walt" Penhallow is Walter Penhallow); a short form that is the start of
# the full name ("Walt", "Sam", "Alex") needs no entry.
_GIVEN_NAME_SHORT_FORMS = {
    "bill": "william", "billy": "william", "will": "william", "bob": "robert", "bobby": "robert", "rob": "robert",
    "jim": "james", "jimmy": "james", "mike": "michael", "tom": "thomas", "tommy": "thomas", "dick": "richard",
    "rick": "richard", "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth", "kate": "katherine",
    "katie": "katherine", "joe": "joseph", "chuck": "charles", "charlie": "charles", "ted": "edward",
    "ed": "edward", "eddie": "edward", "tony": "anthony", "dave": "david", "steve": "stephen", "jack": "john",
    "johnny": "john", "hank": "henry", "harry": "henry", "andy": "andrew", "drew": "andrew", "peggy": "margaret",
    "meg": "margaret", "maggie": "margaret", "jenny": "jennifer", "jen": "jennifer", "sue": "susan",
    "becky": "rebecca", "don": "donald", "ron": "ronald", "larry": "lawrence", "jerry": "gerald", "pat": "patrick",
    "nick": "nicholas", "chris": "christopher", "matt": "matthew", "dan": "daniel", "danny": "daniel",
    "greg": "gregory", "jeff": "jeffrey", "sam": "samuel", "ben": "benjamin", "alex": "alexander", "fred": "frederick",
}


# One given name, several romanisations ("Mohammed"/"Muhammad", "Yusuf"/"Youssef").
_ROMANISATIONS = {
    spelling: group[0]
    for group in (
        ("muhammad", "mohammed", "mohammad", "mohamed", "muhammed", "mohamad", "mohd"),
        ("ahmed", "ahmad"),
        ("yusuf", "yousef", "youssef", "yousuf"),
        ("hussein", "hussain", "husain", "hossein"),
        ("abdullah", "abdallah"),
        ("omar", "umar"),
        ("mustafa", "mustapha", "moustafa"),
    )
    for spelling in group
}
# Particles that open a surname of several words ("Abu Rayyan", "Van Hollen", "de la Cruz").
SURNAME_PARTICLES = frozenset("abu al el bin ibn ben van von de del della di da le la du dos das".split())


def is_given_name_form(short: str, given: str) -> bool:
    """Whether ``short`` (normalised) is ``given``, another romanisation of it, or a short form of it
    ("walt" → "walter", "bill" → "william", "muhammad" → "mohammed")."""
    if short == given or _ROMANISATIONS.get(short, short) == _ROMANISATIONS.get(given, given):
        return True
    if _GIVEN_NAME_SHORT_FORMS.get(short) == given:
        return True
    return len(short) >= 3 and len(given) > len(short) and given.startswith(short)
