import logging
import smtplib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.mail import BadHeaderError, send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from generator.accounts.models import Invitation, Membership, Workspace

logger = logging.getLogger(__name__)


@transaction.atomic
def account_create(*, email: str, password: str, workspace_name: str = "", active: bool = True):
    """A new user always starts with a workspace of their own, as its owner. Signed up on the
    site, the account is inactive until its address is confirmed (account_signup)."""
    user = get_user_model().objects.create_user(
        username=email, email=email, password=password, is_active=active
    )
    workspace = Workspace.objects.create(name=workspace_name or email)
    Membership.objects.create(workspace=workspace, user=user, role=Membership.Role.OWNER)
    return user


def account_signup(
    *,
    email: str,
    password: str,
    workspace_name: str = "",
    activation_url: Callable[[Any], str],
    login_url: str,
    reset_url: str,
) -> None:
    """Sign-up that never tells whether the address already has an account (issue 17). Every
    answer is "look in your e-mail"; what the mail says differs. A new address gets an inactive
    account and a link to confirm it (activation_url(user)); an address whose account was never
    confirmed gets a fresh link; a confirmed one an e-mail that someone tried, with links to log
    in and to choose a new password. Mails go after commit."""
    owner = get_user_model().objects.filter(username__iexact=email).first()
    if owner is None:
        try:
            user = account_create(
                email=email, password=password, workspace_name=workspace_name, active=False
            )
        except IntegrityError:
            # Two sign-ups for one new address at the same moment: the other one made it.
            owner = get_user_model().objects.get(username=email)
        else:
            transaction.on_commit(lambda: _activation_mail(user, activation_url(user)))
            return
    if not owner.is_active and not owner.last_login:
        # Never confirmed: whoever signs up now chooses the password, so a first sign-up by
        # someone else with this address holds no password to the account its owner confirms;
        # the new password also ends the earlier links (the token includes its hash).
        owner.set_password(password)
        owner.save(update_fields=["password"])
        transaction.on_commit(lambda: _activation_mail(owner, activation_url(owner)))
        return
    # As slow as making the account (hashing its password is most of that), so the time the
    # answer takes does not tell either.
    make_password(password)
    transaction.on_commit(
        lambda: _signup_attempt_mail(owner, login_url=login_url, reset_url=reset_url)
    )


def account_activate(*, user) -> None:
    """The address is confirmed: the account can log in from now on."""
    user.is_active = True
    user.save(update_fields=["is_active"])


def _send(user, subject: str, body: str) -> None:
    try:
        send_mail(subject, body, None, [user.email or user.username])
    except (BadHeaderError, smtplib.SMTPException, OSError):
        # The visitor must not hear of it (that would tell what the address is); the log does.
        logger.warning("Aanmeldmail voor gebruiker %s niet verstuurd", user.pk, exc_info=True)


def _activation_mail(user, link: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Bevestig uw e-mailadres")
        body = render_to_string("accounts/activation_email.txt", {"link": link})
    _send(user, subject, body)


def _signup_attempt_mail(owner, *, login_url: str, reset_url: str) -> None:
    address = owner.email or owner.username
    # The owner did not choose the visitor's language: the mail is in the site's own.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Aanmelding met uw e-mailadres")
        body = render_to_string(
            "accounts/signup_known_address_email.txt",
            {"email": address, "login_url": login_url, "reset_url": reset_url},
        )
    _send(owner, subject, body)


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    membership, _created = Membership.objects.get_or_create(
        workspace=invitation.workspace, user=user, defaults={"role": Membership.Role.MEMBER}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership
