"""Every piece of free text in the Answers, with its path: the fields typed as `Prose`
(types.FreeText). The register check of the checker and the wizard read this one list."""

import re
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from generator.answers.types import DurationText, FreeText, LocalText, NameText, text_of
from generator.lib import dutch


def _marked(annotation: Any) -> bool:
    if get_origin(annotation) is Annotated:
        _, *metadata = get_args(annotation)
        if any(isinstance(item, FreeText) for item in metadata):
            return True
    return any(_marked(arg) for arg in get_args(annotation))


@cache
def _free_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(
        name
        for name, field in model.model_fields.items()
        if any(isinstance(item, FreeText) for item in field.metadata) or _marked(field.annotation)
    )


def _fields_marked(model: type[BaseModel], kind: type[FreeText]) -> frozenset[str]:
    return frozenset(
        name
        for name, field in model.model_fields.items()
        if any(isinstance(item, kind) for item in field.metadata)
    )


@cache
def _duration_fields(model: type[BaseModel]) -> frozenset[str]:
    return _fields_marked(model, DurationText)


def free_texts_to_translate(model: BaseModel) -> Iterator[tuple[str, str]]:
    """free_texts without the names (NameText), which often need no translation."""
    names = {
        f"{path}.{name}" if path else name
        for path, item in _models(model, "")
        for name in _fields_marked(type(item), NameText)
    }
    for path, value in free_texts(model):
        if path not in names:
            yield path, value


def _models(model: BaseModel, path: str) -> Iterator[tuple[str, BaseModel]]:
    yield path, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        where = f"{path}.{name}" if path else name
        if isinstance(value, BaseModel):
            yield from _models(value, where)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _models(item, f"{where}.{index}")


def _version(value: str, language: str, duration: bool) -> str:
    """The text for `language`: its own version; else a bare duration written in that language;
    else as typed."""
    if isinstance(value, LocalText) and value.has(language):
        return value.text(language)
    if duration and (written := dutch.duration_in(value, language)):
        return written
    return text_of(value, language)


def free_texts(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) for every non-empty free text, such as ("activities.2.purpose", "...")."""
    free = _free_fields(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if isinstance(value, BaseModel):
            yield from free_texts(value, f"{path}.")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from free_texts(item, f"{path}.{index}.")
                elif name in free and isinstance(item, str) and item:
                    yield f"{path}.{index}", item
        elif name in free and isinstance(value, str) and value:
            yield path, value


def in_language(model: BaseModel, language: str):
    """A copy with every free text replaced by its version for `language` (as typed where it
    has none), so what renders a statement reads plain strings in the statement's language."""
    free = _free_fields(type(model))
    durations = _duration_fields(type(model))
    update = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            update[name] = in_language(value, language)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [in_language(item, language) for item in value]
        elif name in free and isinstance(value, list):
            update[name] = [_version(item, language, name in durations) for item in value]
        elif name in free and isinstance(value, str):
            update[name] = _version(value, language, name in durations)
    return model.model_copy(update=update)


_BARE_URL = re.compile(r"https?://\S+")


def missing_translations(model: BaseModel, language: str) -> Iterator[tuple[str, str]]:
    """(path, text) for every free text a statement in `language` would show as typed, because
    it has no version for that language and is not a duration the statement writes itself."""
    shown = dict(free_texts(in_language(model, language)))
    for path, value in free_texts_to_translate(model):
        if isinstance(value, LocalText) and value.has(language):
            continue
        if _BARE_URL.fullmatch(value.strip()):
            continue  # a link reads the same in every language
        if shown.get(path) == str(value):
            yield path, value
