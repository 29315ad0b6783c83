"""The PDF read back with pypdf: text, pages, table of contents, header and footer, fonts,
tagging and the PDF/A variant."""

import io
import re

import pytest
from pypdf import PdfReader

from generator.documents import pdf
from generator.documents.document import Section
from generator.documents.options import OutputOptions
from tests.documents.conftest import make_document

LONG = "".join(f"<p>Alinea {i}: " + "tekst " * 60 + "</p>" for i in range(40))


@pytest.fixture(scope="module")
def long_pdf() -> PdfReader:
    document = make_document(
        Section("begin", "Begin", "<p>Het begin.</p>"),
        Section("lang", "Een lang deel", LONG),
        Section("slot", "Slot", "<p>Het einde.</p>"),
    )
    return PdfReader(io.BytesIO(pdf.render(document, OutputOptions())))


def page_texts(reader: PdfReader) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def test_it_is_a4(long_pdf):
    box = long_pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_the_first_page_has_organisation_version_date_and_contents(long_pdf):
    first = page_texts(long_pdf)[0]
    for expected in (
        "Privacyverklaring",
        "Voorbeeld B.V.",
        "Versie 2.1",
        "Geldig vanaf 1 maart 2026",
        "Inhoud",
    ):
        assert expected in first


def test_the_contents_list_the_page_each_section_starts_on(long_pdf):
    texts = page_texts(long_pdf)
    start = {key: next(i for i, t in enumerate(texts) if heading in t and i > 0) + 1
             for key, heading in (("begin", "Het begin."), ("slot", "Het einde."))}  # fmt: skip
    contents = texts[0]
    assert re.search(rf"Begin[ .]*{start['begin']}\b", contents)
    assert re.search(rf"Slot[ .]*{start['slot']}\b", contents)
    assert start["slot"] > start["begin"] + 1  # the long section really spans pages


def test_every_page_says_pagina_x_van_y(long_pdf):
    total = len(long_pdf.pages)
    assert total >= 3
    for number, text in enumerate(page_texts(long_pdf), start=1):
        assert f"pagina {number} van {total}" in text


def test_pages_after_the_first_carry_a_running_header(long_pdf):
    texts = page_texts(long_pdf)
    assert all("Voorbeeld B.V. · Privacyverklaring" in text for text in texts[1:])


def test_only_the_bundled_fonts_are_embedded(long_pdf):
    fonts = set()
    for page in long_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("Source-Sans-3" in name for name in fonts), fonts


def test_the_default_variant_is_tagged_for_accessibility(long_pdf):
    root = long_pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "nl"
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def test_metadata_names_title_and_author(long_pdf):
    assert long_pdf.metadata.title == "Privacyverklaring · Voorbeeld B.V."
    assert long_pdf.metadata.author == "Voorbeeld B.V."


def test_pdf_a_3b_is_available_on_request(document):
    reader = PdfReader(io.BytesIO(pdf.render(document, OutputOptions(pdf_variant="pdf/a-3b"))))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="B"' in xmp


def test_an_unknown_variant_is_refused():
    with pytest.raises(ValueError, match="pdf_variant"):
        OutputOptions(pdf_variant="pdf/x-4")


def test_text_typed_as_markup_appears_literally(document):
    from generator.documents.document import Document, Metadata

    meta = Metadata("<b>Evil</b> & Co", "Titel", "nl", "formal")
    doc = Document(meta, document.sections)
    text = page_texts(PdfReader(io.BytesIO(pdf.render(doc, OutputOptions()))))[0]
    assert "<b>Evil</b> & Co" in text


def test_the_leader_dots_and_the_bullets_are_drawn_from_our_own_images():
    # Issue 19: the contents' dots and the bullets are images from static/documents/; a
    # fetcher that refused them would leave both out without an error.
    from generator.documents.fetcher import SafeURLFetcher

    document = make_document(
        Section("een", "Eerste deel", "<ul><li>Een</li><li>Twee</li></ul>"),
        Section("twee", "Tweede deel", "<p>Tekst.</p>"),
    )
    fetched = []

    class Recording(SafeURLFetcher):
        def fetch(self, url, headers=None):
            fetched.append(url)
            return super().fetch(url, headers)

    fetcher = Recording()
    data = pdf.render_html(pdf.print_html(document), OutputOptions(), fetcher)
    assert fetcher.refused == []
    assert {"static:documents/toc-dot.png", "static:documents/bullet.png"} <= set(fetched)
    reader = PdfReader(io.BytesIO(data))
    drawn = [
        page_number
        for page_number, page in enumerate(reader.pages)
        if page["/Resources"].get("/XObject")
    ]
    # The contents (dots) and the list (bullets) are on the first pages; both draw an image.
    assert drawn[:1] == [0] and len(drawn) >= 2, drawn


def test_the_cache_key_covers_the_images_the_print_css_draws():
    inputs = pdf._fixed_inputs()
    for name in ("print.css", "toc-dot.png", "bullet.png"):
        assert (pdf.STATIC_DIR / "documents" / name).read_bytes() in inputs


def test_the_collector_is_paused_during_a_render_and_restored_after(document, monkeypatch):
    import gc

    import weasyprint

    seen = []
    write_pdf = weasyprint.HTML.write_pdf

    def watching(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return write_pdf(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", watching)
    html = pdf.print_html(document)
    pdf.render_html(html, OutputOptions())
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a caller that had switched it off gets it back off
    try:
        pdf.render_html(html, OutputOptions())
        assert not gc.isenabled()
    finally:
        gc.enable()
