"""The site in English (issue 8): Dutch by default, English after the language switch, down to the
wizard's labels, help texts, choice labels and the checker's messages."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from generator.lib.validators import MSG_POSTCODE, normalise_postcode
from generator.statements.exports import statement_review
from generator.statements.services import organisation_create
from generator.wizard.forms.base import lib_validator
from tests.factories import MembershipFactory
from tests.wizard.test_review import BROKEN

pytestmark = pytest.mark.django_db


def switch_to(client, language: str):
    response = client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert response.status_code == 302


def text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_dutch_by_default_and_english_after_the_switch(client):
    page = text(client.get(reverse("public:home")))
    assert '<html lang="nl">' in page and "Gratis beginnen" in page
    assert 'data-testid="ui-language">English<' in page

    switch_to(client, "en")
    page = text(client.get(reverse("public:home")))
    assert '<html lang="en">' in page and "Start for free" in page and "Gratis beginnen" not in page
    assert 'data-testid="ui-language">Nederlands<' in page

    switch_to(client, "nl")
    assert "Gratis beginnen" in text(client.get(reverse("public:home")))


@pytest.fixture
def organisation(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    return organisation_create(workspace=membership.workspace, name="Lek B.V.", answers=BROKEN)


def test_dashboard_and_wizard_in_english(client, organisation):
    switch_to(client, "en")
    assert "Your organisations" in text(client.get(reverse("statements:dashboard")))

    page = text(client.get(reverse("wizard:step", args=[organisation.pk, "organisatie"])))
    assert "Official name" in page and "As in the Trade Register" in page  # label, help text
    assert "Officiële naam" not in page

    page = text(client.get(reverse("wizard:step", args=[organisation.pk, "verwerkingen"])))
    assert "Legal basis" in page and ">Consent<" in page  # field label and choice label
    assert ">Toestemming<" not in page


def test_choice_labels_stay_dutch_in_the_dutch_ui(client, organisation):
    page = text(client.get(reverse("wizard:step", args=[organisation.pk, "verwerkingen"])))
    assert ">Toestemming<" in page and ">Consent<" not in page


def test_checker_messages_follow_the_ui_language(client, organisation):
    findings = statement_review(organisation.statement.answers)["check"]["findings"]
    assert findings
    url = reverse("wizard:step", args=[organisation.pk, "controle"])

    dutch = text(client.get(url))
    switch_to(client, "en")
    english = text(client.get(url))
    for finding in findings:
        assert finding["message_nl"] in dutch and finding["message_nl"] not in english
        assert finding["message_en"] in english
    assert "GDPR check" in english and "Controle op de AVG" in dutch


def test_an_english_browser_gets_the_english_ui_and_anything_else_dutch(client):
    assert "Start for free" in text(client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9"))
    assert "Gratis beginnen" in text(client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,fr;q=0.8"))


def test_format_messages_at_the_field_follow_the_ui_language():
    validate = lib_validator(normalise_postcode)
    for language, expected in (
        ("nl", MSG_POSTCODE),
        ("en", "Enter a Dutch postcode, for example 1234 AB."),
    ):
        with translation.override(language), pytest.raises(ValidationError) as error:
            validate("12345")
        assert error.value.messages == [expected]
