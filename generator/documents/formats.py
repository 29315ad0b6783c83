"""The output formats by name. Each module has the same shape:
CONTENT_TYPE, EXTENSION and render(document, options) -> bytes (style.md, habit 7)."""

from types import ModuleType

from generator.documents import docx, fragment, html, markdown, pdf
from generator.documents.document import Document
from generator.documents.options import OutputOptions

FORMATS: dict[str, ModuleType] = {
    "html": html,
    "fragment": fragment,
    "pdf": pdf,
    "docx": docx,
    "md": markdown,
}


def render_for_web(fmt: str, document: Document, options: OutputOptions) -> bytes:
    """What views call: the same bytes as FORMATS[fmt].render, but a PDF is made by the task
    worker (pdf.render_in_worker), never inside the web process."""
    if fmt == "pdf":
        return pdf.render_in_worker(document, options)
    return FORMATS[fmt].render(document, options)
