"""Relative links (issue 17): the sanitiser let through any href without a scheme, so Markdown
in an extra section put "/etc/passwd", "../../x", "\\\\host\\share" or "//evil.example/x"
into the HTML and as link annotations into the PDF, where each points somewhere else on every
site, viewer or disk that shows the statement. Only absolute http(s), mailto and tel links
survive, and "#section" links within the statement (its table of contents has them); a
refused link keeps its text."""

import io
import re

import pytest
from pypdf import PdfReader

from generator.answers.loading import AnswersError, parse_answers
from generator.documents import pdf
from generator.documents.document import clean_html
from generator.documents.options import OutputOptions
from generator.statements.exports import statement_document, statement_export
from tests.conftest import example_data

RELATIVE = [
    "/etc/passwd",
    "../../x",
    "./x",
    "x.html",
    "\\\\host\\share",
    "//evil.example/x",
    "http:/etc/passwd",
    "https:evil.example",
    "https:///etc/passwd",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,x",
    " /leading-space",
    "?query",
]
SAFE = [
    "https://voorbeeld.nl/privacy",
    "http://voorbeeld.nl",
    "HTTPS://VOORBEELD.NL",
    "mailto:privacy@voorbeeld.nl",
    "tel:+31201234567",
    "#rechten",
]
ABSOLUTE = re.compile(r"^(https?://[^/\\\s]|mailto:|tel:)", re.IGNORECASE)
HREF = re.compile(r'href="([^"]*)"')


@pytest.mark.parametrize("href", RELATIVE)
def test_a_relative_or_foreign_link_loses_its_href_and_keeps_its_text(href):
    cleaned = clean_html(f'<p><a href="{href}">klik hier</a></p>')
    assert "href" not in cleaned and "klik hier" in cleaned


@pytest.mark.parametrize("href", SAFE)
def test_web_mail_phone_and_section_links_stay(href):
    assert clean_html(f'<p><a href="{href}">klik</a></p>') == f'<p><a href="{href}">klik</a></p>'


def markdown_with_every_kind_of_link() -> str:
    """Each relative address as an inline link, a reference link, an autolink and raw HTML."""
    lines = []
    for number, href in enumerate(RELATIVE):
        lines.append(f"Inline [een {number}]({href.strip()}), ref [twee {number}][r{number}], ")
        lines.append(f'auto <{href.strip()}>, html <a href="{href}">drie {number}</a>.\n')
    lines.append("\n" + "".join(f"[r{n}]: {href.strip()}\n" for n, href in enumerate(RELATIVE)))
    return "".join(lines)


@pytest.fixture(scope="module")
def answers():
    data = example_data("qlinx")
    data["other"]["extra_sections"] = [
        {"title": "Links", "body": markdown_with_every_kind_of_link()},
        {"title": "Goede links", "body": " ".join(f"[goed]({href})" for href in SAFE)},
    ]
    # Free text that a clause makes a link when it is an address (safeguard_copy_link).
    data["recipients"][1]["safeguard_copy"] = "//evil.example/scc"
    return parse_answers(data)


URL_FIELDS = [
    ("controller", "website"),
    ("controller", "contact_form_url"),
    ("cookies", "settings_url"),
    ("rights", "form_url"),
]


@pytest.mark.parametrize(("part", "field"), URL_FIELDS)
@pytest.mark.parametrize("href", ["/etc/passwd", "//evil.example/x", "\\\\host\\share"])
def test_the_address_fields_refuse_them_already(part, field, href):
    data = example_data("qlinx")
    data[part][field] = href
    with pytest.raises(AnswersError, match=rf"{part}.{field}: Vul een volledig webadres in"):
        parse_answers(data)


def test_no_section_of_the_statement_has_a_relative_link(db, answers):
    document = statement_document(answers)
    hrefs = [href for section in document.sections for href in HREF.findall(section.html)]
    assert [href for href in hrefs if not ABSOLUTE.match(href) and href != "#rechten"] == []
    extra = document.section("extra-1").html
    assert "drie 0" in extra and "een 13" in extra  # the texts stay
    assert "#rechten" in hrefs and "https://voorbeeld.nl/privacy" in hrefs
    # The standalone HTML adds the table of contents: links to its own sections.
    html = statement_export(answers, fmt="html").decode()
    assert all(ABSOLUTE.match(h) or h.startswith("#") for h in HREF.findall(html))


def test_the_pdf_links_only_to_the_web_mail_and_phone(db, answers):
    reader = PdfReader(io.BytesIO(pdf.render(statement_document(answers), OutputOptions())))
    uris = [
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    assert "https://voorbeeld.nl/privacy" in uris and "tel:+31201234567" in uris
    assert [uri for uri in uris if not ABSOLUTE.match(uri)] == []
