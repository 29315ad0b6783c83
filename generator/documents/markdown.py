"""Markdown, for pasting into a website builder or reviewing a statement in git."""

import html
import re
from urllib.parse import quote, urlsplit

from markdownify import MarkdownConverter

from generator.documents.document import ALLOWED_URL_SCHEMES, Document
from generator.documents.options import WORDS, OutputOptions

CONTENT_TYPE = "text/markdown; charset=utf-8"
EXTENSION = "md"


_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")


def _escape(text: str) -> str:
    """Titles and metadata are plain text; keep Markdown (and the HTML it allows) from
    reading them as markup."""
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


# Kept as they are in a URL; anything else (spaces, brackets, quotes, < and >) is
# percent-encoded, so an address cannot end the Markdown link early and start markup.
URL_SAFE = ":/?#@!$&'*+,;=%~-._"


class _Converter(MarkdownConverter):
    """markdownify, with every character of text that Markdown reads as markup escaped
    (escape_misc: "<" of a typed tag, "[" of a typed link) and only safe links kept."""

    def convert_a(self, el, text, parent_tags):
        href = (el.get("href") or "").strip()
        scheme = urlsplit(href).scheme.lower() if href else ""
        # Only to where a reader can safely go (issue 17): the web, e-mail, phone. A link to a
        # section ("#rechten") has no target in Markdown, whose headings get their own ids.
        if scheme not in ALLOWED_URL_SCHEMES:
            el.attrs.pop("href", None)
            return super().convert_a(el, text, parent_tags)
        el["href"] = quote(href, safe=URL_SAFE)
        return super().convert_a(el, text, parent_tags)


def _markdown(html_text: str) -> str:
    return _Converter(heading_style="ATX", bullets="-", escape_misc=True).convert(html_text)


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
        body = _markdown(section.html)
        parts.append(body.strip())
    return ("\n\n".join(parts) + "\n").encode()
