"""Picking a service from the catalog in the browser fills a new row, which stays editable."""

import pytest
from django.core.management import call_command

from generator.statements.models import Statement
from generator.statements.services import organisation_create
from tests.e2e.pages import log_in, serious_accessibility_problems
from tests.factories import PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_search_as_you_type_fills_the_row(live_server, context):
    call_command("load_catalog")
    owner = MembershipFactory()
    organisation = organisation_create(
        workspace=owner.workspace,
        name="Winkel B.V.",
        answers={"activities": [{"id": "bestellingen", "name": "Bestellingen"}]},
    )
    page = context.new_page()
    page.goto(live_server.url + "/account/login/")
    page.fill("#id_username", owner.user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.goto(f"{live_server.url}/organisaties/{organisation.pk}/wizard/ontvangers/")
    page.fill("#catalog-search", "Molli")
    page.get_by_role("button", name="Mollie (betaalprovider)").click()
    assert page.input_value("#id_ontvangers-0-name") == "Mollie B.V."
    assert page.input_value("#id_ontvangers-0-country") == "NL"
    assert (
        page.locator("[data-status]").inner_text().startswith("Mollie (betaalprovider) toegevoegd.")
    )
    assert serious_accessibility_problems(page) == []
    page.fill(
        "#id_ontvangers-0-description", "Verwerkt de betalingen in de webwinkel."
    )  # editable afterwards
    page.check("#id_ontvangers-0-dpa_signed")
    page.check("input[name='ontvangers-0-activities'][value='bestellingen']")
    page.click("form[data-wizard-form] button[type=submit]:not([name])")
    page.wait_for_url("**/wizard/rechten/")  # no website, so no cookies step
    recipient = Statement.objects.get(organisation=organisation).answers["recipients"][0]
    assert recipient["name"] == "Mollie B.V." and recipient["catalog"]["key"] == "mollie"
    assert recipient["description"] == "Verwerkt de betalingen in de webwinkel."


def test_a_search_without_result_says_so_and_offers_a_row_of_ones_own(live_server, context):
    call_command("load_catalog")
    owner = MembershipFactory()
    organisation = organisation_create(
        workspace=owner.workspace,
        name="Kapsalon B.V.",
        answers={"activities": [{"id": "afspraken", "name": "Afspraken"}]},
    )
    page = context.new_page()
    log_in(page, live_server, owner.user.username)
    page.goto(f"{live_server.url}/organisaties/{organisation.pk}/wizard/ontvangers/")
    page.fill("#catalog-search", "Kapperskassa Zuid")
    none = page.locator("[data-none]")
    none.wait_for(state="visible")
    assert none.inner_text().startswith("Deze dienst staat niet in de catalogus.")
    page.get_by_role("button", name="Vul hem zelf in").click()
    assert page.input_value("#id_ontvangers-0-name") == "Kapperskassa Zuid"
    assert page.evaluate("document.activeElement.id") == "id_ontvangers-0-name"
    assert not none.is_visible()
    assert serious_accessibility_problems(page) == []
