from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from generator.accounts.models import Invitation, Membership, Workspace


@transaction.atomic
def account_create(*, email: str, password: str, workspace_name: str = ""):
    """A new user always starts with a workspace of their own, as its owner."""
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    workspace = Workspace.objects.create(name=workspace_name or email)
    Membership.objects.create(workspace=workspace, user=user, role=Membership.Role.OWNER)
    return user


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    membership, _ = Membership.objects.get_or_create(
        workspace=invitation.workspace, user=user, defaults={"role": Membership.Role.MEMBER}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership
