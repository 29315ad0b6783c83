"""WeasyPrint's fetcher serves our document assets and data: URIs and refuses everything else
(notes/security.md, section 2; test table rows 5 and 6)."""

import io
import os

import pytest
from pypdf import PdfReader

from generator.documents import pdf
from generator.documents.document import Section
from generator.documents.fetcher import RefusedURL, SafeURLFetcher, static_url
from generator.documents.options import OutputOptions
from tests.documents.conftest import make_document


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-LOCAL-FILE")
    return path


def pdf_bytes(html: str, fetcher: SafeURLFetcher | None = None) -> bytes:
    return pdf.render_html(html, OutputOptions(), fetcher)


def embedded_files(data: bytes) -> list:
    reader = PdfReader(io.BytesIO(data))
    names = reader.trailer["/Root"].get("/Names", {})
    return list(names.get("/EmbeddedFiles", {}).get("/Names", [])) if names else []


def test_our_fonts_are_served():
    response = SafeURLFetcher().fetch(static_url("fonts/source-sans-3/SourceSans3_400Regular.ttf"))
    assert response.read()[:4] == b"\x00\x01\x00\x00"  # a TrueType font


def test_data_uris_are_served():
    assert SafeURLFetcher().fetch("data:text/plain,hallo").read() == b"hallo"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/x.png",
        "ftp://example.org/x",
        "gopher://x/",
        "static:../../generator/settings.py",
        "static:fonts/../../generator/settings.py",
        "static:site.css",  # static/, but not a document asset
        "/etc/passwd",
        "relative.png",
    ],
)
def test_everything_else_is_refused(url):
    fetcher = SafeURLFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_a_symlink_out_of_static_is_refused(tmp_path, secret):
    from generator.documents.fetcher import STATIC_DIR

    link = STATIC_DIR / "documents" / "test-link.txt"
    os.symlink(secret, link)
    try:
        with pytest.raises(RefusedURL):
            SafeURLFetcher().fetch(static_url("documents/test-link.txt"))
    finally:
        link.unlink()


def test_attachments_of_local_files_are_not_embedded(secret):
    html = f"""<html lang="nl"><head><title>t</title>
    <link rel="attachment" href="file://{secret}"></head>
    <body><p>x</p><a rel="attachment" href="file://{secret}">bijlage</a></body></html>"""
    fetcher = SafeURLFetcher()
    data = pdf_bytes(html, fetcher)
    assert b"TOP-SECRET" not in data
    assert embedded_files(data) == []
    assert f"file://{secret}" in fetcher.refused


def test_no_request_leaves_the_machine_for_images_css_fonts_or_attachments(canary):
    html = f"""<html lang="nl"><head><title>t</title>
    <link rel="stylesheet" href="{canary.url}/style.css">
    <link rel="attachment" href="{canary.url}/attachment">
    <style>
      @import url({canary.url}/import.css);
      @font-face {{ font-family: X; src: url({canary.url}/font.ttf); }}
      body {{ background: url({canary.url}/bg.png); font-family: X; }}
    </style></head>
    <body><img src="{canary.url}/img.png"><svg><image href="{canary.url}/svg.png"/></svg>
    <object data="{canary.url}/object"></object><p>x</p></body></html>"""
    data = pdf_bytes(html)
    assert canary.hits == []
    assert b"CANARY-SECRET" not in data and embedded_files(data) == []


def test_a_redirect_is_never_followed_because_the_first_request_is_never_made(canary):
    fetcher = SafeURLFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(f"{canary.url}/redirect")
    assert canary.hits == []


def test_the_pdf_pipeline_uses_the_safe_fetcher_for_document_content(canary, secret):
    # A Document whose HTML was not sanitised (the clause renderer would have): the PDF
    # module must still fetch nothing.
    evil = (
        f'<p>x</p><img src="{canary.url}/img.png"><link rel="attachment" href="file://{secret}">'
        f'<p style="background: url({canary.url}/bg)">y</p>'
    )
    data = pdf.render(make_document(Section("evil", "Evil", evil)), OutputOptions())
    assert canary.hits == []
    assert b"TOP-SECRET" not in data and embedded_files(data) == []
