"""An HTML fragment: the statement without <html>, <head> or CSS, for the organisation's own
site (the embed snippet fetches it) or a CMS."""

from django.template.loader import render_to_string

from generator.documents.document import Document
from generator.documents.html import page_context
from generator.documents.options import OutputOptions

CONTENT_TYPE = "text/html; charset=utf-8"
EXTENSION = "html"


def render(document: Document, options: OutputOptions) -> bytes:
    body = render_to_string("documents/_statement.html", page_context(document))
    return (
        f'<div class="privacyverklaring" lang="{document.metadata.language}">{body}</div>'.encode()
    )
