import logging
import smtplib

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
def account_create(*, email: str, password: str, workspace_name: str = ""):
    """A new user always starts with a workspace of their own, as its owner."""
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    workspace = Workspace.objects.create(name=workspace_name or email)
    Membership.objects.create(workspace=workspace, user=user, role=Membership.Role.OWNER)
    return user


def account_signup(
    *, email: str, password: str, workspace_name: str = "", login_url: str, reset_url: str
):
    """Sign-up that never tells whether the address already has an account (issue 17): a new
    address gets its account, which is returned; for a known one nothing is written, None is
    returned, and its owner gets an e-mail once the transaction (if any) has committed. The
    caller answers both the same way."""
    owner = get_user_model().objects.filter(username__iexact=email).first()
    if owner is None:
        try:
            return account_create(email=email, password=password, workspace_name=workspace_name)
        except IntegrityError:
            # Two sign-ups for one new address at the same moment: the other one made it.
            owner = get_user_model().objects.get(username=email)
    # As slow as making the account (hashing its password is most of that), so the time the
    # answer takes does not tell either.
    make_password(password)
    transaction.on_commit(
        lambda: _signup_attempt_mail(owner, login_url=login_url, reset_url=reset_url)
    )
    return None


def _signup_attempt_mail(owner, *, login_url: str, reset_url: str) -> None:
    address = owner.email or owner.username
    # The owner did not choose the visitor's language: the mail is in the site's own.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Aanmelding met uw e-mailadres")
        body = render_to_string(
            "accounts/signup_known_address_email.txt",
            {"email": address, "login_url": login_url, "reset_url": reset_url},
        )
    try:
        send_mail(subject, body, None, [address])
    except (BadHeaderError, smtplib.SMTPException, OSError):
        # The visitor must not hear of it (that would tell the address is known); the log does.
        logger.warning("Aanmeldmelding voor gebruiker %s niet verstuurd", owner.pk, exc_info=True)


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    membership, _created = Membership.objects.get_or_create(
        workspace=invitation.workspace, user=user, defaults={"role": Membership.Role.MEMBER}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership
