"""Thin views: look up through the access helper, call one function, render."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from generator.accounts.models import Membership, Workspace
from generator.answers.loading import AnswersError, parse_answers, parse_answers_json
from generator.catalog.services import catalog_changes, catalog_index
from generator.clauses.rendering import ClauseError
from generator.clauses.services import active_clauses
from generator.documents.formats import FORMATS
from generator.lib import validators
from generator.statements.access import get_organisation_for_user
from generator.statements.exports import statement_export
from generator.statements.models import AuditEvent, Organisation
from generator.statements.register import REGISTER_FORMATS
from generator.statements.services import (
    BlockingFindings,
    PublishRefused,
    audit_record,
    organisation_clone,
    organisation_create,
    organisation_rename,
    statement_publish,
)
from generator.statements.starting_points import starting_answers, starting_points
from generator.wizard.forms.base import lib_validator, ui_language
from generator.wizard.steps import required_steps

MAX_IMPORT_BYTES = 1_000_000


class WorkspaceChoiceForm(forms.Form):
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


def organisation_name_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=gettext_lazy("Naam van de organisatie"),
        max_length=200,
        validators=[lib_validator(validators.plain_line)],
        **kwargs,
    )


def starting_point_choices() -> list[tuple[str, str]]:
    language = ui_language()
    return [
        ("", _("Leeg beginnen: ik vul alles zelf in")),
        *((key, point.label(language)) for key, point in starting_points().items()),
    ]


class OrganisationForm(WorkspaceChoiceForm):
    name = organisation_name_field(
        help_text=gettext_lazy(
            "De officiële naam, zoals Bakkerij Jansen B.V. U kunt die later nog wijzigen."
        )
    )
    starting_point = forms.ChoiceField(
        label=gettext_lazy("Wat voor organisatie is het?"),
        choices=starting_point_choices,
        initial="",
        required=False,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Wij vullen dan de verwerkingen, bewaartermijnen en verwerkers in die daar meestal "
            "bij horen. U past alles aan of verwijdert het in de stappen die volgen."
        ),
    )
    field_order = ["name", "starting_point", "workspace"]


class NameForm(forms.Form):
    name = organisation_name_field(
        help_text=gettext_lazy(
            "Zoals op het dashboard. De naam in de verklaring zelf staat bij de stap Organisatie."
        )
    )


class ImportForm(WorkspaceChoiceForm):
    file = forms.FileField(
        label=gettext_lazy("Antwoordenbestand (JSON)"),
        help_text=gettext_lazy(
            "Een bestand dat u eerder met 'Antwoorden (JSON)' downloadde, bijvoorbeeld van een andere organisatie."
        ),
    )
    field_order = ["file", "workspace"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 1 MB."))
        try:
            self.answers = parse_answers_json(upload.read())
        except AnswersError as error:
            # Every problem with its field path, at the field; nothing is created.
            raise forms.ValidationError([str(problem) for problem in error.problems]) from None
        return upload


def _newer_clauses(version, active: dict[str, dict[str, str]]) -> bool:
    current = active.setdefault(
        version.language, {s.key: s.revision for s in active_clauses(version.language)}
    )
    return any(
        key in current and current[key] != used for key, used in version.clause_revisions.items()
    )


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    organisations = (
        Organisation.objects.for_user(request.user)
        .select_related("statement", "workspace")
        .prefetch_related("statement__versions")
    )
    active: dict[str, dict[str, str]] = {}
    catalog = catalog_index()
    rows = []
    for organisation in organisations:
        latest = organisation.statement.latest_version()
        rows.append(
            {
                "organisation": organisation,
                "latest": latest,
                "newer_clauses": bool(latest and _newer_clauses(latest, active)),
                "catalog_changes": catalog_changes(organisation.statement.answers, catalog),
            }
        )
    memberships = Membership.objects.for_user(request.user).select_related("workspace")
    return render(request, "statements/dashboard.html", {"rows": rows, "memberships": memberships})


@login_required
def organisation_new(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        name, key = form.cleaned_data["name"], form.cleaned_data["starting_point"]
        organisation = organisation_create(
            workspace=form.cleaned_data["workspace"],
            name=name,
            answers=starting_answers(key, name=name, today=timezone.localdate()) if key else None,
            user=request.user,
        )
        return redirect("wizard:start", pk=organisation.pk)
    return render(request, "statements/organisation_new.html", {"form": form})


@login_required
def organisation_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        answers = form.answers
        data = answers.model_dump(mode="json")
        organisation = organisation_create(
            workspace=form.cleaned_data["workspace"],
            name=answers.controller.legal_name or form.cleaned_data["file"].name,
            answers=data,
            user=request.user,
            action=AuditEvent.Action.IMPORTED,
            # The file answers the steps; the review says what is still missing.
            completed_steps=required_steps(data),
        )
        messages.success(request, _("%(name)s is geïmporteerd.") % {"name": organisation.name})
        return redirect("wizard:step", pk=organisation.pk, step="controle")
    return render(request, "statements/organisation_import.html", {"form": form})


def _name_page(request, form, organisation, title: str, intro: str, submit: str) -> HttpResponse:
    """The page that asks an organisation's name: for a copy and for a rename."""
    name = {"name": organisation.name}
    return render(
        request,
        "statements/organisation_name.html",
        {
            "form": form,
            "title": title % name,
            "intro": intro % name if intro else "",
            "submit": submit,
        },
    )


@login_required
def organisation_clone_view(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    form = NameForm(request.POST or None, initial={"name": f"{organisation.name} (kopie)"})
    if request.method == "POST" and form.is_valid():
        copy = organisation_clone(
            organisation=organisation, user=request.user, name=form.cleaned_data["name"]
        )
        messages.success(
            request, _("Kopie gemaakt: %(name)s. Pas de gegevens aan.") % {"name": copy.name}
        )
        return redirect("wizard:start", pk=copy.pk)
    intro = _(
        "De kopie krijgt de antwoorden van %(name)s, zonder de gepubliceerde versies, "
        "de ingangsdatum en het versienummer."
    )
    return _name_page(request, form, organisation, _("%(name)s kopiëren"), intro, _("Kopie maken"))


@login_required
def organisation_rename_view(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    form = NameForm(request.POST or None, initial={"name": organisation.name})
    if request.method == "POST" and form.is_valid():
        organisation_rename(
            organisation=organisation, name=form.cleaned_data["name"], user=request.user
        )
        messages.success(request, _("De naam is gewijzigd."))
        return redirect("statements:dashboard")
    return _name_page(request, form, organisation, _("%(name)s hernoemen"), "", _("Naam opslaan"))


@login_required
@require_GET
def statement_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    if fmt == "json":
        data = parse_answers(organisation.statement.answers).model_dump_json(indent=2).encode()
        response = HttpResponse(data, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="antwoorden.json"'
    else:
        try:
            data = statement_export(
                parse_answers(organisation.statement.answers), fmt=fmt, in_worker=True
            )
        except (AnswersError, ClauseError) as error:
            messages.error(request, _("De verklaring kan nog niet worden gemaakt: %s") % error)
            return redirect("wizard:start", pk=pk)
        output = FORMATS[fmt]
        response = HttpResponse(data, content_type=output.CONTENT_TYPE)
        response["Content-Disposition"] = (
            f'attachment; filename="privacyverklaring.{output.EXTENSION}"'
        )
    audit_record(
        workspace=organisation.workspace,
        user=request.user,
        action=AuditEvent.Action.EXPORTED,
        organisation=organisation,
        detail=f"{fmt.upper()} van het concept",
    )
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
            change_note=request.POST.get("change_note", "").strip()[:300],
        )
    except PublishRefused as error:
        messages.error(
            request,
            ngettext(
                "Niet gepubliceerd: %(count)s punt moet eerst worden opgelost; dat kunt u niet "
                "wegvinken. Het staat hieronder bij de controle.",
                "Niet gepubliceerd: %(count)s punten moeten eerst worden opgelost; die kunt u niet "
                "wegvinken. Ze staan hieronder bij de controle.",
                len(error.findings),
            )
            % {"count": len(error.findings)},
        )
    except BlockingFindings as error:
        messages.error(
            request,
            _(
                "Niet gepubliceerd: de controle vond %(count)s blokkerende punten. Los ze op, of vink aan dat u toch wilt publiceren."
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


@login_required
@require_GET
def audit_log(request: HttpRequest, pk: int) -> HttpResponse:
    membership = (
        Membership.objects.for_user(request.user)
        .filter(workspace_id=pk)
        .select_related("workspace")
        .first()
    )
    if membership is None:
        raise Http404
    events = AuditEvent.objects.filter(workspace=membership.workspace).select_related(
        "user", "organisation"
    )[:500]
    return render(
        request, "statements/audit_log.html", {"workspace": membership.workspace, "events": events}
    )


@login_required
@require_GET
def register_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The verwerkingsregister (Art. 30) of the draft answers."""
    organisation = get_organisation_for_user(request.user, pk)
    render_register, content_type = REGISTER_FORMATS[fmt]
    response = HttpResponse(
        render_register(parse_answers(organisation.statement.answers), in_worker=True),
        content_type=content_type,
    )
    response["Content-Disposition"] = f'attachment; filename="verwerkingsregister.{fmt}"'
    audit_record(
        workspace=organisation.workspace,
        user=request.user,
        action=AuditEvent.Action.EXPORTED,
        organisation=organisation,
        detail=f"verwerkingsregister ({fmt.upper()})",
    )
    return response
