"""From Answers to a file in any output format: the engine's one entry point.

Clauses come from the default files for now; the clause library (issue 5) will supply
database revisions through the same ClauseSpec shape.
"""

from generator.answers.schema import Answers
from generator.clauses.files import ClauseSpec, default_clauses
from generator.clauses.rendering import build_document
from generator.documents.document import Document
from generator.documents.formats import FORMATS
from generator.documents.options import OutputOptions


def statement_document(
    answers: Answers, *, register: str | None = None, clauses: list[ClauseSpec] | None = None
) -> Document:
    if clauses is None:
        clauses = default_clauses(answers.document.language.value)
    return build_document(answers, clauses, register)


def statement_export(
    answers: Answers,
    *,
    fmt: str,
    register: str | None = None,
    options: OutputOptions | None = None,
) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Onbekend formaat {fmt!r}; kies uit {', '.join(FORMATS)}")
    document = statement_document(answers, register=register)
    return FORMATS[fmt].render(document, options or OutputOptions())
