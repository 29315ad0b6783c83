"""Only what applies (issue 16, part 2): a detail shows after the answer that makes it needed
(the page marks it, static/wizard.js hides it; tests/e2e/test_only_what_applies.py in the
browser), the sensitive parts of an activity sit behind one plain yes/no question whose "Nee"
is the answer, and countries are chosen by name."""

import re

import pytest
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.statements.models import Statement
from generator.statements.services import organisation_create
from generator.wizard.forms.base import shown_when
from tests.conftest import example_data
from tests.factories import MembershipFactory
from tests.wizard.helpers import build_form, step_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    answers = parse_answers(example_data("qlinx")).model_dump(mode="json")
    return organisation_create(workspace=membership.workspace, name="Qlinx", answers=answers)


def draft(organisation) -> dict:
    return Statement.objects.get(organisation=organisation).answers


def post(client, organisation, step: str, change):
    statement = Statement.objects.get(organisation=organisation)
    data = step_data(step, statement.answers, pk=organisation.pk, revision=statement.revision)
    change(data)
    return client.post(reverse("wizard:step", args=[organisation.pk, step]), data)


def page(client, organisation, step: str) -> str:
    return client.get(reverse("wizard:step", args=[organisation.pk, step])).content.decode()


def condition(html: str, field_id: str) -> tuple[str, str] | None:
    """The data-show-when and data-show-values of the box around a field, as the page has it."""
    box = re.search(rf'<div id="div_{field_id}"[^>]*>', html)
    outer = re.search(rf'<div class="mb-3"([^>]*)>\s*<div id="div_{field_id}"', html)
    tag = (outer.group(1) if outer and "data-show" in outer.group(1) else box.group(0)) or ""
    found = re.search(r'data-show-when="([^"]*)" data-show-values="([^"]*)"', tag)
    return found.groups() if found else None


def test_details_are_marked_with_the_answer_that_shows_them(client, organisation):
    html = page(client, organisation, "verwerkingen")
    prefix = "verwerkingen-0"
    assert condition(html, f"id_{prefix}-bsn_law") == (f"{prefix}-bsn", "on")
    assert condition(html, f"id_{prefix}-bsn") == (f"{prefix}-sensitive", "yes")
    assert condition(html, f"id_{prefix}-legitimate_interest") == (
        f"{prefix}-legal_basis",
        "legitimate_interests",
    )
    assert condition(html, f"id_{prefix}-special_category_exception") == (
        f"{prefix}-special_categories",
        "",
    )
    # What every activity needs is never hidden.
    assert condition(html, f"id_{prefix}-purpose") is None
    assert condition(html, f"id_{prefix}-legal_basis") is None
    # The gate is answered "Nee" for an activity without sensitive data.
    assert re.search(rf'name="{prefix}-sensitive" value="no"[^>]*checked', html)


def test_a_translation_follows_the_field_it_translates(client, organisation):
    answers = draft(organisation)
    answers["activities"][0]["legitimate_interest"] = {"nl": "Beveiliging.", "en": "Security."}
    form = build_form("verwerkingen", answers).forms[0]
    assert shown_when(form, "legitimate_interest__en") == shown_when(form, "legitimate_interest")


def test_the_gate_opens_for_an_activity_with_sensitive_data():
    answers = parse_answers(example_data("qlinx")).model_dump(mode="json")
    answers["activities"][1]["bsn"] = True
    answers["activities"][1]["bsn_law"] = "Wet op de loonbelasting 1964"
    rows = build_form("verwerkingen", answers).forms
    assert rows[0].initial["sensitive"] == "no"
    assert rows[1].initial["sensitive"] == "yes"


def test_nee_clears_what_the_details_held(client, organisation):
    def bsn_then_no(data):
        data["verwerkingen-0-bsn"] = "on"
        data["verwerkingen-0-bsn_law"] = "Wet op de loonbelasting 1964"
        data["verwerkingen-0-adm"] = "on"
        data["verwerkingen-0-special_categories"] = ["health"]
        data["verwerkingen-0-sensitive"] = "no"

    response = post(client, organisation, "verwerkingen", bsn_then_no)
    assert response.status_code == 302
    activity = draft(organisation)["activities"][0]
    assert activity["bsn"] is False and activity["bsn_law"] is None
    assert activity["special_categories"] == [] and activity["automated_decision"] is None


def test_ja_asks_the_details_at_their_fields(client, organisation):
    def bsn_without_law(data):
        data["verwerkingen-0-sensitive"] = "yes"
        data["verwerkingen-0-bsn"] = "on"
        data["verwerkingen-0-adm"] = "on"

    response = post(client, organisation, "verwerkingen", bsn_without_law)
    assert response.status_code == 200
    errors = response.context["form"].forms[0].errors
    assert {"bsn_law", "adm_description", "adm_logic", "adm_consequences", "adm_ground"} <= set(
        errors
    )
    # A field with an error is shown whatever its condition says (static/wizard.js).
    assert 'id="id_verwerkingen-0-bsn_law"' in response.content.decode()


def test_the_representative_is_asked_only_outside_the_eea(client, organisation):
    html = page(client, organisation, "organisatie")
    control, values = condition(html, "id_organisatie-outside_eu")
    assert control == "organisatie-country"
    assert "!NL" in values.split() and "!NO" in values.split() and "!US" not in values.split()
    assert condition(html, "id_organisatie-rep_name") == ("organisatie-outside_eu", "on")


def test_art_49_and_the_copy_only_for_their_mechanism(client, organisation):
    html = page(client, organisation, "doorgifte")
    assert condition(html, "id_doorgifte-0-derogation_ground") == (
        "doorgifte-0-transfer_mechanism",
        "derogation",
    )
    assert condition(html, "id_doorgifte-0-safeguard_copy") == (
        "doorgifte-0-transfer_mechanism",
        "!derogation",
    )


def test_countries_are_chosen_by_name_in_the_ui_language(client, organisation):
    html = page(client, organisation, "organisatie")
    assert re.search(r'<select name="organisatie-country"', html)
    assert '<option value="US">Verenigde Staten</option>' in html
    assert '<option value="NL" selected>Nederland</option>' in html
    # Names as a reader sorts them: an accent does not push Åland to the end.
    names = re.findall(r'<option value="[A-Z]{2}"[^>]*>([^<]+)</option>', html)
    assert names.index("Afghanistan") < names.index("Åland") < names.index("Albanië")
    html = client.get(
        reverse("wizard:step", args=[organisation.pk, "organisatie"]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert '<option value="US">United States</option>' in html


@pytest.mark.parametrize("typed, saved", [("us", "US"), (" be ", "BE")])
def test_a_code_in_any_case_is_taken(client, organisation, typed, saved):
    def country(data):
        data["ontvangers-0-country"] = typed

    assert post(client, organisation, "ontvangers", country).status_code == 302
    assert draft(organisation)["recipients"][0]["country"] == saved


@pytest.mark.parametrize("typed", ["EU", "XX", "Nederland"])
def test_what_is_not_a_country_is_refused_at_the_field(client, organisation, typed):
    def country(data):
        data["ontvangers-0-country"] = typed

    response = post(client, organisation, "ontvangers", country)
    assert response.status_code == 200
    assert "country" in response.context["form"].forms[0].errors
    assert draft(organisation)["recipients"][0]["country"] == "NL"
