import smtplib

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.mail import BadHeaderError, send_mail
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from generator.accounts.forms import InvitationForm, SignupForm
from generator.accounts.models import Invitation, Membership, Workspace
from generator.accounts.services import account_signup, invitation_accept


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("statements:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = account_signup(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
            workspace_name=form.cleaned_data["workspace_name"],
            login_url=request.build_absolute_uri(reverse("login")),
            reset_url=request.build_absolute_uri(reverse("password_reset")),
        )
        # A known address (user is None) gets the same message and redirect, not logged in:
        # the visitor is not told that it has an account; its owner gets an e-mail instead.
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _(
                "Dank u voor uw aanmelding. Had dit e-mailadres al een account, dan sturen we "
                "daarheen een e-mail met een link om in te loggen."
            ),
        )
        next_url = request.GET.get("next", "")
        if next_url.startswith("/uitnodiging/"):
            return redirect(next_url)
        return redirect("statements:dashboard")
    return render(request, "accounts/signup.html", {"form": form})


def _owned_workspace(user, pk: int) -> Workspace:
    membership = get_object_or_404(
        Membership.objects.for_user(user).select_related("workspace"),
        workspace_id=pk,
        role=Membership.Role.OWNER,
    )
    return membership.workspace


@login_required
def workspace_members(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.for_user(request.user), workspace_id=pk)
    workspace = membership.workspace
    is_owner = membership.role == Membership.Role.OWNER
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not is_owner:
            raise Http404
        if form.is_valid():
            invitation = Invitation.objects.create(
                workspace=workspace, email=form.cleaned_data["email"], invited_by=request.user
            )
            link = request.build_absolute_uri(
                reverse("accounts:invitation", args=[invitation.token])
            )
            # One line, whatever an older workspace name holds: a header cannot span lines.
            name = " ".join(workspace.name.split())
            try:
                send_mail(
                    _("Uitnodiging voor %(workspace)s") % {"workspace": name},
                    _(
                        "%(user)s nodigt u uit om samen privacyverklaringen te maken. Open deze link: %(link)s"
                    )
                    % {"user": request.user.email or request.user.username, "link": link},
                    None,
                    [invitation.email],
                )
            except (BadHeaderError, smtplib.SMTPException, OSError):
                # Not sent: no invitation either, nothing half-done.
                invitation.delete()
                form.add_error(
                    "email",
                    _("De uitnodiging kon niet worden verstuurd. Probeer het later opnieuw."),
                )
            else:
                messages.success(
                    request,
                    _("Uitnodiging verstuurd naar %(email)s.") % {"email": invitation.email},
                )
                return redirect("accounts:members", pk=workspace.pk)
    context = {
        "workspace": workspace,
        "is_owner": is_owner,
        "memberships": workspace.memberships.select_related("user"),
        "invitations": workspace.invitations.filter(accepted_at__isnull=True),
        "form": form,
    }
    return render(request, "accounts/members.html", context)


@login_required
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invite = get_object_or_404(Invitation, token=token, accepted_at__isnull=True)
    if request.method == "POST":
        invitation_accept(invitation=invite, user=request.user)
        messages.success(
            request, _("U bent nu lid van %(workspace)s.") % {"workspace": invite.workspace.name}
        )
        return redirect("statements:dashboard")
    return render(request, "accounts/invitation.html", {"invitation": invite})
