"""Thin views: look up through the access helper, call one function, render."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from generator.accounts.models import Workspace
from generator.answers.loading import AnswersError, parse_answers
from generator.clauses.rendering import ClauseError
from generator.documents.formats import FORMATS
from generator.statements.access import get_organisation_for_user
from generator.statements.exports import statement_export
from generator.statements.models import Organisation
from generator.statements.services import (
    BlockingFindings,
    organisation_create,
    statement_publish,
)


class OrganisationForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Naam van de organisatie"),
        max_length=200,
        help_text=gettext_lazy(
            "De officiële naam, zoals Bakkerij Jansen B.V. U kunt die later nog wijzigen."
        ),
    )
    workspace = forms.ModelChoiceField(
        queryset=Workspace.objects.none(), label=gettext_lazy("Werkruimte")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        workspaces = Workspace.objects.filter(memberships__user=user)
        self.fields["workspace"].queryset = workspaces
        if workspaces.count() == 1:
            self.fields["workspace"].initial = workspaces.first()
            self.fields["workspace"].widget = forms.HiddenInput()


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    organisations = (
        Organisation.objects.for_user(request.user)
        .select_related("statement", "workspace")
        .prefetch_related("statement__versions")
    )
    return render(request, "statements/dashboard.html", {"organisations": organisations})


@login_required
def organisation_new(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = organisation_create(
            workspace=form.cleaned_data["workspace"], name=form.cleaned_data["name"]
        )
        return redirect("wizard:start", pk=organisation.pk)
    return render(request, "statements/organisation_new.html", {"form": form})


@login_required
@require_GET
def statement_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    try:
        data = statement_export(parse_answers(organisation.statement.answers), fmt=fmt)
    except (AnswersError, ClauseError) as error:
        messages.error(request, _("De verklaring kan nog niet worden gemaakt: %s") % error)
        return redirect("wizard:start", pk=pk)
    output = FORMATS[fmt]
    response = HttpResponse(data, content_type=output.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="privacyverklaring.{output.EXTENSION}"'
    return response


@login_required
@require_POST
def statement_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    try:
        version = statement_publish(
            statement=organisation.statement,
            user=request.user,
            acknowledge_blocking=request.POST.get("acknowledge_blocking") == "on",
        )
    except BlockingFindings as error:
        messages.error(
            request,
            _(
                "Niet gepubliceerd: de controle vond %(count)s blokkerende punten. Los ze op, "
                "of vink aan dat u toch wilt publiceren."
            )
            % {"count": error.count},
        )
    except (AnswersError, ClauseError) as error:
        messages.error(request, _("Publiceren lukt niet: %s") % error)
    else:
        messages.success(
            request, _("Versie %(number)s is gepubliceerd.") % {"number": version.number}
        )
    return redirect("wizard:step", pk=pk, step="controle")
