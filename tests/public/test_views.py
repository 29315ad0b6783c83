"""The landing page and the live example statements."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.conftest import EXAMPLE_SLUGS, missing_facts


@pytest.fixture
def client():
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def test_the_home_page_links_every_example(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for slug in EXAMPLE_SLUGS:
        assert reverse("public:example", args=[slug]) in html
        assert reverse("public:example_file", args=[slug, "pdf"]) in html
    assert "Media IP B.V." in html


def test_an_example_renders_as_a_standalone_page(client, slug):
    response = client.get(reverse("public:example", args=[slug]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    from generator.documents.document import plain_text

    assert missing_facts(slug, plain_text(response.content.decode())) == []


def test_an_example_downloads_as_pdf(client):
    response = client.get(reverse("public:example_file", args=["qlinx", "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="privacyverklaring-qlinx.pdf"'
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert missing_facts("qlinx", text) == []


def test_an_example_downloads_as_markdown_in_the_other_register(client):
    response = client.get(
        reverse("public:example_file", args=["ipcall", "md"]) + "?register=informal"
    )
    assert response.status_code == 200
    assert "Jouw rechten" in response.content.decode()
    assert "privacyverklaring-ipcall-informal.md" in response["Content-Disposition"]


def test_an_unknown_register_falls_back_to_the_answers(client):
    response = client.get(reverse("public:example", args=["ipcall"]) + "?register=<script>")
    assert response.status_code == 200 and "Uw rechten" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/voorbeelden/onbekend/",
        "/voorbeelden/qlinx.facts/",
        "/voorbeelden/..%2F..%2Fgenerator%2Fsettings/",
        "/voorbeelden/qlinx.docx",
        "/voorbeelden/qlinx.json",
    ],
)
def test_only_the_examples_and_their_formats_are_served(client, path):
    assert client.get(path).status_code == 404


def test_the_pages_only_answer_get(client):
    assert client.post(reverse("public:example", args=["qlinx"])).status_code in (403, 405)
    assert client.post("/").status_code in (403, 405)
