"""The wizard asks each free text in every language of the statement: a field for the English
version right below the Dutch one, saved together as one text; a version is never dropped by
a save, a translation without its text or with other lines is refused at the field, and a
missing translation is marked at the English field."""

import pytest
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.statements.models import Statement
from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.factories import MembershipFactory
from tests.wizard.helpers import build_form, step_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    answers = parse_answers(example_data("ipcall")).model_dump(mode="json")
    return organisation_create(workspace=membership.workspace, name="ipcall", answers=answers)


def draft(organisation) -> dict:
    return Statement.objects.get(organisation=organisation).answers


def post(client, organisation, step: str, change) -> object:
    statement = Statement.objects.get(organisation=organisation)
    data = step_data(step, statement.answers, pk=organisation.pk, revision=statement.revision)
    change(data)
    return client.post(reverse("wizard:step", args=[organisation.pk, step]), data)


def test_the_english_field_sits_right_below_its_text_only_when_english_is_asked():
    answers = parse_answers(example_data("ipcall")).model_dump(mode="json")
    fields = list(build_form("verwerkingen", answers).forms[0].fields)
    assert fields[fields.index("purpose") + 1] == "purpose__en"
    assert (
        build_form("verwerkingen", answers).forms[0]["purpose__en"].value()
        == (answers["activities"][0]["purpose"]["en"])
    )
    # An empty optional text gets no empty field beside it; it appears once the text is saved.
    assert answers["activities"][0]["legitimate_interest"] is None
    assert "legitimate_interest__en" not in fields
    answers["document"]["extra_languages"] = []
    assert "purpose__en" not in build_form("verwerkingen", answers).forms[0].fields


def test_the_page_shows_both_texts_with_their_language(client, organisation):
    page = client.get(reverse("wizard:step", args=[organisation.pk, "verwerkingen"])).content
    page = page.decode()
    assert 'name="verwerkingen-0-purpose__en"' in page and "Doel (Engels)" in page
    assert "Creating an account." in page


def test_both_versions_are_saved_as_one_text(client, organisation):
    def change(data):
        data["verwerkingen-0-purpose"] = "Een account maken."
        data["verwerkingen-0-purpose__en"] = "Making an account."

    assert post(client, organisation, "verwerkingen", change).status_code == 302
    assert draft(organisation)["activities"][0]["purpose"] == {
        "nl": "Een account maken.",
        "en": "Making an account.",
    }


def test_an_english_text_without_its_dutch_text_is_refused_at_the_field(client, organisation):
    def change(data):
        data["verwerkingen-0-provision_consequence"] = ""
        data["verwerkingen-0-provision_consequence__en"] = "Without it, no account."

    response = post(client, organisation, "verwerkingen", change)
    assert response.status_code == 200
    assert "Vul eerst de tekst hierboven in" in response.content.decode()


def test_lines_need_a_translation_each(client, organisation):
    def change(data):
        data["rechten-other_measures"] = "Een kluis\nEen alarm"
        data["rechten-other_measures__en"] = "A safe"

    response = post(client, organisation, "rechten", change)
    assert response.status_code == 200
    assert "in dezelfde volgorde: 2 regels" in response.content.decode()

    def both(data):
        data["rechten-other_measures"] = "Een kluis\nEen alarm"
        data["rechten-other_measures__en"] = "A safe\nAn alarm"

    assert post(client, organisation, "rechten", both).status_code == 302
    assert draft(organisation)["security"]["other"] == [
        {"nl": "Een kluis", "en": "A safe"},
        {"nl": "Een alarm", "en": "An alarm"},
    ]


def test_a_version_in_a_language_no_longer_asked_is_kept(client, organisation):
    Statement.objects.filter(pk=organisation.statement.pk).update(
        answers={**draft(organisation), "document": {**draft(organisation)["document"], "extra_languages": []}}
    )  # fmt: skip

    def change(data):
        assert "verwerkingen-0-purpose__en" not in data
        data["verwerkingen-0-purpose"] = "Een account maken."

    assert post(client, organisation, "verwerkingen", change).status_code == 302
    assert draft(organisation)["activities"][0]["purpose"] == {
        "nl": "Een account maken.",
        "en": "Creating an account. With it, customers log in and do not have to enter their details again each time.",
    }  # fmt: skip


def test_a_missing_translation_is_marked_at_the_english_field(client, organisation):
    def change(data):
        data["verwerkingen-2-purpose__en"] = ""

    response = post(client, organisation, "verwerkingen", change)
    # Saved, and the step stays open once to show what now blocks publishing.
    assert response.status_code == 302 and response["Location"].endswith("/verwerkingen/")
    assert draft(organisation)["activities"][2]["purpose"] == (
        "Bestellingen leveren, de betaling afhandelen en klanten op de hoogte houden van de levering."
    )
    page = client.get(response["Location"]).content.decode()
    assert 'href="#div_id_verwerkingen-2-purpose__en"' in page
    assert "nog geen Engelse versie" in page


def test_contact_topics_have_their_english_lines(client, organisation):
    def change(data):
        data["contact-contacts"] = "Facturen: facturen@ipcall.me\nKlachten: services@ipcall.me"
        data["contact-contacts__en"] = "Invoices\nComplaints"

    assert post(client, organisation, "contact", change).status_code == 302
    topics = [c["topic"] for c in draft(organisation)["controller"]["contacts"]]
    assert topics == [{"nl": "Facturen", "en": "Invoices"}, {"nl": "Klachten", "en": "Complaints"}]
