"""PDF rendering as a background task: web requests enqueue it and wait for the cached file
(pdf.render_in_worker), so WeasyPrint runs only in the task worker."""

from django_tasks import task

from generator.documents import pdf
from generator.documents.options import OutputOptions


@task()
def render_pdf(html: str, pdf_variant: str, key: str = "", version_id: int | None = None) -> str:
    # `key` (pdf.cache_key) and `version_id` are not needed to render: the key lets a web
    # request find a render of the same PDF that is already queued (pdf._render_of), the
    # version lets the version list say which PDFs are being made (pdf.queued_versions).
    return pdf.store(html, OutputOptions(pdf_variant=pdf_variant))
