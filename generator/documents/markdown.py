"""Markdown, for pasting into a website builder or reviewing a statement in git."""

import html
import re

from markdownify import markdownify

from generator.documents.document import Document
from generator.documents.options import WORDS, OutputOptions

CONTENT_TYPE = "text/markdown; charset=utf-8"
EXTENSION = "md"


_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")


def _escape(text: str) -> str:
    """Titles and metadata are plain text; keep Markdown (and the HTML it allows) from
    reading them as markup."""
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


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
