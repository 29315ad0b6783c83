"""Sign up, log in and out, reset a password, invite a colleague."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from generator.accounts.models import Invitation, Membership
from generator.statements.services import organisation_create
from tests.conftest import form_login
from tests.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_signing_up_creates_a_workspace_and_the_mailed_link_confirms_and_logs_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:signup"),
            {"email": "Nieuw@Voorbeeld.nl", "password": PASSWORD, "workspace_name": "Bakkerij"},
        )
    assert response["Location"] == reverse("accounts:signup_sent")
    membership = Membership.objects.get(user__username="nieuw@voorbeeld.nl")
    assert membership.role == "owner" and membership.workspace.name == "Bakkerij"
    assert not membership.user.is_active  # until the address is confirmed
    assert not form_login(client, "nieuw@voorbeeld.nl", PASSWORD)
    [message] = mail.outbox
    assert message.subject == "Bevestig uw e-mailadres" and message.to == ["nieuw@voorbeeld.nl"]
    link = re.search(r"http://testserver(/account/bevestigen/\S+)", message.body).group(1)
    response = client.get(link)
    assert response["Location"] == reverse("statements:dashboard")
    assert client.get(reverse("statements:dashboard")).status_code == 200
    client.logout()
    again = client.get(link)  # a link works once
    assert again.status_code == 400 and "werkt niet meer" in again.content.decode()
    assert form_login(client, "nieuw@voorbeeld.nl", PASSWORD)


@pytest.mark.parametrize(
    "link",
    [
        "/account/bevestigen/xx/yy/",
        "/account/bevestigen/OTk5OTk5/abc-def/",
        "/account/bevestigen/%00/z/",
    ],
)
def test_a_forged_or_broken_confirmation_link_gets_a_page_not_an_error(client, link):
    response = client.get(link)
    assert response.status_code == 400 and "werkt niet meer" in response.content.decode()


def test_a_confirmation_link_for_another_account_does_not_work(client):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    first, second = UserFactory(is_active=False), UserFactory(is_active=False)
    token = default_token_generator.make_token(first)
    link = reverse("accounts:activate", args=[urlsafe_base64_encode(force_bytes(second.pk)), token])
    assert client.get(link).status_code == 400
    second.refresh_from_db()
    assert not second.is_active


def test_an_unconfirmed_account_that_signs_up_again_gets_a_new_link_and_no_second_user(
    client, django_capture_on_commit_callbacks
):
    data = {"email": "nieuw@voorbeeld.nl", "password": PASSWORD}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:signup"), data)
        client.post(reverse("accounts:signup"), data)
    assert get_user_model().objects.count() == 1
    assert [m.subject for m in mail.outbox] == ["Bevestig uw e-mailadres"] * 2
    link = re.search(r"http://testserver(/account/bevestigen/\S+)", mail.outbox[1].body).group(1)
    assert client.get(link)["Location"] == reverse("statements:dashboard")


def test_after_an_invitation_the_confirmation_link_goes_back_to_it(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:signup") + "?next=/uitnodiging/abc/",
            {"email": "nieuw@voorbeeld.nl", "password": PASSWORD},
        )
    link = re.search(r"http://testserver(/account/bevestigen/\S+)", mail.outbox[0].body).group(1)
    assert client.get(link)["Location"] == "/uitnodiging/abc/"


def test_a_weak_password_is_refused_in_dutch(client):
    # A taken address is answered like a new one: test_signup_known_address.py.
    response = client.post(
        reverse("accounts:signup"), {"email": "nieuw@voorbeeld.nl", "password": "12345678"}
    )
    assert (
        "Dit wachtwoord is te algemeen" in response.content.decode()
        or "volledig uit cijfers" in response.content.decode()
    )
    assert not get_user_model().objects.exists()


def test_log_in_and_out(client):
    user = UserFactory()
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response["Location"] == reverse("statements:dashboard")
    assert client.post(reverse("logout"))["Location"] == reverse("public:home")
    assert client.get(reverse("statements:dashboard")).status_code == 302


def test_a_password_reset_mails_a_link_that_works(client):
    user = UserFactory(email="vergeten@voorbeeld.nl", username="vergeten@voorbeeld.nl")
    client.post(reverse("password_reset"), {"email": "vergeten@voorbeeld.nl"})
    assert len(mail.outbox) == 1 and "Nieuw wachtwoord" in mail.outbox[0].subject
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "Nog-sterker-2027", "new_password2": "Nog-sterker-2027"}
    )
    assert form_login(client, user.username, "Nog-sterker-2027")


def test_an_invited_colleague_joins_and_sees_the_organisations(client):
    owner = MembershipFactory()
    organisation_create(workspace=owner.workspace, name="Gedeelde Klant B.V.")
    client.force_login(owner.user)
    client.post(
        reverse("accounts:members", args=[owner.workspace.pk]), {"email": "collega@voorbeeld.nl"}
    )
    assert mail.outbox[0].to == ["collega@voorbeeld.nl"]
    token = Invitation.objects.get().token
    assert token in mail.outbox[0].body
    colleague = UserFactory(username="collega@voorbeeld.nl")
    client.force_login(colleague)
    assert "Gedeelde Klant B.V." not in client.get(reverse("statements:dashboard")).content.decode()
    client.post(reverse("accounts:invitation", args=[token]))
    assert Membership.objects.get(user=colleague, workspace=owner.workspace).role == "member"
    assert "Gedeelde Klant B.V." in client.get(reverse("statements:dashboard")).content.decode()
    assert client.get(reverse("accounts:invitation", args=[token])).status_code == 404  # used once


def test_creating_an_organisation_starts_the_wizard(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    response = client.post(
        reverse("statements:organisation_new"),
        {"name": "Nieuw B.V.", "workspace": owner.workspace.pk},
    )
    assert response["Location"].endswith("/wizard/")
    response = client.get(response["Location"])
    assert response["Location"].endswith("/wizard/organisatie/")
    assert 'value="Nieuw B.V."' in client.get(response["Location"]).content.decode()


def test_an_organisation_cannot_be_created_in_someone_elses_workspace(client):
    owner, other = MembershipFactory(), MembershipFactory()
    client.force_login(owner.user)
    response = client.post(
        reverse("statements:organisation_new"), {"name": "X", "workspace": other.workspace.pk}
    )
    assert response.status_code == 200 and not other.workspace.organisations.exists()


def test_signing_up_again_before_confirming_sets_the_new_password_and_ends_the_old_link(
    client, django_capture_on_commit_callbacks
):
    url = reverse("accounts:signup")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "nieuw@voorbeeld.nl", "password": "Iemand-anders-2026"})
        client.post(url, {"email": "nieuw@voorbeeld.nl", "password": PASSWORD})
    first, second = (
        re.search(r"http://testserver(/account/bevestigen/\S+)", m.body).group(1)
        for m in mail.outbox
    )
    assert client.get(first).status_code == 400  # the first sign-up's link no longer works
    assert client.get(second)["Location"] == reverse("statements:dashboard")
    client.logout()
    assert form_login(client, "nieuw@voorbeeld.nl", PASSWORD)
    assert not form_login(Client(), "nieuw@voorbeeld.nl", "Iemand-anders-2026")
