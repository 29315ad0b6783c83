import smtplib

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator as token_generator
from django.core.mail import BadHeaderError, send_mail
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from generator.accounts.forms import InvitationForm, SignupForm
from generator.accounts.models import Invitation, Membership, Workspace
from generator.accounts.services import account_activate, account_signup, invitation_accept


def _next_url(request: HttpRequest) -> str:
    # Only back to an invitation: a sign-up link must not send anyone elsewhere.
    next_url = request.GET.get("next", "")
    return next_url if next_url.startswith("/uitnodiging/") else ""


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("statements:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        next_url = _next_url(request)

        def activation_url(user) -> str:
            path = reverse(
                "accounts:activate",
                args=[
                    urlsafe_base64_encode(force_bytes(user.pk)),
                    token_generator.make_token(user),
                ],
            )
            return request.build_absolute_uri(
                path + (f"?{urlencode({'next': next_url})}" if next_url else "")
            )

        account_signup(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
            workspace_name=form.cleaned_data["workspace_name"],
            activation_url=activation_url,
            login_url=request.build_absolute_uri(reverse("login")),
            reset_url=request.build_absolute_uri(reverse("password_reset")),
        )
        # One answer whatever the address (issue 17): nobody is logged in, and no message is
        # stored (the page says it all), so the visitor cannot tell a new address from a known
        # one; the e-mail tells its owner which it was.
        return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form})


def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_sent.html")


def activate(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link of the confirmation mail: activates the account once and logs it in. The token
    is Django's password-reset token, which changes with the login it leads to, so a link works
    once; and it expires after PASSWORD_RESET_TIMEOUT."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
        user = get_user_model().objects.get(pk=pk)
    except (ValueError, UnicodeDecodeError, OverflowError, get_user_model().DoesNotExist):
        user = None
    if user is None or user.is_active or not token_generator.check_token(user, token):
        return render(request, "accounts/activation_invalid.html", status=400)
    account_activate(user=user)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Uw e-mailadres is bevestigd. Welkom!"))
    return redirect(_next_url(request) or "statements:dashboard")


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
