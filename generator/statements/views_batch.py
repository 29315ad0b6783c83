"""Batch export: choose clients on the dashboard, watch the progress, download the ZIP."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from generator.statements.models import AuditEvent, BatchExport, BatchExportItem, Organisation
from generator.statements.services import audit_record
from generator.statements.tasks import batch_export_resume, batch_export_start


@login_required
@require_POST
def batch_new(request: HttpRequest) -> HttpResponse:
    ids = request.POST.getlist("organisations")
    drafts = request.POST.get("source") == "drafts"
    # Only the user's own organisations; anything else is ignored.
    organisations = list(
        Organisation.objects.for_user(request.user).filter(pk__in=[i for i in ids if i.isdigit()])
    )
    if not organisations:
        messages.error(request, _("Kies ten minste één organisatie."))
        return redirect("statements:dashboard")
    batch = BatchExport.objects.create(
        user=request.user,
        total=len(organisations),
        drafts=drafts,
        expires_at=timezone.now() + timedelta(hours=settings.BATCH_EXPORT_KEEP_HOURS),
    )
    batch.organisations.set(organisations)
    for organisation in organisations:
        audit_record(
            workspace=organisation.workspace,
            user=request.user,
            action=AuditEvent.Action.EXPORTED,
            organisation=organisation,
            detail=f"PDF in export {batch.pk}",
        )
    batch_export_start(batch)
    return redirect("statements:batch", token=batch.token)


def _batch(request: HttpRequest, token: str) -> BatchExport:
    return get_object_or_404(BatchExport, token=token, user=request.user)


@login_required
@require_GET
def batch_detail(request: HttpRequest, token: str) -> HttpResponse:
    return render(request, "statements/batch.html", {"batch": _batch(request, token)})


@login_required
@require_GET
def batch_status(request: HttpRequest, token: str) -> JsonResponse:
    batch = _batch(request, token)
    # The page polls this every second: the natural moment to notice a worker that died.
    if batch_export_resume(batch, settings.BATCH_STALL_SECONDS):
        batch.refresh_from_db()
    ready = batch.status == BatchExport.Status.DONE and batch.expires_at > timezone.now()
    return JsonResponse(
        {
            "status": batch.status,
            "status_display": batch.get_status_display(),
            "done": batch.done,
            "total": batch.total,
            "percent": batch.percent,
            "failed": [
                {"organisation": item.organisation.name, "status": "mislukt", "error": item.error}
                for item in batch.items.filter(status=BatchExportItem.Status.FAILED).select_related(
                    "organisation"
                )
            ],
            "download": reverse("statements:batch_download", args=[batch.token]) if ready else None,
        }
    )


@login_required
@require_GET
def batch_download(request: HttpRequest, token: str) -> HttpResponse:
    batch = _batch(request, token)
    if batch.status != BatchExport.Status.DONE or not batch.file_name:
        return HttpResponse(_("De export is nog niet klaar."), status=409)
    if batch.expires_at <= timezone.now() or not default_storage.exists(batch.file_name):
        return HttpResponse(_("Deze export is verlopen. Maak een nieuwe."), status=410)
    return FileResponse(
        default_storage.open(batch.file_name, "rb"),
        as_attachment=True,
        filename=f"privacyverklaringen-{batch.pk}.zip",
    )
