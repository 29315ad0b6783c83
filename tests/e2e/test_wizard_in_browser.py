"""A new user, in a real browser: sign up, describe an example organisation in every step of
the wizard, download the PDF, and find every fact of that organisation in it. A second run
closes the browser halfway and resumes without losing a field. axe-core checks every page."""

import io
import re

import pytest
from django.core import mail
from pypdf import PdfReader

from generator.answers.loading import parse_answers
from generator.statements.models import Organisation, Statement
from tests.conftest import dutch_only, example_data, missing_facts
from tests.e2e.pages import current_step, fill_step, screenshot, serious_accessibility_problems
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLE = "qlinx"


def canonical(value):
    """Checkboxes submit in page order, not in the order of the answers file; the choice
    lists are sets in meaning, so compare them sorted."""
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [canonical(item) for item in value]
        return sorted(items) if all(isinstance(item, str) for item in items) else items
    return value


def sign_up(page, live_server, email: str) -> None:
    page.goto(live_server.url + "/")
    assert serious_accessibility_problems(page) == []
    page.click("text=Gratis beginnen")
    page.wait_for_url("**/account/aanmelden/")
    assert serious_accessibility_problems(page) == []
    page.fill("#id_email", email)
    page.fill("#id_password", PASSWORD)
    page.fill("#id_workspace_name", "Media IP")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/account/aanmelden/verstuurd/")
    assert serious_accessibility_problems(page) == []
    # The live server runs in this process, so its mail is in Django's test outbox.
    [message] = [m for m in mail.outbox if m.to == [email]]
    link = re.search(r"https?://\S+/account/bevestigen/\S+", message.body).group(0)
    page.goto(link)
    page.wait_for_url("**/dashboard/")


def new_organisation(page, name: str) -> Organisation:
    page.click("text=Nieuwe organisatie")
    page.fill("#id_name", name)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/wizard/organisatie/")
    return Organisation.objects.get(name=name)


def save_step(page) -> None:
    before = page.url
    page.click("form[data-wizard-form] button[type=submit]:not([name])")
    page.wait_for_url(lambda url: url != before)


def test_sign_up_fill_every_step_and_download_the_pdf(live_server, context, artifacts):
    page = context.new_page()
    sign_up(page, live_server, "eigenaar@qlinx.nl")
    assert serious_accessibility_problems(page) == []
    organisation = new_organisation(page, "Media IP B.V.")
    # A new user writes in Dutch; the English versions are tested in tests/wizard.
    answers = parse_answers(dutch_only(example_data(EXAMPLE))).model_dump(mode="json")
    visited = []
    while "/wizard/" in page.url:
        step = current_step(page)
        visited.append(step)
        fill_step(page, answers, organisation.pk)
        screenshot(page, artifacts, f"{len(visited):02d}-{step}")
        problems = serious_accessibility_problems(page)
        assert problems == [], f"{step}: {problems}"
        if step == "controle":
            with page.expect_download() as download:
                page.click("text=Download PDF")
            path = artifacts / "privacyverklaring.pdf"
            download.value.save_as(path)
        save_step(page)
    assert visited == ["organisatie", "contact", "diensten", "verwerkingen", "ontvangers",
                       "doorgifte", "cookies", "rechten", "overig", "document", "controle"]  # fmt: skip
    saved = canonical(Statement.objects.get(organisation=organisation).answers)
    for section in answers:
        assert saved[section] == canonical(answers[section]), section
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert missing_facts(EXAMPLE, text) == []
    screenshot(page, artifacts, "dashboard")
    assert page.locator("[data-state=complete]").count() == 1


def test_closing_the_browser_halfway_loses_nothing(live_server, browser, artifacts):
    # A new user writes in Dutch; the English versions are tested in tests/wizard.
    answers = parse_answers(dutch_only(example_data(EXAMPLE))).model_dump(mode="json")
    first = browser.new_context(locale="nl-NL")
    page = first.new_page()
    sign_up(page, live_server, "halverwege@qlinx.nl")
    organisation = new_organisation(page, "Media IP B.V.")
    for _ in range(4):  # organisatie, contact, diensten, verwerkingen
        fill_step(page, answers, organisation.pk)
        save_step(page)
    assert current_step(page) == "ontvangers"
    first.close()  # the browser is gone; nothing was "finished"

    second = browser.new_context(locale="nl-NL")
    page = second.new_page()
    page.goto(live_server.url + "/account/login/")
    assert serious_accessibility_problems(page) == []
    page.fill("#id_username", "halverwege@qlinx.nl")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/dashboard/")
    assert serious_accessibility_problems(page) == []
    page.click("text=Verder invullen")
    page.wait_for_url("**/wizard/ontvangers/")
    screenshot(page, artifacts, "resumed")
    page.click("nav[aria-label=Stappen] >> text=Organisatie")
    assert page.input_value("#id_organisatie-kvk_number") == "55996029"
    assert page.input_value("#id_organisatie-postcode") == "2012 KN"
    page.click("nav[aria-label=Stappen] >> text=Verwerkingen")
    assert page.locator("[name$='-name'][name^='verwerkingen-']").count() == len(
        answers["activities"]
    )
    saved = canonical(Statement.objects.get(organisation=organisation).answers)
    for section in ("controller", "dpo", "services"):
        assert saved[section] == canonical(answers[section]), section
    # Which recipients an activity uses is set in the "ontvangers" step, not reached yet.
    strip = [{k: v for k, v in a.items() if k != "recipients"} for a in answers["activities"]]
    assert [
        {k: v for k, v in a.items() if k != "recipients"} for a in saved["activities"]
    ] == canonical(strip)
    second.close()
