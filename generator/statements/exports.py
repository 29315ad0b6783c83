"""From Answers to a file in any output format: the engine's one entry point.

Clauses come from the default files for now; the clause library (issue 5) will supply
database revisions through the same ClauseSpec shape.
"""

from generator.answers.loading import AnswersError, parse_answers
from generator.answers.schema import Answers
from generator.clauses.files import ClauseFileError, ClauseSpec, default_clauses
from generator.clauses.rendering import ClauseError, build_document
from generator.documents.document import Document
from generator.documents.formats import FORMATS
from generator.documents.html import page_context
from generator.documents.options import OutputOptions


class StatementError(Exception):
    """Saved answers that cannot be turned into a statement, with a message to show."""


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


def statement_page_context(answers_data: dict, *, register: str | None = None) -> dict:
    """What templates need to show a statement inside a site page (the review, previews)."""
    try:
        document = statement_document(parse_answers(answers_data), register=register)
    except (AnswersError, ClauseError, ClauseFileError) as error:
        raise StatementError(str(error)) from error
    return page_context(document)
