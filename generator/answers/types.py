"""The field types the Answers are made of: trimmed text without control characters, and
Dutch formats checked by generator.lib.validators, each failing with a Dutch message."""

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from generator.lib import countries, validators

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_control_chars(value: str) -> str:
    # NUL and other control characters break PDFs and databases; Django forms refuse NUL too.
    if _CONTROL_CHARS.search(value):
        raise PydanticCustomError("control_chars", "Deze tekst bevat onzichtbare stuurtekens.")
    return value


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def wrap(func):
    """Turn a lib validator's ValueError into a pydantic error that keeps its Dutch message."""

    def check(value: str) -> str:
        try:
            return func(value)
        except ValueError as error:
            raise PydanticCustomError("format", str(error)) from None

    return check


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=300),
    AfterValidator(_no_control_chars),
]
LongText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=5000),
    AfterValidator(_no_control_chars),
]
OptText = Annotated[Text | None, BeforeValidator(_blank_to_none)]
OptLongText = Annotated[LongText | None, BeforeValidator(_blank_to_none)]


class FreeText:
    """Marks the text an organisation writes that a statement prints inside its own sentences:
    purposes, descriptions, retention triggers, consequences. This is the one list of what must
    read right in the statement's register (design.md, "One voice"); names of organisations,
    services and cookies are not on it. answers/free_text.py walks it."""


FREE_TEXT = FreeText()
Prose = Annotated[Text, FREE_TEXT]
LongProse = Annotated[LongText, FREE_TEXT]
OptProse = Annotated[Prose | None, BeforeValidator(_blank_to_none)]
OptLongProse = Annotated[LongProse | None, BeforeValidator(_blank_to_none)]
Email = Annotated[str, AfterValidator(wrap(validators.normalise_email))]
OptEmail = Annotated[Email | None, BeforeValidator(_blank_to_none)]
Phone = Annotated[str, AfterValidator(wrap(validators.normalise_phone))]
OptPhone = Annotated[Phone | None, BeforeValidator(_blank_to_none)]
Url = Annotated[
    str,
    StringConstraints(max_length=500),
    AfterValidator(wrap(validators.normalise_url)),
]
OptUrl = Annotated[Url | None, BeforeValidator(_blank_to_none)]
Key = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,49}$"),
    Field(description="Kort kenmerk van kleine letters, cijfers en streepjes, uniek in de lijst."),
]


def _country(value: str) -> str:
    value = value.strip().upper()
    if not countries.is_country_code(value):
        raise PydanticCustomError(
            "country", "Gebruik een landcode van twee letters, zoals NL, DE of US."
        )
    return value


Country = Annotated[str, AfterValidator(_country)]


def _optional(func):
    """A validator for an optional field: None passes, anything else is checked."""
    check = wrap(func)
    return lambda value: value if value is None else check(value)


OptKvk = Annotated[
    str | None, BeforeValidator(_blank_to_none), AfterValidator(_optional(validators.normalise_kvk))
]
OptVat = Annotated[
    str | None, BeforeValidator(_blank_to_none), AfterValidator(_optional(validators.normalise_vat))
]
OptIban = Annotated[
    str | None,
    BeforeValidator(_blank_to_none),
    AfterValidator(_optional(validators.normalise_iban)),
]
