"""The cookie scan in the browser (issue 18): the card on the cookies step, the progress bar
while the worker scans, and taking over what the real scan of the local test site found."""

import copy

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from generator.scanning.models import SiteScan
from generator.statements.models import Statement
from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.e2e.pages import log_in, screenshot, serious_accessibility_problems
from tests.factories import MembershipFactory
from tests.scanning.conftest import scanned

__all__ = ["scanned"]

pytestmark = pytest.mark.django_db(transaction=True)


def test_watching_a_scan_and_taking_over_its_cookies(live_server, context, artifacts, scanned):
    call_command("load_catalog", verbosity=0)
    owner = MembershipFactory()
    answers = example_data("qlinx")
    answers["cookies"] = {"items": []}
    organisation = organisation_create(
        workspace=owner.workspace, name="Salon Knip", answers=answers
    )
    page = context.new_page()
    log_in(page, live_server, owner.user.username)
    page.goto(f"{live_server.url}/organisaties/{organisation.pk}/wizard/cookies/")
    card = page.get_by_role("region", name="Scan mijn website")
    assert card.get_by_label("Adres van uw website").input_value() == "https://qlinx.nl/"
    assert serious_accessibility_problems(page) == []

    # The worker's part, played here: a running scan, then its real result.
    scan = SiteScan.objects.create(
        organisation=organisation, user=owner.user, url=scanned[1]["url"], total=10,
        status=SiteScan.Status.RUNNING, done=4,
    )  # fmt: skip
    page.goto(f"{live_server.url}/organisaties/{organisation.pk}/cookiescan/{scan.pk}/")
    bar = page.get_by_role("progressbar", name="Voortgang van de scan")
    assert bar.get_attribute("aria-valuenow") == "40"
    SiteScan.objects.filter(pk=scan.pk).update(done=7)
    expect(bar).to_have_attribute("aria-valuenow", "70")  # the page polls the status
    screenshot(page, artifacts, "scan-bezig")
    SiteScan.objects.filter(pk=scan.pk).update(
        status=SiteScan.Status.DONE, result=copy.deepcopy(scanned[1]), done=10
    )
    page.get_by_role("button", name="Overnemen in de cookies").wait_for()  # reloaded by itself
    assert serious_accessibility_problems(page) == []
    screenshot(page, artifacts, "scan-klaar")

    # Only the analytics cookie and the unknown one; the unknown one needs its kind first.
    for row in page.locator("tr[data-proposal]").all():
        if row.get_attribute("data-proposal") not in ("_hjid", "salon_voorkeur"):
            row.get_by_role("checkbox").uncheck()
    page.get_by_role("button", name="Overnemen in de cookies").click()
    unknown = page.get_by_label("Soort van salon_voorkeur")
    assert unknown.get_attribute("aria-invalid") == "true"
    assert page.locator("tr[data-proposal='salon_voorkeur'] .invalid-feedback").inner_text() == (
        "Kies wat voor cookie dit is."
    )
    unknown.select_option("preferences")
    page.get_by_role("button", name="Overnemen in de cookies").click()
    page.wait_for_url("**/wizard/cookies/")
    assert "2 cookie(s) overgenomen" in page.locator(".alert").first.inner_text()
    assert page.input_value("#id_cookies-0-name") == "_hjid"
    assert page.input_value("#id_cookies-1-name") == "salon_voorkeur"
    cookies = Statement.objects.get(organisation=organisation).answers["cookies"]["items"]
    assert [(c["name"], c["category"]) for c in cookies] == [
        ("_hjid", "analytics"), ("salon_voorkeur", "preferences"),
    ]  # fmt: skip
