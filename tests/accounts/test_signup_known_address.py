"""Sign-up does not tell whether an address already has an account (issue 17): a known address
gets the answer a new one gets, no second account, and its owner one e-mail about it."""

import re
import smtplib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.conftest import form_login
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

KNOWN = "bestaand@voorbeeld.nl"
TRIED = "Ander-wachtwoord-2026"


@pytest.fixture
def owner():
    return UserFactory(username=KNOWN, email=KNOWN)


def answer(email: str, password: str, next_url: str = "") -> tuple:
    """What a visitor gets back, apart from the tokens that differ on every request and the
    address they typed themselves."""
    url = reverse("accounts:signup") + (f"?next={next_url}" if next_url else "")
    response = Client().post(url, {"email": email, "password": password, "workspace_name": ""})
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    return (
        response.status_code,
        response.get("Location"),
        body.replace(email, "ADRES"),
        messages,
    )


def test_a_known_address_gets_the_answer_a_new_one_gets(owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        known = answer(KNOWN, TRIED)
    new = answer("nieuw@voorbeeld.nl", TRIED)
    assert known == new
    assert known[:2] == (302, reverse("accounts:signup_sent"))


def test_after_an_invitation_link_both_go_back_to_the_invitation(
    owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = answer(KNOWN, TRIED, next_url="/uitnodiging/abc/")
    new = answer("nieuw@voorbeeld.nl", TRIED, next_url="/uitnodiging/abc/")
    assert known == new and known[1] == reverse("accounts:signup_sent")


def test_a_weak_password_is_refused_alike_for_a_known_and_a_new_address(owner):
    known = answer(KNOWN, "12345678")
    new = answer("nieuw@voorbeeld.nl", "12345678")
    assert known == new and known[0] == 200
    assert not mail.outbox  # the form was refused: nothing was tried


def test_the_owner_gets_one_dutch_email_without_the_password(
    owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer(KNOWN, TRIED)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [KNOWN]
    assert message.subject == "Aanmelding met uw e-mailadres"
    assert "Iemand heeft geprobeerd" in message.body
    assert "http://testserver/account/login/" in message.body
    assert "http://testserver/account/password_reset/" in message.body
    assert TRIED not in message.body and PASSWORD not in message.body


def test_the_email_is_dutch_whatever_language_the_visitor_chose(
    owner, django_capture_on_commit_callbacks
):
    client = Client(headers={"accept-language": "en"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:signup"), {"email": KNOWN, "password": TRIED})
    assert mail.outbox[0].subject == "Aanmelding met uw e-mailadres"


def test_no_second_account_and_the_old_password_still_works(
    client, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:signup"), {"email": KNOWN.upper(), "password": TRIED})
    assert get_user_model().objects.count() == 1
    assert not owner.memberships.exists()  # and no workspace made for the visitor
    assert client.get(reverse("statements:dashboard")).status_code == 302  # not logged in
    assert not form_login(Client(), KNOWN, TRIED)
    assert form_login(Client(), KNOWN, PASSWORD)


def test_a_new_address_gets_its_account_and_a_link_to_confirm_it(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:signup"), {"email": "nieuw@voorbeeld.nl", "password": TRIED})
    assert get_user_model().objects.get().username == "nieuw@voorbeeld.nl"
    assert client.get(reverse("statements:dashboard")).status_code == 302  # not yet logged in
    assert [message.subject for message in mail.outbox] == ["Bevestig uw e-mailadres"]


def test_the_page_after_the_answer_and_its_cookies_are_the_same_too(
    owner, django_capture_on_commit_callbacks
):
    def followed(email: str) -> tuple:
        client = Client()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("accounts:signup"), {"email": email, "password": TRIED}, follow=True
            )
        body = re.sub(r'value="[^"]{32,}"', "", response.content.decode())
        return response.status_code, response.redirect_chain, body, sorted(client.cookies)

    known, new = followed(KNOWN), followed("nieuw@voorbeeld.nl")
    assert known == new and "Kijk in uw e-mail" in known[2]


def test_a_mail_server_that_fails_changes_nothing_in_the_answer(
    owner, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def fail(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("weg")

    monkeypatch.setattr("generator.accounts.services.send_mail", fail)
    with django_capture_on_commit_callbacks(execute=True):
        known = answer(KNOWN, TRIED)
    assert known == answer("nieuw@voorbeeld.nl", TRIED)
    assert "niet verstuurd" in caplog.text
    assert get_user_model().objects.count() == 2  # the owner and the new address, nothing else


def test_two_sign_ups_for_one_new_address_at_once_make_one_account(monkeypatch):
    from generator.accounts import services

    original = services.account_create

    def the_other_request_won(**kwargs):
        original(**kwargs)  # the sign-up that committed a moment earlier
        return original(**kwargs)

    monkeypatch.setattr(services, "account_create", the_other_request_won)
    response = Client().post(
        reverse("accounts:signup"),
        {"email": "nieuw@voorbeeld.nl", "password": TRIED, "workspace_name": ""},
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(username="nieuw@voorbeeld.nl").count() == 1
