"""Language helpers for statements: dates, lists and small numbers, through Babel."""

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.lists import format_list as babel_format_list

# Dutch writes small numbers in words ("zes maanden"); beyond twelve digits read better.
_NUMBER_WORDS = {
    "nl": [
        "nul",
        "één",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "zeven",
        "acht",
        "negen",
        "tien",
        "elf",
        "twaalf",
    ],
    "en": [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ],
}


# English statements are for readers of a Dutch organisation: day before month, as in Europe.
_DATE_LOCALES = {"en": "en_GB"}


def format_date(value: datetime.date, language: str = "nl") -> str:
    """29 juni 2022; 29 June 2022."""
    return babel_format_date(value, format="long", locale=_DATE_LOCALES.get(language, language))


def format_list(items: list[str], language: str = "nl", style: str = "standard") -> str:
    """ "a, b en c" (style "or": "a, b of c")."""
    items = [item for item in items if item]
    if len(items) < 3:
        return babel_format_list(items, style=style, locale=language) if items else ""
    # Babel formats pattern by pattern, copying the growing text each time (quadratic: a clause
    # listing thousands of items held a worker for minutes). The patterns of our languages are
    # all "{0}<separator>{1}", so joining with their separators gives the same text linearly.
    patterns = _list_patterns(language, style)
    return (
        items[0]
        + patterns["start"]
        + patterns["middle"].join(items[1:-1])
        + patterns["end"]
        + items[-1]
    )


@lru_cache(maxsize=8)
def _list_patterns(language: str, style: str) -> dict[str, str]:
    patterns = Locale.parse(language).list_patterns[style]
    separators = {}
    for name in ("start", "middle", "end"):
        pattern = patterns[name]
        if not (pattern.startswith("{0}") and pattern.endswith("{1}")):
            raise ValueError(f"list pattern {language}/{style}/{name} is not '{{0}}…{{1}}'")
        separators[name] = pattern[3:-3]
    return separators


def number_words(value: int, language: str = "nl") -> str:
    words = _NUMBER_WORDS[language]
    return words[value] if 0 <= value < len(words) else str(value)


_UNITS = {
    "nl": {
        "days": ("dag", "dagen"),
        "weeks": ("week", "weken"),
        "months": ("maand", "maanden"),
        "years": ("jaar", "jaar"),
    },
    "en": {
        "days": ("day", "days"),
        "weeks": ("week", "weeks"),
        "months": ("month", "months"),
        "years": ("year", "years"),
    },
}


def format_duration(amount: int, unit: str, language: str = "nl") -> str:
    """ "zes maanden", "één jaar", "14 dagen"."""
    singular, plural = _UNITS[language][unit]
    return f"{number_words(amount, language)} {singular if amount == 1 else plural}"


_DAYS = {"days": 1, "weeks": 7, "months": 30.44, "years": 365.25}
_DURATION = re.compile(
    r"(\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve)\s*"
    r"(dagen|dag|days|day|weken|week|weeks|maanden|maand|months|month|jaren|jaar|years|year)\b",
    re.IGNORECASE,
)
# Every spelling _DURATION takes, by name: "weken" and "jaren" do not start with "week" and
# "jaar", so a prefix lookup failed on them.
_UNIT_OF = {"dag": "days", "dagen": "days", "day": "days", "days": "days",
            "week": "weeks", "weken": "weeks", "weeks": "weeks",
            "maand": "months", "maanden": "months", "month": "months", "months": "months",
            "jaar": "years", "jaren": "years", "year": "years", "years": "years"}  # fmt: skip
_SESSION = re.compile(r"\b(sessie|session)\b", re.IGNORECASE)


def _amount_unit(amount: str, unit: str) -> tuple[int, str]:
    """("twee", "jaar") -> (2, "years")."""
    words = [*_NUMBER_WORDS["nl"], *_NUMBER_WORDS["en"]]
    word = "één" if amount.lower() == "een" else amount.lower()
    number = int(amount) if amount.isdigit() else words.index(word) % len(_NUMBER_WORDS["nl"])
    return number, _UNIT_OF[unit.lower()]


def duration_days(text: str | None) -> float | None:
    """A duration typed as text ("13 maanden", "2 jaar", "sessie") in days; None when it holds no
    duration. The longest one counts ("sessie, of 30 dagen als je ingelogd blijft")."""
    text = text or ""
    found = []
    for amount, unit in _DURATION.findall(text):
        number, base = _amount_unit(amount, unit)
        found.append(number * _DAYS[base])
    if found:
        return max(found)
    return 0.0 if _SESSION.search(text) else None


_WHOLE_DURATION = re.compile(rf"^\s*{_DURATION.pattern}\s*$", re.IGNORECASE)
_WHOLE_SESSION = re.compile(
    r"^\s*(sessie|session)\s*(\((tot de browser wordt gesloten|until the browser is closed)\))?\s*$",
    re.IGNORECASE,
)
_SESSION_WORDS = {
    "nl": ("sessie", "sessie (tot de browser wordt gesloten)"),
    "en": ("session", "session (until the browser is closed)"),
}


def duration_in(text: str | None, language: str) -> str | None:
    """A duration typed as nothing but a number and a unit, or a session ("13 maanden",
    "sessie"), written in `language` ("13 months", "session"); None for any other text, which
    its writer translates."""
    text = text or ""
    if session := _WHOLE_SESSION.match(text):
        short, long = _SESSION_WORDS[language]
        return long if session.group(2) else short
    if whole := _WHOLE_DURATION.match(text):
        return format_duration(*_amount_unit(*whole.groups()), language)
    return None


def period_days(amount: int, unit: str) -> float:
    return amount * _DAYS[unit]


def capfirst(text: str | None) -> str:
    """The first letter a capital, the rest as typed: "onze boekhouder" at the start of a cell.
    A first word written with a dot or an inner capital is a name as its owner writes it
    ("ipcall.me B.V.", "eBay") and stays as it is."""
    text = (text or "").strip()
    first = text.split(" ", 1)[0]
    if "." in first or any(ch.isupper() for ch in first[1:]):
        return text
    if text.startswith("éé"):
        return "Eé" + text[2:]  # Dutch capitalises "één" as "Eén"
    return text[:1].upper() + text[1:]


def full_stop(text: str | None) -> str:
    """A full stop at the end, unless the text ends in one already ("Spango Internet B.V.")."""
    text = (text or "").strip()
    return text + "." if text and text[-1] not in ".!?:;…" else text


def sentence(text: str | None) -> str:
    """A text typed by the organisation as a sentence of its own: a capital first and a full
    stop at the end, unless it ends in other punctuation already."""
    return full_stop(capfirst(text))


# Words that begin a phrase and are never names, so they lose their capital inside a sentence
# ("Met de afmeldlink" → "met de afmeldlink"); any other first word keeps its capital ("Google").
_LOWER_STARTS = {
    "nl": frozenset(
        [
            "aan",
            "als",
            "bij",
            "binnen",
            "daarna",
            "dat",
            "de",
            "die",
            "door",
            "een",
            "elke",
            "en",
            "hetzelfde",
            "het",
            "in",
            "je",
            "met",
            "na",
            "nadat",
            "niet",
            "nooit",
            "of",
            "om",
            "onderaan",
            "op",
            "over",
            "tot",
            "totdat",
            "uw",
            "van",
            "vanaf",
            "via",
            "voor",
            "wanneer",
            "wij",
            "zo",
            "zodra",
            "zolang",
            "zonder",
        ]
    ),
    "en": frozenset(
        [
            "a",
            "after",
            "an",
            "and",
            "as",
            "at",
            "before",
            "by",
            "each",
            "every",
            "for",
            "from",
            "if",
            "in",
            "of",
            "on",
            "once",
            "the",
            "through",
            "to",
            "until",
            "using",
            "via",
            "we",
            "when",
            "while",
            "with",
            "within",
            "without",
        ]
    ),
}


def inline(text: str | None, language: str = "nl") -> str:
    """A phrase typed by the organisation, placed inside one of the statement's sentences: no
    full stop at its end, and a lower-case first word when that word is an ordinary one."""
    text = (text or "").strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if first.lower() in _LOWER_STARTS[language] and first[1:].islower():
        text = first.lower() + text[len(first) :]
    return text


# The register ("aanspreekvorm"): a formal statement says "u", an informal one "je". What gives
# the other register away is its pronouns; the verb beside one ("kun je", "u heeft") is quoted
# with it, so a message shows the words to rewrite.
_INFORMAL_WORDS = r"je|jij|jou|jouw|jouwe|jezelf|jouzelf|jullie"
_FORMAL_WORDS = r"u|uw|uwe|uzelf"
# A pronoun is a word of its own: not part of "U-bocht" or "je-weet-wel", and not the "u" of a
# time such as "9.00 u" (uur).
_PRONOUN = {
    "formal": re.compile(rf"(?<![\w-])(?:{_INFORMAL_WORDS})(?![\w-])", re.IGNORECASE),
    "informal": re.compile(rf"(?<![\w-])(?<!\d )(?:{_FORMAL_WORDS})(?![\w-])", re.IGNORECASE),
}
_ADDRESSES = re.compile(r"https?://\S+|\S+@\S+")
# Verbs that go with a pronoun in either register; other words around it are not quoted.
_VERBS = frozenset(
    [
        "heb",
        "hebt",
        "heeft",
        "ben",
        "bent",
        "is",
        "kun",
        "kunt",
        "kan",
        "wil",
        "wilt",
        "wilde",
        "mag",
        "moet",
        "moest",
        "zal",
        "zult",
        "zou",
        "zoudt",
        "ga",
        "gaat",
        "krijg",
        "krijgt",
        "geef",
        "geeft",
        "vind",
        "vindt",
        "weet",
        "wilt",
        "woon",
        "woont",
        "stuur",
        "stuurt",
        "maak",
        "maakt",
        "gebruik",
        "gebruikt",
        "vraag",
        "vraagt",
        "denk",
        "denkt",
        "zie",
        "ziet",
        "neem",
        "neemt",
        "lees",
        "leest",
    ]
)


@dataclass(frozen=True)
class Slip:
    """A word of the other register in a text: the pronoun, and the words to change."""

    word: str
    phrase: str
    start: int


def register_slips(text: str, register: str) -> list[Slip]:
    """The words in `text` that belong to the other register than `register` ("formal" or
    "informal"): "je", "jouw", ... in a formal text, "u", "uw", ... in an informal one. E-mail
    addresses and web addresses are not text."""
    if not text:
        return []
    plain = _ADDRESSES.sub(lambda m: " " * len(m.group()), text)
    return [
        Slip(match.group(), _phrase(plain, match.start(), match.end()), match.start())
        for match in _PRONOUN[register].finditer(plain)
    ]


def _phrase(text: str, start: int, end: int) -> str:
    """The pronoun with the verb just before or after it ("kun je", "u heeft")."""
    before = re.search(r"(\w+) $", text[max(0, start - 20) : start])
    after = re.match(r" (\w+)", text[end : end + 20])
    if before and before.group(1).lower() in _VERBS:
        return f"{before.group(1)} {text[start:end]}"
    if after and after.group(1).lower() in _VERBS:
        return f"{text[start:end]} {after.group(1)}"
    return text[start:end]


# Words only Dutch has, and words only English has: a sentence with two or more of the first
# and more of them than of the second is Dutch. Words in brackets are left out, so a Dutch
# term explained in an English sentence ("the controller (verwerkingsverantwoordelijke)") is fine.
_DUTCH_ONLY = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "voor",
        "wij",
        "je",
        "jij",
        "jouw",
        "u",
        "uw",
        "niet",
        "zijn",
        "wordt",
        "worden",
        "met",
        "om",
        "dat",
        "die",
        "bij",
        "naar",
        "ook",
        "aan",
        "te",
        "tot",
        "deze",
        "dit",
        "ons",
        "onze",
        "hebben",
        "heeft",
        "kunt",
        "kunnen",
        "mag",
        "moet",
        "wat",
        "hoe",
        "waar",
        "wie",
        "geen",
        "alleen",
        "daarna",
        "nadat",
        "na",
        "jaar",
        "maanden",
        "dagen",
        "weken",
        "gegevens",
        "wanneer",
        "omdat",
        "zoals",
        "over",
        "uit",
        "door",
        "nog",
        "maar",
        "wel",
        "elke",
        "sommige",
        "zij",
        "hun",
        "zelf",
        "waarmee",
        "waarin",
        "bewaren",
        "krijgen",
        "sturen",
    ]
)
_ENGLISH_ONLY = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "we",
        "you",
        "your",
        "is",
        "are",
        "for",
        "with",
        "not",
        "this",
        "that",
        "our",
        "us",
        "data",
        "after",
        "when",
        "which",
        "who",
        "how",
        "what",
        "only",
        "until",
        "year",
        "years",
        "months",
        "days",
        "weeks",
        "about",
        "from",
        "by",
        "any",
        "each",
        "some",
        "may",
        "must",
        "can",
        "will",
        "have",
        "has",
        "they",
        "their",
        "it",
        "its",
    ]
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?:;])\s+|\n+")


def dutch_sentences(text: str) -> list[str]:
    """The sentences of an English text that are Dutch."""
    text = re.sub(r"\([^)]*\)", " ", text)
    found = []
    for sentence in _SENTENCE_SPLIT.split(text):
        words = re.findall(r"[a-zà-ÿ]+", sentence.lower())
        if len(words) < 3:
            continue
        dutch = sum(word in _DUTCH_ONLY for word in words)
        english = sum(word in _ENGLISH_ONLY for word in words)
        if dutch >= 2 and dutch > english:
            found.append(sentence.strip())
    return found
