"""In a real browser: publish a version, open the public page from the version list, and
export PDFs in a batch until the progress bar reads 100 %."""

import io
import zipfile

import pytest

from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.e2e.pages import log_in, screenshot, serious_accessibility_problems
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_publish_then_public_page_then_batch_export(live_server, context, artifacts):
    owner = MembershipFactory()
    for slug in ("ipcall", "qlinx"):
        organisation_create(
            workspace=owner.workspace,
            name=example_data(slug)["controller"]["legal_name"],
            answers=example_data(slug),
        )
    page = context.new_page()
    log_in(page, live_server, owner.user.username)

    for name in ("ipcall.me B.V.", "Media IP B.V."):
        page.click(f"tr:has-text('{name}') >> text=Controleren")
        page.fill("#change_note", "Eerste publicatie.")
        page.get_by_role("button", name="Publiceer een versie").click()
        page.locator("text=Versie 1 is gepubliceerd.").wait_for(timeout=15000)
        page.goto(live_server.url + "/dashboard/")

    page.click("tr:has-text('Media IP B.V.') >> text=versie 1")
    page.wait_for_selector("[data-public-url]")
    assert serious_accessibility_problems(page) == []
    public_url = page.get_attribute("[data-public-url]", "href")
    screenshot(page, artifacts, "versions")
    page.goto(public_url)
    assert page.locator("text=In het kort").count() == 1 and page.locator(
        "h1"
    ).inner_text().startswith("Privacy- en cookieverklaring")
    assert serious_accessibility_problems(page) == []
    screenshot(page, artifacts, "public-page")

    page.goto(live_server.url + "/dashboard/")
    # One box selects every organisation; clearing one leaves "all" half-ticked.
    page.check("[data-select-all]")
    assert page.locator("input[name=organisations]:checked").count() == 2
    page.uncheck("input[name=organisations] >> nth=1")
    assert page.evaluate("document.querySelector('[data-select-all]').indeterminate")
    page.check("input[name=organisations] >> nth=1")
    assert page.is_checked("[data-select-all]")
    page.get_by_role("button", name="PDF's van de geselecteerde organisaties (ZIP)").click()
    page.wait_for_function(
        "document.querySelector('[data-progress]').getAttribute('aria-valuenow') === '100'"
    )
    page.wait_for_selector("[data-download]:not(.d-none)")
    assert serious_accessibility_problems(page) == []
    screenshot(page, artifacts, "batch-done")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download de ZIP").click()
    path = artifacts / "export.zip"
    download.value.save_as(path)
    names = zipfile.ZipFile(io.BytesIO(path.read_bytes())).namelist()
    assert len([n for n in names if n.endswith(".pdf")]) == 2 and "manifest.json" in names
