"""Every piece of free text in the Answers, with its path: the fields typed as `Prose`
(types.FreeText). The register check of the checker and the wizard read this one list."""

from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from generator.answers.types import FreeText


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
