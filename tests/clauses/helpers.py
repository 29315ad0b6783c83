import copy

from generator.answers.loading import parse_answers
from generator.clauses.files import default_clauses
from generator.clauses.rendering import build_document
from generator.documents.document import Document, plain_text
from tests.conftest import fold


def render(data: dict, register: str | None = None) -> Document:
    return build_document(parse_answers(copy.deepcopy(data)), default_clauses("nl"), register)


def section_text(document: Document, key: str) -> str:
    section = document.section(key)
    return fold(plain_text(section.html))


def full_text(document: Document) -> str:
    return fold(" ".join(f"{s.title} {plain_text(s.html)}" for s in document.sections))
