import re

from generator.documents import html, markdown
from generator.documents.document import Document, Metadata, Section
from generator.documents.options import OutputOptions


def test_the_html_page_stands_alone_with_css_contents_and_anchors(document):
    page = html.render(document, OutputOptions()).decode()
    assert page.startswith("<!doctype html>") and '<html lang="nl">' in page
    assert "<style>" in page and "<link" not in page  # no external stylesheet to fetch
    assert '<a href="#een">Eerste deel</a>' in page and '<section id="een"' in page
    assert "<title>Privacyverklaring · Voorbeeld B.V.</title>" in page
    assert "Versie 2.1" in page and "Geldig vanaf 1 maart 2026" in page


def test_metadata_and_titles_are_escaped_in_html(document):
    meta = Metadata("<script>x</script>", "Titel", "nl", "formal")
    page = html.render(
        Document(meta, (Section("a", "<b>Kop</b>", "<p>ok</p>"),)), OutputOptions()
    ).decode()
    assert "<script>x" not in page and "&lt;script&gt;x" in page
    assert "&lt;b&gt;Kop&lt;/b&gt;" in page


def test_markdown_has_headings_lists_and_tables(document):
    text = markdown.render(document, OutputOptions()).decode()
    assert text.startswith("# Privacyverklaring\n")
    assert "*Voorbeeld B.V. · Versie 2.1 · geldig vanaf 1 maart 2026*" in text
    assert "## Eerste deel" in text and "## Tweede deel" in text
    assert "- Punt" in text
    assert re.search(r"\| A \| B \|", text)


def test_markdown_escapes_markup_in_titles():
    meta = Metadata("Org", "Titel", "nl", "formal")
    text = markdown.render(
        Document(meta, (Section("a", "*nadruk* <b>", "<p>x</p>"),)), OutputOptions()
    )
    assert b"## \\*nadruk\\* &lt;b&gt;" in text
