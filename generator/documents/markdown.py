"""Markdown, for pasting into a website builder or reviewing a statement in git."""

from markdownify import markdownify

from generator.documents.document import Document
from generator.documents.options import WORDS, OutputOptions

CONTENT_TYPE = "text/markdown; charset=utf-8"
EXTENSION = "md"


def _escape(text: str) -> str:
    # Titles and metadata are plain text; keep Markdown from reading them as markup.
    return markdownify(text.replace("<", "&lt;").replace(">", "&gt;")).strip()


def render(document: Document, options: OutputOptions) -> bytes:
    meta = document.metadata
    words = WORDS[meta.language]
    facts = [_escape(meta.organisation)]
    if meta.version_label:
        facts.append(f"{words['version']} {_escape(meta.version_label)}")
    if meta.effective_date_text:
        facts.append(f"{words['effective'].lower()} {meta.effective_date_text}")
    parts = [f"# {_escape(meta.title)}", "*" + " · ".join(facts) + "*"]
    for section in document.sections:
        parts.append(f"## {_escape(section.title)}")
        body = markdownify(section.html, heading_style="ATX", bullets="-")
        parts.append(body.strip())
    return ("\n\n".join(parts) + "\n").encode()
