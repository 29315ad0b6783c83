"""The field types the Answers are made of: trimmed text without control characters, and
Dutch formats checked by generator.lib.validators, each failing with a Dutch message."""

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError, core_schema

from generator.lib import countries, validators


def _no_control_chars(value: str) -> str:
    # NUL and other control characters break PDFs and databases; zero-width and bidirectional
    # characters make a name read otherwise than it is written (issue 17).
    if validators.has_hidden_chars(value):
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

# The name of a fact a row copied from the catalog: the row's field it fills, such as
# "transfer_mechanism".
FACT_NAME = r"[a-z][a-z0-9_]{0,39}"


def _fact_names(value: Any) -> Any:
    # Checked before the values: a path names each value by its fact, and a refused name (a
    # NUL, 100,000 characters) must not be repeated in every message.
    if isinstance(value, dict) and not all(
        isinstance(name, str) and re.fullmatch(FACT_NAME, name) for name in value
    ):
        raise PydanticCustomError(
            "fact_name",
            "Namen van feiten: kleine letters, cijfers en liggende streepjes, ten hoogste 40 "
            "tekens.",
        )
    return value


# Copied from the catalog: plain text (not per language), each as long as a row's longest text.
Facts = Annotated[
    dict[str, LongText | None],
    BeforeValidator(_fact_names),
    Field(json_schema_extra={"propertyNames": {"pattern": f"^{FACT_NAME}$"}}),
]


class FreeText:
    """Marks the text an organisation writes that a statement prints inside its own sentences:
    purposes, descriptions, retention triggers, consequences. This is the one list of what must
    read right in the statement's register (design.md, "One voice"); names of organisations,
    services and cookies are not on it. answers/free_text.py walks it."""


class DurationText(FreeText):
    """A free text that is often only a duration ("13 maanden", "sessie"): the statement writes
    such a one in any of its languages itself (lib.dutch.duration_in), so it needs no
    translation; any other text does."""


class NameText(FreeText):
    """A name that is often a proper name ("Mollie B.V.") and sometimes a description ("onze
    boekhouder"): it can have a version per language, but one without is not refused for
    that alone; only a Dutch sentence in an English statement is (R31)."""


FREE_TEXT = FreeText()
DURATION_TEXT = DurationText()
NAME_TEXT = NameText()
LANGUAGES = ("nl", "en")


class LocalText(str):
    """Free text with a version per statement language (design.md, "Free text has languages").

    It is the text as typed for the statement's own language, so everything that reads it as a
    string keeps working; `by_language` holds the versions given per language, such as
    {"nl": "Bestellingen leveren", "en": "Delivering orders"}. In an answers file it is a plain
    string (one language) or such a mapping; `text(language)` picks a statement's version."""

    by_language: dict[str, str]

    def __new__(cls, text: str = "", by_language: dict[str, str] | None = None):
        self = super().__new__(cls, text)
        self.by_language = dict(by_language or {})
        return self

    @classmethod
    def from_languages(cls, texts: dict[str, str]) -> "LocalText":
        main = texts.get("nl") or next(iter(texts.values()), "")
        return cls(main, texts)

    def text(self, language: str) -> str:
        return self.by_language.get(language, str(self))

    def has(self, language: str) -> bool:
        """Whether a version for this language was given (a plain string has none)."""
        return language in self.by_language

    def to_json(self) -> str | dict[str, str]:
        return dict(self.by_language) if self.by_language else str(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LocalText):
            return str(self) == str(other) and self.by_language == other.by_language
        return str.__eq__(self, other)

    __hash__ = str.__hash__

    def __reduce__(self):
        return (LocalText, (str(self), self.by_language))

    def __repr__(self) -> str:
        return f"LocalText({self.to_json()!r})"


def text_of(value: str | dict | None, language: str) -> str | None:
    """A free text in a statement's language: its version for that language, else as typed.
    Also reads a free text as stored in the answers' JSON, a string or {"nl": …, "en": …}."""
    if isinstance(value, LocalText):
        return value.text(language)
    if isinstance(value, dict):
        return value.get(language) or value.get("nl") or next(iter(value.values()), "")
    return value


def _local_text(max_length: int):
    def check(text: object, language: str | None) -> str:
        if not isinstance(text, str):
            raise PydanticCustomError("string_type", "Verwacht tekst.")
        text = _no_control_chars(text.strip())
        if len(text) > max_length:
            where = f" ({language})" if language else ""
            raise PydanticCustomError(
                "text_too_long",  # its own type: the loader's "string_too_long" has no language
                "Te lang{where}: ten hoogste {max_length} tekens.",
                {"max_length": max_length, "where": where},
            )
        return text

    def validate(value: object) -> LocalText:
        if isinstance(value, LocalText) and not value.by_language:
            return LocalText(check(str(value), None))
        if isinstance(value, dict | LocalText):
            items = value.by_language if isinstance(value, LocalText) else value
            texts = {}
            for language, text in items.items():
                if language not in LANGUAGES:
                    raise PydanticCustomError(
                        "language",
                        "Onbekende taal '{language}': gebruik nl of en.",
                        {"language": language},
                    )
                if checked := check(text, language):
                    texts[language] = checked
            return LocalText.from_languages(texts)
        return LocalText(check(value, None))

    schema = core_schema.no_info_plain_validator_function(
        validate,
        serialization=core_schema.plain_serializer_function_ser_schema(
            lambda value: value.to_json() if isinstance(value, LocalText) else value
        ),
    )
    return schema


class _LocalTextType:
    """The pydantic type of a free text of at most `max_length` characters per language."""

    def __init__(self, max_length: int):
        self.max_length = max_length

    def __get_pydantic_core_schema__(self, source, handler):
        return _local_text(self.max_length)

    def __get_pydantic_json_schema__(self, schema, handler):
        text = {"type": "string", "maxLength": self.max_length}
        per_language = {
            "type": "object",
            "properties": {language: text for language in LANGUAGES},
            "additionalProperties": False,
            "description": "Eén tekst per taal van de verklaring.",
        }
        return {"anyOf": [text, per_language]}


def _blank_local_to_none(value: Any) -> Any:
    if isinstance(value, dict) and not any(
        isinstance(v, str) and v.strip() for v in value.values()
    ):
        return None
    return _blank_to_none(value)


Prose = Annotated[LocalText, _LocalTextType(300), FREE_TEXT]
LongProse = Annotated[LocalText, _LocalTextType(5000), FREE_TEXT]
Duration = Annotated[LocalText, _LocalTextType(300), DURATION_TEXT]
Name = Annotated[LocalText, _LocalTextType(300), NAME_TEXT]
OptProse = Annotated[Prose | None, BeforeValidator(_blank_local_to_none)]
OptLongProse = Annotated[LongProse | None, BeforeValidator(_blank_local_to_none)]
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
