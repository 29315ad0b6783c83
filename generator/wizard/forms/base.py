"""What every wizard step form has: it reads its initial values from the draft answers and
writes its cleaned data back into a copy of them. Forms validate; they never save."""

import copy
import datetime
import json
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import format_lazy, slugify
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError as PydanticValidationError

from generator.answers.labels import label
from generator.answers.loading import AnswersError, Problem, load_json, problems_from
from generator.answers.schema import CatalogRef, ScanSighting
from generator.answers.types import LocalText, text_of
from generator.lib import countries, validators


def lib_validator(func: Callable[[str], str]) -> Callable[[str], None]:
    """A generator.lib validator as a Django field validator, its message in the UI language."""

    def validate(value: str) -> None:
        if value:
            try:
                func(value)
            except ValueError as error:
                raise ValidationError(gettext(str(error))) from None

    return validate


def enum_choices(enum: type[StrEnum], labels: dict | None = None) -> list[tuple[str, str]]:
    """Choices whose labels follow the UI language: forms are built at import time, so the label
    is looked up lazily, when the form is rendered."""

    def text(member: StrEnum) -> str:
        value = str(labels[member]) if labels else label(member, ui_language())
        return value[:1].upper() + value[1:]

    lazy_text = lazy(text, str)
    return [(member.value, lazy_text(member)) for member in enum]


def ui_language() -> str:
    return "en" if get_language() == "en" else "nl"


def lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,49}$")


def row_key(submitted: str, name: str, taken: set[str], fallback: str) -> str:
    """A row keeps the id it was shown with (so links between rows survive an edit); a new row
    gets one made from its name. Ids are unique within the list."""
    if submitted and KEY_RE.match(submitted) and submitted not in taken:
        taken.add(submitted)
        return submitted
    return unique_key(name, taken, fallback)


def unique_key(name: str, taken: set[str], fallback: str) -> str:
    base = slugify(name)[:40] or fallback
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    taken.add(key)
    return key


def clean_none(value: Any) -> Any:
    return value if value not in ("", []) else None


class CountryField(forms.ChoiceField):
    """A country chosen from a list of names in the UI language (typing a name's first letters
    jumps to it); the answers keep the ISO code. A code typed in any case is accepted, as the
    JSON import accepts it."""

    def __init__(self, *, blank: bool = False, **kwargs):
        def choices():
            listed = countries.country_choices(ui_language())
            return [("", "—"), *listed] if blank else list(listed)

        super().__init__(choices=choices, **kwargs)

    def to_python(self, value: Any) -> str:
        return super().to_python(value).strip().upper()


class LinesField(forms.CharField):
    """A list of short texts, typed one per line."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[str]:
        return lines(super().to_python(value) or "")

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value


class YesNoField(forms.ChoiceField):
    """A question answered yes, no or not at all: True, False or None in the answers. A
    checkbox cannot tell "no" from "not answered", and the statement only says what was
    answered (docs/clauses.md, the claims)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(
            choices=[("yes", _("Ja")), ("no", _("Nee")), ("", _("Nog niet beantwoord"))],
            required=False,
            **kwargs,
        )

    def prepare_value(self, value: Any) -> Any:
        return {True: "yes", False: "no", None: ""}.get(value, value)

    def to_python(self, value: Any) -> bool | None:
        value = super().to_python(value)
        if value not in ("yes", "no", ""):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return {"yes": True, "no": False}.get(value)

    def validate(self, value: Any) -> None:
        # to_python has checked the submitted text against the choices and mapped it.
        pass


def shown_when(form, name: str) -> tuple[str, tuple[str, ...]] | None:
    """When a field of `form` is shown: the html name of the field that controls it and the
    values of that field that show it (none: any value). A form declares it as
    `show_when = {field: (controlling field, values)}`; a field's other-language version
    (`<name>__en`) follows its field. static/wizard.js hides the others; without JavaScript
    every field shows. The form's clean() decides what a hidden field's value means."""
    rule = getattr(form, "show_when", {}).get(name.split("__", 1)[0])
    if rule is None:
        return None
    control, values = rule
    return form.add_prefix(control), tuple(values)


LANGUAGE_NAMES = {"nl": _("Nederlands"), "en": _("Engels")}
MSG_HIDDEN = _(
    "Deze tekst bevat onzichtbare tekens (zoals een tekst die van rechts naar links draait of een "
    "spatie zonder breedte). Typ hem opnieuw."
)
MSG_MAIN_FIRST = _("Vul eerst de tekst hierboven in; dit is de vertaling ervan.")
MSG_SAME_LINES = _(
    "Geef voor elke regel hierboven een vertaling, in dezelfde volgorde: %(expected)s regels."
)


class Declared:
    """Where a form's fields live in the answers (issue 16, "one declaration"): each field at
    `<root>.<field name>`, unless `paths` names another place; `not_answers` are fields of the
    form only (a yes/no gate, a row id). A row form's paths are relative to its list item; the
    formset names the list (`AnswersFormSet.list_path`). The wizard's fix links are computed
    from these declarations (wizard/fixes.py), and simple steps read and write through them."""

    root: str = ""
    paths: dict[str, str] = {}
    not_answers: tuple[str, ...] = ()

    @classmethod
    def field_paths(cls) -> dict[str, str]:
        return {
            name: cls.paths.get(name, f"{cls.root}.{name}" if cls.root else name)
            for name in cls.base_fields
            if name not in cls.not_answers and name not in ("id", "DELETE")
        }

    @classmethod
    def read_declared(cls, answers: dict) -> dict:
        """The initial values: every declared field that has a value in the answers."""
        found = {}
        for name, path in cls.field_paths().items():
            value = read_path(answers, path)
            if value is not None:
                found[name] = value
        return found

    @classmethod
    def item_from(cls, data: dict) -> dict:
        """A list item (a row form's answers) from its cleaned data, every declared field at
        its place."""
        item: dict = {}
        for name, path in cls.field_paths().items():
            write_path(item, path, stored(data[name]))
        return item

    def write_declared(self, answers: dict, data: dict) -> dict:
        """A copy of the answers with every declared field written at its place."""
        result = merged(answers)
        for name, path in self.field_paths().items():
            write_path(result, path, stored(data[name]))
        return result


def read_path(data: dict, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def write_path(data: dict, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for key in parents:
        if not isinstance(data.get(key), dict):
            data[key] = {}
        data = data[key]
    data[last] = value


def stored(value: Any) -> Any:
    """A cleaned value as the answers keep it: an empty text is no answer, a date is ISO."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return None if value == "" else value


class TranslatedFields:
    """Free text with a version per statement language (design.md, "Free text has languages").

    When the statement is also published in another language, each field named in `translated`
    (a text) or `translated_lines` (a list, one line each) that holds text gets a field for that
    language right below it, `<name>__en`. The form's cleaned value is then one LocalText with both versions,
    which the step's `apply` stores as it stores a string. A version for a language that is not
    asked now is kept, never dropped by a save."""

    translated: tuple[str, ...] = ()
    translated_lines: tuple[str, ...] = ()
    # A help text of its own for a field's version, instead of "the same text in …".
    translation_help: dict = {}

    def __init__(self, *args, languages=(), main_language: str = "nl", **kwargs):
        super().__init__(*args, **kwargs)
        self.main_language = main_language
        self.languages = [lang for lang in languages if lang != main_language]
        self.stored = {}
        for name in (*self.translated, *self.translated_lines):
            stored = self.initial.get(name)
            self.stored[name] = stored
            many = name in self.translated_lines
            if many:
                self.initial[name] = [text_of(item, main_language) for item in stored or []]
            elif stored is not None:
                self.initial[name] = text_of(stored, main_language)
            for language in self.languages:
                if self._asks(name, language):
                    self._add_version(name, language, many)

    def _asks(self, name: str, language: str) -> bool:
        """A version is asked for a text that is there: typed before, or in this post. An empty
        optional field gets no second empty field beside it (the step stays short); once its
        text is saved, the field for its translation appears."""
        if self.stored[name]:
            return True
        if not self.is_bound:
            return False
        return any(self.data.get(self.add_prefix(key)) for key in (name, f"{name}__{language}"))

    def _add_version(self, name: str, language: str, many: bool) -> None:
        field = copy.deepcopy(self.fields[name])
        field.required = False
        field.label = format_lazy("{} ({})", field.label, LANGUAGE_NAMES[language])
        field.help_text = self.translation_help.get(name) or format_lazy(
            _("Dezelfde tekst voor de verklaring in het {language}."),
            language=LANGUAGE_NAMES[language],
        )
        stored = self.stored[name]
        if many:
            versions = [item.get(language, "") for item in stored or [] if isinstance(item, dict)]
            self.initial[f"{name}__{language}"] = versions
        elif isinstance(stored, dict):
            self.initial[f"{name}__{language}"] = stored.get(language, "")
        # Right below the field it translates.
        fields = list(self.fields.items())
        at = [key for key, _field in fields].index(name) + 1
        fields.insert(at, (f"{name}__{language}", field))
        self.fields = dict(fields)

    def _kept(self, stored) -> dict[str, str]:
        """Versions in languages this form does not show, as stored."""
        if not isinstance(stored, dict):
            return {}
        return {
            lang: text
            for lang, text in stored.items()
            if lang != self.main_language and lang not in self.languages and text
        }

    def clean(self) -> dict:
        data = super().clean()
        # The answers refuse invisible characters too; here the message is at the field.
        for name, value in list(data.items()):
            texts = value if isinstance(value, list) else [value]
            if any(isinstance(t, str) and validators.has_hidden_chars(t) for t in texts):
                self.add_error(name, MSG_HIDDEN)
                data.pop(name, None)
        for name in self.translated:
            versions = {lang: data.pop(f"{name}__{lang}", "") for lang in self.languages}
            if name in self.errors:
                continue
            main = data.get(name)
            given = {lang: text for lang, text in versions.items() if text}
            if given and not main:
                for lang in given:
                    self.add_error(f"{name}__{lang}", MSG_MAIN_FIRST)
                continue
            versions = self._kept(self.stored.get(name)) | given
            if main and versions:
                data[name] = LocalText.from_languages({self.main_language: main, **versions})
        for name in self.translated_lines:
            versions = {lang: data.pop(f"{name}__{lang}", []) for lang in self.languages}
            if name in self.errors:
                continue
            main = data.get(name) or []
            wrong = [lang for lang, lines in versions.items() if lines and len(lines) != len(main)]
            for lang in wrong:
                self.add_error(f"{name}__{lang}", MSG_SAME_LINES % {"expected": len(main)})
            if wrong:
                continue
            stored = [item if isinstance(item, dict) else {} for item in self.stored[name] or []]
            items = []
            for index, text in enumerate(main):
                row = self._kept(stored[index]) if index < len(stored) else {}
                row |= {lang: lines[index] for lang, lines in versions.items() if lines}
                items.append(
                    LocalText.from_languages({self.main_language: text, **row}) if row else text
                )
            data[name] = items
        return data


class AnswersForm(Declared, TranslatedFields, forms.Form):
    """A step that edits fixed places in the answers: by default the declared ones, read and
    written as they are (a form with more to do overrides initial_from or apply)."""

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        return cls.read_declared(answers)

    def apply(self, answers: dict) -> dict:
        return self.write_declared(answers, self.cleaned_data)


class AnswersFormSet(forms.BaseFormSet):
    """A step that edits a list in the answers (repeatable rows), optionally with one form of
    settings beside the rows (`main_form_class`), such as the cookie settings link."""

    main_form_class: type[forms.Form] | None = None
    # The list in the answers whose items are the rows, e.g. "activities".
    list_path: str = ""

    @classmethod
    def row_indexes(cls, answers) -> list[int] | None:
        """Which items of the list are rows, in order (None: all of them); the Doorgifte step
        shows only the recipients outside the EEA. `answers` is an Answers object."""
        return None

    def __init__(self, *args, main_initial: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.main = None
        if self.main_form_class is not None:
            languages = {
                key: value
                for key, value in self.form_kwargs.items()
                if key in ("languages", "main_language")
            }
            self.main = self.main_form_class(
                data=self.data if self.is_bound else None,
                prefix=f"{self.prefix}-main",
                initial=main_initial,
                **languages,
            )

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return (self.main.is_valid() if self.main is not None else True) and valid

    def rows(self) -> list[dict]:
        """The cleaned rows that are kept (not empty, not marked for deletion)."""
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    @classmethod
    def initial_from(cls, answers: dict) -> list[dict]:
        raise NotImplementedError

    @classmethod
    def main_initial_from(cls, answers: dict) -> dict:
        return {}

    def apply(self, answers: dict) -> dict:
        raise NotImplementedError


def merged(answers: dict) -> dict:
    return copy.deepcopy(answers)


class ShowsHiddenErrors:
    """A form whose hidden fields' errors are shown at its top, as Django's own rendering
    does: crispy renders a hidden field as its input alone, so its message had no place."""

    def clean(self) -> dict:
        data = super().clean()
        for name, field in self.fields.items():
            if field.widget.is_hidden:
                for message in self.errors.get(name, []):
                    self.add_error(None, message)
        return data


MSG_CATALOG_PROBLEM = _("Ongeldige verwijzing naar de catalogus. %(problem)s")


def _where(problem: Problem) -> str:
    # A problem of the whole text has no path; the file's "(bestand)" means nothing in a form.
    return str(problem) if problem.path else problem.message


class CatalogRefField(forms.CharField):
    """Hidden: the catalog entry a row was picked from, with the facts it copied (as JSON)."""

    widget = forms.HiddenInput
    model = CatalogRef
    message = MSG_CATALOG_PROBLEM

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value

    def to_python(self, value: Any) -> dict | None:
        value = super().to_python(value)
        if not value:
            return None
        # The answers' own rules (CatalogRef), so the row is refused here, at its place,
        # rather than by the save with a list at the top of the step.
        try:
            ref = self.model.model_validate(load_json(value))
        except AnswersError as error:
            problem = error.problems[0]
        except PydanticValidationError as error:
            problem = problems_from(error)[0]
        else:
            return ref.model_dump(mode="json")
        raise ValidationError(self.message, params={"problem": _where(problem)})


MSG_SCAN_PROBLEM = _("Ongeldige gegevens van de cookiescan. %(problem)s")


class ScanSightingField(CatalogRefField):
    """Hidden: what the cookie scan saw of a cookie taken over from it (issue 18), kept through
    every save of the step so the checker can still say it was set before consent (R32)."""

    model = ScanSighting
    message = MSG_SCAN_PROBLEM
