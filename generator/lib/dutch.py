"""Language helpers for statements: dates, lists and small numbers, through Babel."""

import datetime
import re
from dataclasses import dataclass

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
    if not items:
        return ""
    return babel_format_list(items, style=style, locale=language)


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
_UNIT_OF = {"dag": "days", "day": "days", "week": "weeks", "maand": "months", "month": "months",
            "jaar": "years", "year": "years"}  # fmt: skip
_SESSION = re.compile(r"\b(sessie|session)\b", re.IGNORECASE)


def duration_days(text: str | None) -> float | None:
    """A duration typed as text ("13 maanden", "2 jaar", "sessie") in days; None when it holds no
    duration. The longest one counts ("sessie, of 30 dagen als je ingelogd blijft")."""
    text = text or ""
    found = []
    for amount, unit in _DURATION.findall(text):
        words = [*_NUMBER_WORDS["nl"], *_NUMBER_WORDS["en"]]
        word = "één" if amount.lower() == "een" else amount.lower()
        number = int(amount) if amount.isdigit() else words.index(word) % len(_NUMBER_WORDS["nl"])
        base = next(v for k, v in _UNIT_OF.items() if unit.lower().startswith(k))
        found.append(number * _DAYS[base])
    if found:
        return max(found)
    return 0.0 if _SESSION.search(text) else None


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
