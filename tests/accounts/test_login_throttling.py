"""Login throttling with django-axes (issue 10; notes/security.md, test 17): too many failed
logins for one account, or from one address, are refused with HTTP 429 and a Dutch page for a
cool-off time; other accounts and addresses go on; the admin's login is covered too."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from generator.accounts.client_ip import client_ip
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def attempt(username: str, password: str, address: str, url: str | None = None):
    return Client(REMOTE_ADDR=address).post(
        url or reverse("login"), {"username": username, "password": password}
    )


def test_ten_failures_for_one_account_from_two_addresses_lock_that_account(settings):
    victim, other = UserFactory(), UserFactory()
    for number in range(settings.AXES_FAILURE_LIMIT):
        response = attempt(victim.username, "fout", f"192.0.2.{number % 2 + 1}")
        assert response.status_code in (200, 429)
    # Locked now, even with the right password from a third address ...
    response = attempt(victim.username, PASSWORD, "198.51.100.7")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Te veel mislukte pogingen" in page and "15 minuten" in page
    # ... while another account logs in as usual.
    assert attempt(other.username, PASSWORD, "198.51.100.8").status_code == 302


def test_one_address_trying_many_accounts_is_locked_out(settings):
    users = [UserFactory() for _ in range(settings.AXES_FAILURE_LIMIT + 1)]
    for user in users[:-1]:
        attempt(user.username, "fout", "203.0.113.9")
    assert attempt(users[-1].username, PASSWORD, "203.0.113.9").status_code == 429
    assert attempt(users[-1].username, PASSWORD, "203.0.113.10").status_code == 302


def test_the_lock_ends_after_the_cool_off():
    user = UserFactory()
    for _ in range(10):
        attempt(user.username, "fout", "192.0.2.1")
    assert attempt(user.username, PASSWORD, "192.0.2.1").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert attempt(user.username, PASSWORD, "192.0.2.1").status_code == 302


def test_a_successful_login_clears_the_failures():
    user = UserFactory()
    for _ in range(9):
        attempt(user.username, "fout", "192.0.2.1")
    assert attempt(user.username, PASSWORD, "192.0.2.1").status_code == 302
    for _ in range(9):
        attempt(user.username, "fout", "192.0.2.1")
    assert attempt(user.username, PASSWORD, "192.0.2.1").status_code == 302


def test_the_admin_login_is_throttled_too():
    admin = UserFactory(is_staff=True, is_superuser=True)
    for _ in range(10):
        attempt(admin.username, "fout", "192.0.2.5", reverse("admin:login"))
    assert attempt(admin.username, PASSWORD, "192.0.2.5", reverse("admin:login")).status_code == 429


def test_the_password_is_never_stored_with_an_attempt():
    user = UserFactory()
    attempt(user.username, "geheim-wachtwoord-123", "192.0.2.1")
    assert "geheim-wachtwoord-123" not in AccessAttempt.objects.get().post_data


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.1"),  # no proxy: the header is the client's own words
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # a spoofed first entry is ignored
        (2, "6.6.6.6, 1.2.3.4, 10.0.0.2", "1.2.3.4"),
        (2, "1.2.3.4", "10.0.0.1"),  # fewer entries than proxies: trust the connection
    ],
)
def test_the_client_address_behind_proxies(rf, settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
