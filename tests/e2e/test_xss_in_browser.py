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


def test_no_payload_runs_in_the_clause_editors_preview(live_server, context, monkeypatch):
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    from generator.answers.loading import parse_answers
    from generator.clauses import admin as clause_admin
    from generator.clauses.models import EDITORS_GROUP, ClauseTemplate
    from generator.clauses.services import Example, load_default_clauses
    from tests.factories import UserFactory

    # The live-server tests empty the database between tests; the editors' group comes from a
    # data migration, so it is made again the same way.
    importlib.import_module("generator.clauses.migrations.0002_editors_group").create_group(
        apps, None
    )
    load_default_clauses()
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    answers, _ = hostile_answers()
    monkeypatch.setattr(
        clause_admin, "examples", lambda language: [Example("aanval", parse_answers(answers))]
    )
    template = ClauseTemplate.objects.get(key="verantwoordelijke", language="nl")
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/clauses/clausetemplate/{template.pk}/change/preview/")
    page.wait_for_timeout(300)
    assert '<script>alert("xss")</script>' in page.inner_text("body")
    assert page.evaluate("document.querySelectorAll('[onerror], link[rel=attachment]').length") == 0
    assert dialogs == [], dialogs
