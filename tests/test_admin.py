import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from generator.statements.models import StatementVersion
from generator.statements.services import organisation_create, statement_publish
from tests.factories import MembershipFactory


@pytest.mark.django_db
def test_every_admin_page_opens_and_versions_are_read_only(client):
    membership = MembershipFactory()
    organisation = organisation_create(workspace=membership.workspace, name="Admin B.V.")
    version = statement_publish(
        statement=organisation.statement, user=None, acknowledge_blocking=True
    )
    client.force_login(get_user_model().objects.create_superuser("beheer", "b@x.nl", "x"))
    for model in admin.site._registry:
        meta = model._meta
        assert (
            client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")).status_code
            == 200
        )
    url = reverse("admin:statements_statementversion_change", args=[version.pk])
    response = client.post(url, {"number": 99})
    assert response.status_code == 403 and StatementVersion.objects.get().number == 1
