"""Countries by ISO 3166-1 alpha-2 code, and which of them are in the EEA."""

import unicodedata
from functools import cache

from babel import Locale

# EU 27 plus Iceland, Liechtenstein and Norway. Transfers to these need no Art. 44-49 basis.
EEA = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
        "IS",
        "LI",
        "NO",
    ]
)


# Two-letter codes in CLDR's territory list that are not countries.
NOT_COUNTRIES = frozenset(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"])


def is_country_code(code: str) -> bool:
    return (
        code in Locale("en").territories
        and len(code) == 2
        and code.isalpha()
        and code not in NOT_COUNTRIES
    )


@cache
def country_choices(language: str) -> tuple[tuple[str, str], ...]:
    """Every country as (code, name in `language`), by name as a reader sorts it (accents and
    case ignored), for a list to choose from."""
    names = Locale(language).territories
    codes = [code for code in names if is_country_code(code)]
    return tuple(
        sorted(((code, names[code]) for code in codes), key=lambda item: _sort_key(item[1]))
    )


def _sort_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def in_eea(code: str) -> bool:
    return code in EEA


def country_name(code: str, language: str) -> str:
    return Locale(language).territories.get(code, code)
