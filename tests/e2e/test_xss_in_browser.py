"""In a real browser: an attack typed into every free-text field (tests/security/hostile.py)
runs nowhere. No dialog opens on the review step, the public page, the archive or the fragment,
and the page shows the markup as text. (The standalone HTML is a download; its markup is
checked in tests/security/test_xss.py.)"""

import pytest

from generator.statements.services import organisation_create, statement_publish
from tests.factories import PASSWORD, MembershipFactory
from tests.security.hostile import hostile_answers

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_payload_runs_anywhere(live_server, context):
    owner = MembershipFactory()
    answers, injected = hostile_answers()
    organisation = organisation_create(workspace=owner.workspace, name="Aanval", answers=answers)
    statement_publish(statement=organisation.statement, user=None, acknowledge_blocking=True)
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url + "/account/login/")
    page.fill("#id_username", owner.user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/dashboard/")
    public = f"{live_server.url}/p/{organisation.public_id}/"
    for url in (
        f"{live_server.url}/organisaties/{organisation.pk}/wizard/controle/",
        public,
        public + "versies/",
        public + "fragment/",
    ):
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # time for an onerror handler to fire, were there one
        assert (
            page.evaluate("document.querySelectorAll('[onerror], link[rel=attachment]').length")
            == 0
        )
    page.goto(public)
    assert '<script>alert("xss")</script>' in page.inner_text("main")
    assert dialogs == [], dialogs
    assert len(injected) >= 50
