import pytest
from django.urls import reverse

from generator.statements.models import AuditEvent
from generator.statements.services import organisation_create, statement_publish
from tests.conftest import example_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_the_log_records_who_did_what_and_shows_it_to_the_workspace_only(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    client.post(
        reverse("statements:organisation_new"),
        {"name": "Log B.V.", "workspace": owner.workspace.pk},
    )
    organisation = owner.workspace.organisations.get()
    organisation.statement.answers = example_data("qlinx")
    statement_publish(statement=organisation.statement, user=owner.user, acknowledge_blocking=True)
    client.get(reverse("statements:download", args=[organisation.pk, "md"]))
    actions = list(
        AuditEvent.objects.filter(workspace=owner.workspace).values_list("action", "user", "detail")
    )
    assert ("created", owner.user.pk, "") in actions
    assert ("published", owner.user.pk, "versie 1") in actions
    assert ("exported", owner.user.pk, "MD van het concept") in actions
    html = client.get(reverse("statements:audit_log", args=[owner.workspace.pk])).content.decode()
    assert html.count("<tr data-action=") == 3 and "Log B.V." in html
    client.force_login(MembershipFactory().user)
    assert client.get(reverse("statements:audit_log", args=[owner.workspace.pk])).status_code == 404


def test_saving_a_wizard_step_is_logged_as_an_edit(client):
    from tests.wizard.helpers import step_data

    owner = MembershipFactory()
    client.force_login(owner.user)
    organisation = organisation_create(workspace=owner.workspace, name="Stap B.V.")
    client.post(
        reverse("wizard:step", args=[organisation.pk, "organisatie"]),
        step_data("organisatie", organisation.statement.answers, pk=organisation.pk, revision=0)
        | {"organisatie-country": "NL"},
    )
    assert AuditEvent.objects.filter(
        action="edited", detail="stap organisatie", user=owner.user
    ).exists()


def test_an_event_without_a_user_is_shown_too(client):
    # A command, or a user who was deleted since (the event keeps user = NULL).
    owner = MembershipFactory()
    client.force_login(owner.user)
    organisation = organisation_create(workspace=owner.workspace, name="Zonder B.V.")
    gone = MembershipFactory(workspace=owner.workspace).user
    statement_publish(statement=organisation.statement, user=gone, acknowledge_blocking=True)
    gone.delete()
    response = client.get(reverse("statements:audit_log", args=[owner.workspace.pk]))
    assert response.status_code == 200
    assert '<tr data-action="published"><td>' in response.content.decode()
