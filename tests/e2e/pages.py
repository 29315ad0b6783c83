"""Helpers that act in the browser as a person would: fill a wizard step field by field,
add rows with the page's own button, and check accessibility with axe-core."""

from pathlib import Path

from playwright.sync_api import Page

from tests.e2e.conftest import AXE
from tests.wizard.helpers import step_data

SKIP = {"csrfmiddlewaretoken", "revision"}


def current_step(page: Page) -> str:
    return page.url.rstrip("/").rsplit("/", 1)[-1]


def add_rows(page: Page, step: str, wanted: int) -> None:
    total = page.locator(f'[name="{step}-TOTAL_FORMS"]')
    if not total.count():
        return
    while int(total.input_value()) < wanted:
        page.click(f'[data-add-row="{step}"]')


# One look at the whole form in one round trip: asking the browser field by field took most of
# an e2e test's time (six calls per checkbox option, hundreds of options per step). Visible as
# Playwright means it: a box with a size and not visibility: hidden.
READ_FORM = """els => els.map(e => {
    const box = e.getBoundingClientRect();
    return {
        name: e.getAttribute("name"),
        kind: (e.getAttribute("type") || e.tagName).toLowerCase(),
        value: e.getAttribute("value"),
        current: e.value,
        checked: !!e.checked,
        visible: box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== "hidden",
    };
})"""


def fill_step(page: Page, answers: dict, organisation_pk: int) -> set[str]:
    """Type the step's answers into the page's own fields. Returns the names of the fields a
    person had to change (a checkbox group or a radio group counts once): what the step asked
    of them beyond what it already showed."""
    step = current_step(page)
    data = step_data(step, answers, pk=organisation_pk, revision=0)
    rows = data.get(f"{step}-TOTAL_FORMS")
    if rows is not None:
        add_rows(page, step, int(rows))
    elements = page.locator("form[data-wizard-form] [name]")
    fields = elements.evaluate_all(READ_FORM)
    controlling = set(
        page.locator("form[data-wizard-form] [data-show-when]").evaluate_all(
            "boxes => boxes.map(box => box.getAttribute('data-show-when'))"
        )
    )
    changed = set()
    for index in range(len(fields)):
        field = fields[index]
        name, kind = field["name"], field["kind"]
        if name in SKIP or "_FORMS" in name or name.endswith("current_step"):
            continue
        wanted = data.get(name)
        if kind in ("hidden", "submit"):
            if kind == "hidden":
                # Row ids: new rows would get ids made from their names; keep the example's
                # ids so the result can be compared with the answers file field by field.
                elements.nth(index).evaluate("(e, v) => { e.value = v; }", wanted or "")
            continue
        value = field["value"]
        if kind == "checkbox":
            on = value in wanted if isinstance(wanted, list) else wanted == "on"
            needed, act = on, field["checked"] != on
        elif kind == "radio":
            needed = bool(value) and wanted == value
            act = needed and not field["checked"]
        else:
            needed = bool(wanted)
            act = field["current"] != (wanted or "")
        if not field["visible"]:
            # A question that does not apply is hidden (only what applies); the answers must
            # not need it, or a person could not give them.
            assert not needed, f"{name} is hidden, but the answers need {wanted!r} there"
            continue
        if not act:
            continue
        changed.add(name)
        element = elements.nth(index)
        if kind == "checkbox":
            element.set_checked(on)
        elif kind == "radio":
            element.check()
        elif kind == "select":
            element.select_option(wanted or "")
        else:
            element.fill(wanted or "")
        if name in controlling:
            # This answer shows or hides questions after it: look again at what is left.
            fields[index + 1 :] = elements.evaluate_all(READ_FORM)[index + 1 :]
    return changed


def log_in(page: Page, live_server, username: str) -> None:
    from tests.factories import PASSWORD

    page.goto(live_server.url + "/account/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/dashboard/")


def screenshot(page: Page, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def serious_accessibility_problems(page: Page) -> list[str]:
    # A click that navigates returns before the next page is there; axe on a page that is
    # being replaced finds no document. Callers wait for the URL; this waits for the load.
    page.wait_for_load_state("load")
    # Evaluated through DevTools, not as a <script> tag, which our CSP would rightly refuse.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
