"""PDF through WeasyPrint: A4, a cover block, a table of contents with page numbers, a running
header, "pagina X van Y", bundled fonts, tagged PDF/UA-1 by default or PDF/A-3b on request."""

import atexit
import gc
import hashlib
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import cache
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

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


class PdfTooLarge(Exception):
    """This PDF is too large to make: past an output cap, or past its render time limit."""


class PdfTooSlow(PdfTooLarge):
    """WeasyPrint used more than PDF_RENDER_SECONDS of CPU time on one PDF."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Every render gets its own limit, so one huge document cannot hold a worker for minutes
    while everyone else's PDFs wait. CPU time (ITIMER_PROF), not wall-clock time: a busy
    machine slows a render down without making it larger. Signals reach the main thread only;
    the task worker and the commands render there (a thread goes without the limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise PdfTooSlow(f"meer dan {seconds:g} s rekentijd")

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A layout makes hundreds of thousands of short-lived objects, and Python's cyclic
    collector ran over them, and over the whole of Django, dozens of times per render: about a
    tenth of the render time (docs/benchmarks.md, issue 19). Collect once afterwards instead.
    What was alive before the first render (modules, settings, the fonts) is moved out of the
    collector's sight once, so that collection is short."""
    _freeze_once()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect()


@cache
def _freeze_once() -> None:
    _stylesheet()
    gc.collect()
    gc.freeze()


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
    with _lock, _time_limit(settings.PDF_RENDER_SECONDS), _collector_paused():
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
    # The print CSS and the images it draws (the leader dots, the bullets), read once per
    # process like the stylesheet WeasyPrint is given (_stylesheet): both change only with a
    # deployment, which restarts the processes.
    assets = b"".join(
        path.name.encode() + b"\x00" + path.read_bytes()
        for path in sorted((STATIC_DIR / "documents").iterdir())
        if path.is_file()
    )
    return assets + b"\x00" + package_version("weasyprint").encode()


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
    return _path_of(cache_key(html, options))


def _path_of(key: str) -> str:
    return f"pdf-cache/{key}.pdf"


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

    path = cache_path(html, options)
    result = enqueue(html, options)
    if result is None:
        return _read(path)
    if result.status == TaskResultStatus.FAILED:
        _raise_failure(result, path)  # failed a moment ago: not again at every retry
    # The immediate backend (tests, tiny installs) has already run it and cannot be re-read.
    can_refresh = result.task.get_backend().supports_get_result
    deadline = time.monotonic() + settings.PDF_WAIT_SECONDS
    pause = 0.02
    while not default_storage.exists(path):
        if can_refresh:
            result.refresh()
        if result.status == TaskResultStatus.FAILED:
            _raise_failure(result, path)
        if time.monotonic() >= deadline:
            raise PdfPending(path)
        time.sleep(pause)
        pause = min(pause * 2, 0.25)
    return _read(path)


def enqueue(html: str, options: OutputOptions, *, version_id: int | None = None):
    """Queue the render of this PDF unless one is queued, running or failed a moment ago
    (_render_of); returns that task result, or None when the PDF is in the cache already.
    `version_id` marks a render that publishing queued, so the version list can say that
    this version's PDF is being made (queued_versions)."""
    from generator.documents.tasks import render_pdf

    key = cache_key(html, options)
    if default_storage.exists(_path_of(key)):
        return None
    result = _render_of(key)
    if result is None:
        extra = {} if version_id is None else {"version_id": version_id}
        result = render_pdf.enqueue(html, options.pdf_variant, key, **extra)
    return result


def queued_versions(version_ids) -> set[int]:
    """Which of these published versions have a PDF queued or being made right now."""
    from django_tasks import TaskResultStatus

    ids = list(version_ids)
    rows = _render_rows()
    if not ids or rows is None:
        return set()
    pending = rows.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        args_kwargs__kwargs__version_id__in=ids,
    ).values_list("args_kwargs", flat=True)
    return {row["kwargs"]["version_id"] for row in pending}


def _render_rows():
    """The database queue's rows of render_pdf, or None when the backend keeps no results to
    look at (the others run at once or never)."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    from generator.documents.tasks import render_pdf

    if not isinstance(render_pdf.get_backend(), DatabaseBackend):
        return None
    return DBTaskResult.objects.filter(task_path=render_pdf.module_path)


def _raise_failure(result, path: str) -> None:
    if any(error.exception_class_path.endswith(".PdfTooSlow") for error in result.errors):
        raise PdfTooLarge(path)
    raise PdfFailed(path)


def _render_of(key: str):
    """The queued or running render of this PDF, or one that failed within
    PDF_FAILED_REMEMBER_SECONDS; None if there is none. A user who asks again while the
    worker is busy with it waits for that render instead of queueing another, so retries of
    one expensive document do not fill the queue ahead of everyone else's (issue 17)."""
    from django_tasks import TaskResultStatus

    rows = _render_rows()
    if rows is None:
        return None
    recent = timezone.now() - timedelta(seconds=settings.PDF_FAILED_REMEMBER_SECONDS)
    row = (
        rows.filter(args_kwargs__args__2=key)
        .filter(
            Q(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
            | Q(status=TaskResultStatus.FAILED, finished_at__gte=recent)
        )
        .order_by("-enqueued_at")
        .first()
    )
    return row.task_result if row is not None else None
