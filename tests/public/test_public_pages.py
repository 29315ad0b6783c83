"""Each organisation's public statement: its latest published version at an unguessable
address, the first layer, the archive at stable addresses, the fragment; never a draft."""

import io

import docx
import pytest
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.statements.models import Statement
from generator.statements.services import (
    organisation_create,
    statement_publish,
    statement_save_step,
)
from tests.conftest import example_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    answers = parse_answers(example_data("ipcall")).model_dump(mode="json")
    return organisation_create(
        workspace=MembershipFactory().workspace, name="ipcall.me B.V.", answers=answers
    )


def publish(organisation, **kwargs):
    return statement_publish(
        statement=Statement.objects.get(organisation=organisation), user=None, **kwargs
    )


def edit_draft(organisation, city):
    statement = Statement.objects.get(organisation=organisation)
    answers = dict(statement.answers, controller={**statement.answers["controller"], "city": city})
    statement_save_step(
        statement=statement,
        revision=statement.revision,
        answers=answers,
        step="organisatie",
        required_steps=lambda a: [],
    )


def url(organisation, name="public:statement", *args):
    return reverse(name, args=[organisation.public_id, *args])


def test_nothing_is_public_before_the_first_publication(client, organisation):
    for address in (url(organisation), url(organisation, "public:archive"), url(organisation, "public:fragment"),
                    url(organisation, "public:version", 1), url(organisation, "public:download", 1, "pdf")):  # fmt: skip
        assert client.get(address).status_code == 404


def test_the_public_page_shows_the_latest_version_with_its_first_layer(client, organisation):
    publish(organisation)
    html = client.get(url(organisation)).content.decode()
    assert "ipcall.me B.V." in html and "In het kort" in html and 'href="#rechten"' in html
    assert "Laatst gewijzigd: 29 juni 2022" in html and 'data-version="1"' in html


def test_a_draft_never_reaches_the_public_page(client, organisation):
    publish(organisation)
    edit_draft(organisation, "Conceptstad")
    assert "Conceptstad" not in client.get(url(organisation)).content.decode()
    assert "Conceptstad" not in client.get(url(organisation, "public:fragment")).content.decode()
    publish(organisation)
    assert "Conceptstad" in client.get(url(organisation)).content.decode()


def test_earlier_versions_stay_at_stable_addresses(client, organisation):
    publish(organisation, change_note="Eerste versie.")
    edit_draft(organisation, "Veenendaal")
    publish(organisation, change_note="Verhuisd.")
    archive = client.get(url(organisation, "public:archive")).content.decode()
    assert url(organisation, "public:version", 1) in archive and "Verhuisd." in archive
    old = client.get(url(organisation, "public:version", 1)).content.decode()
    assert "Rhenen" in old and "Veenendaal" not in old and "een oudere versie" in old
    assert 'name="robots" content="noindex"' in old
    assert client.get(url(organisation, "public:version", 3)).status_code == 404


def test_the_fragment_can_be_embedded_anywhere(client, organisation):
    publish(organisation)
    response = client.get(url(organisation, "public:fragment"))
    body = response.content.decode()
    assert response["Access-Control-Allow-Origin"] == "*" and "X-Frame-Options" not in response
    assert (
        body.startswith('<div class="privacyverklaring" lang="nl">')
        and "<html" not in body
        and "<script" not in body
    )


def test_public_downloads(client, organisation):
    publish(organisation)
    response = client.get(url(organisation, "public:download", 1, "docx"))
    assert response.status_code == 200
    assert "ipcall.me B.V." in " ".join(
        p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs
    )
    assert (
        client.get(url(organisation, "public:download", 1, "pdf"))["Content-Type"]
        == "application/pdf"
    )


def test_an_unknown_address_is_404_and_ids_are_not_guessable(client, organisation):
    publish(organisation)
    assert client.get("/p/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get(f"/p/{organisation.pk}/").status_code == 404
    assert len(str(organisation.public_id)) == 36


def test_the_statement_styles_have_print_rules():
    from tests.conftest import ROOT

    assert "@media print" in (ROOT / "static" / "documents" / "statement.css").read_text()
    assert "@media print" in (ROOT / "static" / "public.css").read_text()


def test_the_cookie_statement_has_its_own_page(client, organisation):
    assert client.get(url(organisation, "public:cookies")).status_code == 404  # nothing published
    publish(organisation)
    html = client.get(url(organisation, "public:cookies")).content.decode()
    assert "<h1>Cookieverklaring</h1>" in html and "<td>_ga</td>" in html and "Sessiecookie" in html
    assert "Welke gegevens wij gebruiken" not in html  # only the cookies


def test_a_statement_without_cookies_has_no_cookie_page(client):
    organisation = organisation_create(
        workspace=MembershipFactory().workspace,
        name="Zonder cookies",
        answers={"controller": {"legal_name": "Z"}},
    )
    statement_publish(statement=organisation.statement, user=None, acknowledge_blocking=True)
    assert client.get(url(organisation, "public:cookies")).status_code == 404


def test_one_version_in_two_languages_with_a_switch_and_a_pdf_per_language(client):
    from pypdf import PdfReader

    data = example_data("ipcall")
    data["document"]["extra_languages"] = ["en"]
    organisation = organisation_create(
        workspace=MembershipFactory().workspace, name="ipcall.me B.V.", answers=data
    )
    version = publish(organisation)
    assert (
        version.languages == ["nl", "en"]
        and version.as_document("en").section("rechten").title == "Your rights"
    )
    dutch = client.get(url(organisation)).content.decode()
    assert "Uw rechten" in dutch and "?taal=en" in dutch and "In het kort" in dutch
    english = client.get(url(organisation) + "?taal=en").content.decode()
    assert "Your rights" in english and '<html lang="en">' in english and "?taal=nl" in english
    pdf = client.get(url(organisation, "public:download", 1, "pdf") + "?taal=en")
    assert "privacyverklaring-ipcallme-bv-v1-en.pdf" in pdf["Content-Disposition"]
    assert "Your rights" in " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages
    )
    assert (
        "Uw rechten" in client.get(url(organisation) + "?taal=fr").content.decode()
    )  # unknown: the main language


def test_the_changes_are_described_in_each_language():
    from generator.statements.changes import describe_changes

    old = parse_answers(example_data("ipcall"))
    data = example_data("ipcall")
    data["recipients"].append(
        {"id": "m", "name": "Mailchimp", "country": "US", "transfer_mechanism": "dpf"}
    )
    assert describe_changes(old, parse_answers(data), "en") == [
        "New recipient: Mailchimp (processor)."
    ]
