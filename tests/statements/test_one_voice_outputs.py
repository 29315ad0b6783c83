"""One voice in every output (design.md): every example, rendered in both registers, in every
format, holds no word of the other register; and the summary opens every format."""

import io

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from generator.documents.document import plain_text
from generator.documents.formats import FORMATS
from generator.documents.options import OutputOptions
from generator.lib.dutch import register_slips
from generator.statements.exports import statement_document
from tests.conftest import EXAMPLE_SLUGS, load_example


def text_of(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if fmt == "docx":
        word = WordDocument(io.BytesIO(data))
        cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
        return " ".join([p.text for p in word.paragraphs] + cells)
    if fmt == "md":
        return data.decode().replace("\\", "")
    return plain_text(data.decode())


CASES = [(slug, register, fmt) for slug in EXAMPLE_SLUGS for register in ("formal", "informal")
         for fmt in FORMATS]  # fmt: skip


@pytest.mark.parametrize(("slug", "register", "fmt"), CASES)
def test_every_example_in_every_register_and_format_has_no_slip(slug, register, fmt):
    document = statement_document(load_example(slug), register=register)
    text = text_of(fmt, FORMATS[fmt].render(document, OutputOptions()))
    slips = [text[max(0, s.start - 40) : s.start + 40] for s in register_slips(text, register)]
    assert slips == []
    # The first layer opens every format, before the table of contents.
    assert text.index("In het kort") < text.index("Wie wij zijn")


def test_the_slip_count_would_catch_a_slip():
    assert register_slips("Wij bewaren je gegevens.", "formal")
    assert register_slips("Wij bewaren uw gegevens.", "informal")
