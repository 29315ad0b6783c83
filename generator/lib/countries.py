"""Countries by ISO 3166-1 alpha-2 code, and which of them are in the EEA."""

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


def is_country_code(code: str) -> bool:
    return code in Locale("en").territories and len(code) == 2 and code.isalpha()


def in_eea(code: str) -> bool:
    return code in EEA


def country_name(code: str, language: str) -> str:
    return Locale(language).territories.get(code, code)
