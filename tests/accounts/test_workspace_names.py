"""A workspace name goes into e-mail subjects (issue 17): a newline in it made sending an
invitation fail after the invitation was saved. The name is one visible line at sign-up; an
older name is put on one line when it is sent; an invitation that cannot be sent is not kept."""

import smtplib

import pytest
from django.core import mail
from django.urls import reverse

from generator.accounts.models import Invitation, Workspace
from tests.factories import PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["Media\nIP", "Media\r\nBcc: a@b.nl", "Bank\u202eliaM"])
def test_sign_up_refuses_a_name_that_is_not_one_visible_line(client, name):
    response = client.post(
        reverse("accounts:signup"),
        {"email": "nieuw@voorbeeld.nl", "password": PASSWORD, "workspace_name": name},
    )
    assert response.status_code == 200
    assert "workspace_name" in response.context["form"].errors
    assert not Workspace.objects.exists()


def test_an_older_name_with_a_newline_is_sent_on_one_line(client):
    owner = MembershipFactory()
    Workspace.objects.filter(pk=owner.workspace.pk).update(name="Media\nIP")
    client.force_login(owner.user)
    response = client.post(
        reverse("accounts:members", args=[owner.workspace.pk]), {"email": "c@voorbeeld.nl"}
    )
    assert response.status_code == 302
    assert mail.outbox[0].subject == "Uitnodiging voor Media IP"
    assert Invitation.objects.count() == 1


def test_an_invitation_that_cannot_be_sent_is_not_kept(client, monkeypatch):
    owner = MembershipFactory()
    client.force_login(owner.user)

    def fail(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("weg")

    monkeypatch.setattr("generator.accounts.views.send_mail", fail)
    response = client.post(
        reverse("accounts:members", args=[owner.workspace.pk]), {"email": "c@voorbeeld.nl"}
    )
    assert response.status_code == 200
    assert "niet worden verstuurd" in response.context["form"].errors["email"][0]
    assert not Invitation.objects.exists()
