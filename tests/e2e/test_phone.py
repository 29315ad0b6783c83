"""On a phone (390 px wide, issue 16 part 4): the top bar folds into a menu button, no page
scrolls sideways (a wide table scrolls in its own box), and axe finds nothing serious on any
page, the review step included."""

import pytest

from generator.statements.services import organisation_create, statement_publish
from generator.wizard.steps import applicable_steps
from tests.conftest import example_data
from tests.e2e.pages import log_in, screenshot, serious_accessibility_problems
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH = 390


def sideways(page) -> int:
    """How far the page itself is wider than the phone, in pixels (0: it fits). A phone's
    browser widens its layout viewport to fit a page that is too wide, so compare with the
    phone's width, not with window.innerWidth."""
    return page.evaluate("document.documentElement.scrollWidth") - WIDTH


def too_wide(page) -> list[str]:
    """The outermost elements that stick out on the right, to say what to fix."""
    return page.evaluate(
        """(width) => Array.from(document.querySelectorAll("body *"))
            .filter(e => e.getBoundingClientRect().right > width + 1)
            .filter(e => !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1))
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : ""))""",
        WIDTH,
    )


def test_every_page_fits_a_phone(live_server, browser, artifacts):
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 844}, locale="nl-NL", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    owner = MembershipFactory()
    organisation = organisation_create(
        workspace=owner.workspace, name="Media IP B.V.", answers=example_data("qlinx")
    )
    version = statement_publish(statement=organisation.statement, user=None)

    page.goto(live_server.url + "/")
    assert page.locator(".navbar-toggler").is_visible()
    assert not page.locator("#site-menu >> text=Inloggen").is_visible()
    page.click(".navbar-toggler")
    page.locator("#site-menu >> text=Inloggen").wait_for(state="visible")
    screenshot(page, artifacts, "menu-open")

    log_in(page, live_server, owner.user.username)
    base = f"{live_server.url}/organisaties/{organisation.pk}"
    urls = [
        "/",
        "/account/login/",
        "/account/aanmelden/",
        "/account/aanmelden/verstuurd/",
        "/dashboard/",
        "/organisaties/nieuw/",
        f"/organisaties/{organisation.pk}/versies/",
        f"/organisaties/{organisation.pk}/naam/",
        f"/p/{organisation.public_id}/",
        f"/p/{organisation.public_id}/versies/",
        f"/p/{organisation.public_id}/cookies/",
        f"/werkruimtes/{owner.workspace.pk}/logboek/",
        "/voorbeelden/qlinx/",
    ]
    urls = [live_server.url + url for url in urls]
    urls += [f"{base}/wizard/{step}/" for step in applicable_steps(organisation.statement.answers)]
    problems = {}
    for url in urls:
        page.goto(url)
        name = url.removeprefix(live_server.url).strip("/").replace("/", "-") or "home"
        screenshot(page, artifacts, name)
        found = []
        if sideways(page) > 0:
            found.append(f"scrolls sideways by {sideways(page)} px: {too_wide(page)}")
        found += serious_accessibility_problems(page)
        if found:
            problems[url.removeprefix(live_server.url)] = found
    assert problems == {}, "\n".join(f"{url}: {found}" for url, found in problems.items())
    assert version.number == 1
    context.close()
