import io

import docx

from generator.documents import docx as docx_output
from generator.documents import pdf
from generator.documents.options import OutputOptions


def test_docx_has_real_headings_lists_tables_and_emphasis(document):
    word = docx.Document(io.BytesIO(docx_output.render(document, OutputOptions())))
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert styles[0] == ("Title", "Privacyverklaring")
    assert ("Heading 1", "Eerste deel") in styles and ("List Bullet", "Punt") in styles
    assert [[c.text for c in row.cells] for row in word.tables[0].rows] == [["A", "B"]]
    assert word.core_properties.author == "Voorbeeld B.V."


def test_an_unchanged_pdf_is_rendered_once(document, monkeypatch):
    calls = []
    real = pdf.render_html
    monkeypatch.setattr(
        pdf,
        "render_html",
        lambda html, options, fetcher=None: calls.append(1) or real(html, options),
    )
    first = pdf.render(document, OutputOptions())
    second = pdf.render(document, OutputOptions())
    assert first == second and len(calls) == 1
    pdf.render(document, OutputOptions(pdf_variant="pdf/a-3b"))
    assert len(calls) == 2  # another variant is another PDF
