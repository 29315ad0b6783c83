"""Published versions inside the app: the list per organisation, a diff between any two, and
downloads of a version, always made from what was published."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from generator.documents import pdf
from generator.statements.access import get_organisation_for_user
from generator.statements.exports import version_export
from generator.statements.models import AuditEvent
from generator.statements.services import audit_record
from generator.statements.versions import compare_documents


@login_required
@require_GET
def version_list(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    versions = list(
        organisation.statement.versions.select_related("created_by").order_by("-number")
    )
    public_url = request.build_absolute_uri(
        reverse("public:statement", args=[organisation.public_id])
    )
    fragment_url = request.build_absolute_uri(
        reverse("public:fragment", args=[organisation.public_id])
    )
    return render(
        request,
        "statements/version_list.html",
        {
            "organisation": organisation,
            "versions": versions,
            "pdfs_being_made": pdf.queued_versions(version.pk for version in versions),
            "public_url": public_url,
            "fragment_url": fragment_url,
        },
    )


@login_required
@require_GET
def version_diff(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    versions = organisation.statement.versions
    old = get_object_or_404(versions, number=request.GET.get("a"))
    new = get_object_or_404(versions, number=request.GET.get("b"))
    rows = compare_documents(old.as_document(), new.as_document())
    return render(
        request,
        "statements/version_diff.html",
        {"organisation": organisation, "old": old, "new": new, "rows": rows},
    )


@login_required
@require_GET
def version_download(request: HttpRequest, pk: int, number: int, fmt: str) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    version = get_object_or_404(organisation.statement.versions, number=number)
    response = version_export(version, fmt)
    audit_record(
        workspace=organisation.workspace,
        user=request.user,
        action=AuditEvent.Action.EXPORTED,
        organisation=organisation,
        detail=f"{fmt.upper()} van versie {number}",
    )
    return response
