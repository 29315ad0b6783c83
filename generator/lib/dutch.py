"""Language helpers for statements: dates, lists and small numbers, through Babel."""

import datetime

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
