"""In a real browser: a statement in Dutch and English misses one English text. The review
refuses to publish it and links to the field; the English field sits right below the Dutch
one, and once it is filled in the statement publishes in both languages."""

import pytest

from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.e2e.pages import log_in, screenshot, serious_accessibility_problems
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_missing_english_text_is_found_fixed_at_its_field_and_published(
    live_server, context, artifacts
):
    owner = MembershipFactory()
    data = example_data("ipcall")
    data["activities"][0]["purpose"] = data["activities"][0]["purpose"]["nl"]
    organisation = organisation_create(workspace=owner.workspace, name="ipcall", answers=data)
    page = context.new_page()
    log_in(page, live_server, owner.user.username)

    page.goto(f"{live_server.url}/organisaties/{organisation.pk}/wizard/controle/")
    finding = page.locator("[data-rule=R31]")
    assert finding.count() == 1 and "nog geen Engelse versie" in finding.inner_text()
    assert page.locator("[data-publish-refused]").count() == 1
    assert serious_accessibility_problems(page) == []
    screenshot(page, artifacts, "review-refuses")

    finding.locator("a.alert-link").click()
    page.wait_for_url("**/wizard/verwerkingen/#div_id_verwerkingen-0-purpose__en")
    english = page.locator("#id_verwerkingen-0-purpose__en")
    assert english.is_visible() and page.locator(
        "label[for=id_verwerkingen-0-purpose__en]"
    ).inner_text().startswith("Doel (Engels)")
    # Right below the Dutch purpose (measured in one go: the page may still be scrolling).
    dutch_top, english_top = page.evaluate(
        "['purpose', 'purpose__en'].map(name => document.getElementById("
        "`id_verwerkingen-0-${name}`).getBoundingClientRect().top + window.scrollY)"
    )
    assert english_top > dutch_top
    assert serious_accessibility_problems(page) == []
    screenshot(page, artifacts, "english-field")
    english.fill("Creating an account, so that customers can log in.")
    english.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "english-field-in-view.png")  # the view, not the page
    page.click("form[data-wizard-form] button[type=submit]:not([name])")
    # The browser keeps the #fragment across the redirect to the next step.
    page.wait_for_url("**/wizard/ontvangers/**")

    page.goto(f"{live_server.url}/organisaties/{organisation.pk}/wizard/controle/")
    assert page.locator("[data-rule=R31]").count() == 0
    page.fill("#change_note", "In twee talen.")
    page.get_by_role("button", name="Publiceer een versie").click()
    page.locator("text=Versie 1 is gepubliceerd.").wait_for(timeout=15000)
    screenshot(page, artifacts, "published")
