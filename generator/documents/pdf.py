"""PDF through WeasyPrint: A4, a cover block, a table of contents with page numbers, a running
header, "pagina X van Y", bundled fonts, tagged PDF/UA-1 by default or PDF/A-3b on request."""

import hashlib
import threading
from functools import cache

import weasyprint
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from generator.documents.document import Document
from generator.documents.fetcher import STATIC_DIR, SafeURLFetcher
from generator.documents.html import page_context
from generator.documents.options import OutputOptions

CONTENT_TYPE = "application/pdf"
EXTENSION = "pdf"

# WeasyPrint's font configuration is not thread-safe, and one render uses one core anyway
# (notes/performance.md): render one PDF at a time per process and reuse the fonts.
_lock = threading.Lock()


@cache
def _stylesheet() -> tuple[CSS, FontConfiguration]:
    fonts = FontConfiguration()
    css = CSS(
        string=(STATIC_DIR / "documents" / "print.css").read_text(encoding="utf-8"),
        font_config=fonts,
        url_fetcher=SafeURLFetcher(),
    )
    return css, fonts


def print_html(document: Document) -> str:
    """The exact HTML WeasyPrint lays out; kept separate so benchmarks can time it alone."""
    return render_to_string("documents/print.html", page_context(document))


def render_html(html: str, options: OutputOptions, fetcher: SafeURLFetcher | None = None) -> bytes:
    fetcher = fetcher or SafeURLFetcher()
    with _lock:
        css, fonts = _stylesheet()
        return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf(
            stylesheets=[css],
            font_config=fonts,
            pdf_variant=options.pdf_variant,
            pdf_tags=True,
            uncompressed_pdf=False,
        )


def cache_key(html: str, options: OutputOptions) -> str:
    """Everything that decides the PDF's bytes: the HTML, our print CSS, WeasyPrint's version
    and the variant. The same key means the same PDF, so it is made once."""
    css = (STATIC_DIR / "documents" / "print.css").read_bytes()
    parts = [html.encode(), css, weasyprint.__version__.encode(), options.pdf_variant.encode()]
    return hashlib.sha256(b"\x00".join(parts)).hexdigest()


def render(document: Document, options: OutputOptions) -> bytes:
    html = print_html(document)
    path = f"pdf-cache/{cache_key(html, options)}.pdf"
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as cached:
            return cached.read()
    data = render_html(html, options)
    default_storage.save(path, ContentFile(data))
    return data
