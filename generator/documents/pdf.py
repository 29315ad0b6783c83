"""PDF through WeasyPrint: A4, a cover block, a table of contents with page numbers, a running
header, "pagina X van Y", bundled fonts, tagged PDF/UA-1 by default or PDF/A-3b on request."""

import atexit
import hashlib
import threading
import time
from functools import cache
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from generator.documents.document import Document
from generator.documents.html import page_context
from generator.documents.options import OutputOptions
from generator.lib.storage import save_atomically

if TYPE_CHECKING:
    from generator.documents.fetcher import SafeURLFetcher

# The same folder as fetcher.STATIC_DIR; not imported from there, because the fetcher module
# imports WeasyPrint and this one must not (see _stylesheet).
STATIC_DIR = Path(__file__).resolve().parents[2] / "static"

CONTENT_TYPE = "application/pdf"
EXTENSION = "pdf"

# WeasyPrint's font configuration is not thread-safe, and one render uses one core anyway
# (notes/performance.md): render one PDF at a time per process and reuse the fonts.
_lock = threading.Lock()


class PdfPending(Exception):
    """The task worker has not finished this PDF within the wait: ask the user to try again."""


class PdfFailed(Exception):
    """The task worker could not make this PDF."""


@cache
def _stylesheet():
    # WeasyPrint is imported here, not at the top: web processes hand PDFs to the task worker
    # and so never load it (and its ~40 MB) at all.
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    from generator.documents.fetcher import SafeURLFetcher

    fonts = FontConfiguration()
    css = CSS(
        string=(STATIC_DIR / "documents" / "print.css").read_text(encoding="utf-8"),
        font_config=fonts,
        url_fetcher=SafeURLFetcher(),
    )
    return css, fonts


# Drop the cached fonts before the interpreter tears modules down; FontConfiguration's __del__
# would otherwise complain at every exit.
atexit.register(_stylesheet.cache_clear)


def print_html(document: Document) -> str:
    """The exact HTML WeasyPrint lays out; kept separate so benchmarks can time it alone."""
    return render_to_string("documents/print.html", page_context(document))


def render_html(
    html: str, options: OutputOptions, fetcher: "SafeURLFetcher | None" = None
) -> bytes:
    from weasyprint import HTML

    from generator.documents.fetcher import SafeURLFetcher

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


@cache
def _fixed_inputs() -> bytes:
    # Read once per process, like the stylesheet WeasyPrint is given (_stylesheet): both change
    # only with a deployment, which restarts the processes.
    css = (STATIC_DIR / "documents" / "print.css").read_bytes()
    return css + b"\x00" + package_version("weasyprint").encode()


def cache_key(html: str, options: OutputOptions) -> str:
    """Everything that decides the PDF's bytes: the HTML, our print CSS, WeasyPrint's version
    and the variant. The same key means the same PDF, so it is made once."""
    parts = [
        html.encode(),
        _fixed_inputs(),
        options.pdf_variant.encode(),
    ]
    return hashlib.sha256(b"\x00".join(parts)).hexdigest()


def cache_path(html: str, options: OutputOptions) -> str:
    return f"pdf-cache/{cache_key(html, options)}.pdf"


def _read(path: str) -> bytes:
    with default_storage.open(path, "rb") as cached:
        return cached.read()


def store(html: str, options: OutputOptions) -> str:
    """Make the PDF of this print HTML unless the cache has it; returns its storage path.
    Written atomically, so a worker killed mid-render leaves no half PDF behind."""
    path = cache_path(html, options)
    if not default_storage.exists(path):
        save_atomically(path, render_html(html, options))
    return path


def render(document: Document, options: OutputOptions) -> bytes:
    """Render here, in this process (task workers, commands, benchmarks)."""
    return _read(store(print_html(document), options))


def render_in_worker(document: Document, options: OutputOptions) -> bytes:
    """For web requests: a cached PDF at once, otherwise the task worker makes it while this
    request waits up to PDF_WAIT_SECONDS. WeasyPrint's memory and CPU stay in the worker, which
    is recycled, and never grow the web processes (notes/performance.md)."""
    return html_in_worker(print_html(document), options)


def html_in_worker(html: str, options: OutputOptions) -> bytes:
    """render_in_worker for print HTML made elsewhere (the verwerkingsregister)."""
    from django_tasks import TaskResultStatus

    from generator.documents.tasks import render_pdf

    path = cache_path(html, options)
    if default_storage.exists(path):
        return _read(path)
    result = render_pdf.enqueue(html, options.pdf_variant)
    # The immediate backend (tests, tiny installs) has already run it and cannot be re-read.
    can_refresh = result.task.get_backend().supports_get_result
    deadline = time.monotonic() + settings.PDF_WAIT_SECONDS
    pause = 0.02
    while not default_storage.exists(path):
        if can_refresh:
            result.refresh()
        if result.status == TaskResultStatus.FAILED:
            raise PdfFailed(path)
        if time.monotonic() >= deadline:
            raise PdfPending(path)
        time.sleep(pause)
        pause = min(pause * 2, 0.25)
    return _read(path)
