"""In a real browser: a question shows only when the answer before it makes it needed, in an
existing row and in a row added with "toevoegen"; a field the server refused stays in sight;
leaving a page the server refused asks first; the representative appears for an organisation
outside the EEA."""

import pytest

from generator.statements.services import organisation_create
from tests.conftest import dutch_only, example_data
from tests.e2e.pages import log_in, screenshot, serious_accessibility_problems
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def visible(page, selector: str) -> bool:
    return page.locator(selector).is_visible()


def test_details_appear_after_the_answer_that_needs_them(live_server, context, artifacts):
    owner = MembershipFactory()
    answers = dutch_only(example_data("qlinx"))
    organisation = organisation_create(workspace=owner.workspace, name="Qlinx", answers=answers)
    page = context.new_page()
    log_in(page, live_server, owner.user.username)
    url = f"{live_server.url}/organisaties/{organisation.pk}/wizard/"

    page.goto(url + "verwerkingen/")
    row = "#id_verwerkingen-0"
    # "Dienstverlening" is on a contract, without sensitive data and without a third party.
    assert visible(page, f"{row}-purpose") and visible(page, f"{row}-sensitive_0")
    for hidden in ("bsn", "special_categories_0", "adm", "legitimate_interest", "bsn_law"):
        assert not visible(page, f"{row}-{hidden}"), hidden
    screenshot(page, artifacts, "activity-closed")
    page.check(f"{row}-sensitive_1")  # Ja
    assert visible(page, f"{row}-bsn") and not visible(page, f"{row}-bsn_law")
    page.check(f"{row}-bsn")
    assert visible(page, f"{row}-bsn_law")
    page.select_option(f"{row}-legal_basis", "legitimate_interests")
    assert visible(page, f"{row}-legitimate_interest")
    page.check(f"{row}-sensitive_0")  # Nee again: the BSN's law goes with the BSN
    assert not visible(page, f"{row}-bsn") and not visible(page, f"{row}-bsn_law")
    screenshot(page, artifacts, "activity-opened")
    assert serious_accessibility_problems(page) == []

    # A new row starts closed and opens the same way.
    total = int(page.input_value("#id_verwerkingen-TOTAL_FORMS"))
    page.click('[data-add-row="verwerkingen"]')
    new = f"#id_verwerkingen-{total}"
    assert not visible(page, f"{new}-bsn")
    page.check(f"{new}-sensitive_1")
    assert visible(page, f"{new}-bsn")
    page.click(f"{new}-DELETE")

    # Ja with the BSN but no law: refused, and the field with the message is in sight.
    page.check(f"{row}-sensitive_1")
    page.check(f"{row}-bsn")
    page.select_option(f"{row}-legal_basis", "contract")
    page.click("form[data-wizard-form] button[type=submit]:not([name])")
    page.wait_for_selector(f"{row}-bsn_law.is-invalid")
    assert visible(page, f"{row}-bsn_law")
    # What was typed is only in this page now: leaving it asks first (and staying keeps it).
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    refused_at = page.url
    page.click("nav[aria-label=Stappen] >> text=Organisatie", no_wait_after=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"] and page.url == refused_at
    assert page.is_checked(f"{row}-bsn")

    page.goto(url + "organisatie/")
    assert not visible(page, "#id_organisatie-outside_eu")
    assert not visible(page, "#id_organisatie-rep_name")
    page.select_option("#id_organisatie-country", "US")
    assert visible(page, "#id_organisatie-outside_eu")
    page.check("#id_organisatie-outside_eu")
    assert visible(page, "#id_organisatie-rep_name")
    assert serious_accessibility_problems(page) == []
    screenshot(page, artifacts, "organisation-outside-eea")
