"""The output formats by name. Each module has the same shape:
CONTENT_TYPE, EXTENSION and render(document, options) -> bytes (style.md, habit 7)."""

from types import ModuleType

from generator.documents import docx, fragment, html, markdown, pdf

FORMATS: dict[str, ModuleType] = {
    "html": html,
    "fragment": fragment,
    "pdf": pdf,
    "docx": docx,
    "md": markdown,
}
