"""Markup typed into every free-text field is text everywhere it is shown (issue 10;
notes/security.md, test 8): the review step, the public page, the embeddable fragment, the
standalone HTML, the clause editor's preview, and the PDF, which also gets no attachment, no
link to a foreign scheme, and never reaches a loopback canary server. In a real browser:
tests/e2e/test_xss_in_browser.py."""

import io
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from pypdf import PdfReader

from generator.answers.loading import parse_answers
from generator.clauses import admin as clause_admin
from generator.clauses.models import EDITORS_GROUP, ClauseTemplate
from generator.clauses.services import Example, load_default_clauses
from generator.documents import pdf
from generator.documents.options import OutputOptions
from generator.statements.exports import statement_document
from generator.statements.services import organisation_create, statement_publish
from tests.documents.conftest import Canary
from tests.factories import MembershipFactory, UserFactory
from tests.security.hostile import PAYLOAD, hostile_answers

pytestmark = pytest.mark.django_db

ANSWERS, INJECTED = hostile_answers()
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}  # "" is a link within the site


class Markup(HTMLParser):
    """What a browser would act on: script elements, event handlers, attachments, links."""

    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.attachments, self.links = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs.get("src") or "inline")
        self.handlers += [name for name in attrs if name.startswith("on")]
        if tag == "link" and attrs.get("rel") == "attachment":
            self.attachments.append(attrs.get("href"))
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def assert_shown_as_text(page: str) -> None:
    found = Markup()
    found.feed(page)
    assert all(src.startswith("/static/") for src in found.scripts), found.scripts
    assert found.handlers == [] and found.attachments == []
    schemes = {urlsplit(link.strip()).scheme.lower() for link in found.links}
    assert schemes <= SAFE_SCHEMES, schemes
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in page  # visible, as text


def test_the_attack_sits_in_every_free_text_field():
    assert len(INJECTED) >= 50
    # In both languages: "controller.about.nl" and "controller.about.en".
    for path in ("controller.about", "activities.0.purpose", "other.extra_sections.0.body"):
        assert {f"{path}.nl", f"{path}.en"} <= set(INJECTED), path


@pytest.fixture
def published(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    organisation = organisation_create(workspace=owner.workspace, name="Aanval", answers=ANSWERS)
    version = statement_publish(
        statement=organisation.statement, user=None, acknowledge_blocking=True
    )
    return organisation, version


def test_the_review_step_shows_it_as_text(client, published):
    organisation, _ = published
    page = client.get(reverse("wizard:step", args=[organisation.pk, "controle"]))
    assert_shown_as_text(page.content.decode())


@pytest.mark.parametrize("name", ["public:statement", "public:fragment"])
def test_the_public_page_and_fragment_show_it_as_text(client, published, name):
    organisation, _ = published
    assert_shown_as_text(client.get(reverse(name, args=[organisation.public_id])).content.decode())


def test_the_standalone_html_shows_it_as_text(client, published):
    organisation, _ = published
    page = client.get(reverse("statements:download", args=[organisation.pk, "html"]))
    assert_shown_as_text(page.content.decode())


def test_the_clause_editors_preview_shows_it_as_text(client, monkeypatch):
    load_default_clauses()
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    monkeypatch.setattr(
        clause_admin, "examples", lambda language: [Example("aanval", parse_answers(ANSWERS))]
    )
    template = ClauseTemplate.objects.get(key="verantwoordelijke", language="nl")
    url = reverse("admin:clauses_clausetemplate_change", args=[template.pk]) + "preview/"
    assert_shown_as_text(client.get(url).content.decode())


def test_the_pdf_has_it_as_literal_text_and_no_attachment_or_foreign_link(published):
    _, version = published
    reader = PdfReader(io.BytesIO(pdf.render(version.as_document(), OutputOptions())))
    text = "".join(page.extract_text() for page in reader.pages)
    assert '<script>alert("xss")</script>' in re.sub(r"\s+", "", text)
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            assert annotation.get("/Subtype") != "/FileAttachment"
            uri = annotation.get("/A", {}).get("/URI", "")
            assert not uri or str(uri).startswith(("http:", "https:", "mailto:")), uri


def test_weasyprint_never_reaches_a_server_named_in_the_answers():
    canary = Canary()
    try:
        bait = (
            f'<img src="{canary.url}/img"><link rel=stylesheet href="{canary.url}/css">'
            f"<style>@import url({canary.url}/import);</style>"
            f'<iframe src="{canary.url}/frame"></iframe>{PAYLOAD}'
        )
        answers, _ = hostile_answers(extra=bait)
        answers["controller"]["website"] = f"{canary.url}/site"
        data = pdf.render_html(
            pdf.print_html(statement_document(parse_answers(answers))), OutputOptions()
        )
        assert data.startswith(b"%PDF-")
        assert canary.hits == []
    finally:
        canary.close()
