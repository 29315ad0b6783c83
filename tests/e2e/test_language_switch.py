"""The language switch in the navigation bar turns the site English and back (issue 8)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_switch_to_english_and_back(live_server, context):
    page = context.new_page()  # a Dutch browser; an English one gets the English UI at once
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("link", name="Gratis beginnen").is_visible()

    page.get_by_role("button", name="English").click()
    page.wait_for_selector("html[lang=en]")
    assert page.get_by_role("link", name="Start for free").is_visible()
    page.goto(live_server.url + "/account/login/")  # the choice is remembered
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_selector("html[lang=nl]")
    page.goto(live_server.url + "/")
    assert page.get_by_role("link", name="Gratis beginnen").is_visible()
