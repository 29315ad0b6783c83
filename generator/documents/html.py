"""A standalone HTML page: one file with its CSS inline and a table of contents."""

from functools import cache
from pathlib import Path

from django.template.loader import render_to_string

from generator.documents.document import Document
from generator.documents.options import WORDS, OutputOptions

CONTENT_TYPE = "text/html; charset=utf-8"
EXTENSION = "html"
STATIC_DIR = Path(__file__).resolve().parents[2] / "static"


@cache
def _css() -> str:
    return (STATIC_DIR / "documents" / "statement.css").read_text(encoding="utf-8")


def page_context(document: Document) -> dict:
    return {
        "meta": document.metadata,
        "lead_sections": document.lead_sections,
        "sections": document.body_sections,
        "toc": document.toc,
        "words": WORDS[document.metadata.language],
    }


def render(document: Document, options: OutputOptions) -> bytes:
    context = page_context(document) | {"css": _css()}
    return render_to_string("documents/page.html", context).encode()
