"""The cookie scan in the wizard: start it from the cookies step, watch it, take over what it
found. Every view goes through the access helper, so an outsider gets 404."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from generator.answers import choices as c
from generator.answers.loading import AnswersError
from generator.scanning.forms import ScanForm
from generator.scanning.models import SiteScan
from generator.scanning.services import CATEGORIES, proposals, scan_take_over
from generator.scanning.tasks import site_scan
from generator.statements.access import get_organisation_for_user
from generator.statements.services import StatementConflict
from generator.wizard.forms.base import enum_choices
from generator.wizard.steps import required_steps

# A scan runs a browser for up to a minute and a half: a user gets this many an hour.
SCANS_PER_HOUR = 10


def _scan(request: HttpRequest, pk: int, scan_id: int) -> SiteScan:
    organisation = get_organisation_for_user(request.user, pk)
    return get_object_or_404(SiteScan, pk=scan_id, organisation=organisation)


@login_required
@require_http_methods(["GET", "POST"])
def scan_new(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    website = organisation.statement.answers.get("controller", {}).get("website")
    form = ScanForm(request.POST or None, initial={"url": website, "pages": 5})
    if request.method == "POST" and form.is_valid():
        running = organisation.scans.filter(
            status__in=[SiteScan.Status.QUEUED, SiteScan.Status.RUNNING]
        ).first()
        if running:
            messages.info(request, _("Er loopt al een scan voor deze organisatie."))
            return redirect("scanning:detail", pk=pk, scan_id=running.pk)
        recent = SiteScan.objects.filter(
            user=request.user, created_at__gte=timezone.now() - timedelta(hours=1)
        ).count()
        if recent >= SCANS_PER_HOUR:
            form.add_error(
                None, _("U scande het afgelopen uur al %(n)d keer; probeer het later opnieuw.")
                % {"n": recent},
            )  # fmt: skip
        else:
            scan = SiteScan.objects.create(
                organisation=organisation,
                user=request.user,
                url=form.cleaned_data["url"],
                pages=form.cleaned_data["pages"],
                total=2 * form.cleaned_data["pages"],
            )
            site_scan.enqueue(scan.pk)
            return redirect("scanning:detail", pk=pk, scan_id=scan.pk)
    return render(
        request,
        "scanning/new.html",
        {"organisation": organisation, "form": form, "scans": organisation.scans.all()[:5]},
    )


@login_required
@require_GET
def scan_detail(request: HttpRequest, pk: int, scan_id: int) -> HttpResponse:
    scan = _scan(request, pk, scan_id)
    return _detail(request, scan)


def _detail(request, scan: SiteScan, errors: dict | None = None, problems=None, status=200):
    statement = scan.organisation.statement
    found = proposals(scan, statement.answers)
    posted = request.method == "POST"
    if posted:  # shown again as the user chose, with the message at the field
        for proposal in found:
            if f"category-{proposal.key}" in request.POST:
                proposal.category = request.POST[f"category-{proposal.key}"] or None
    return render(
        request,
        "scanning/detail.html",
        {
            "organisation": scan.organisation,
            "statement": statement,
            "scan": scan,
            "proposals": found,
            "categories": enum_choices(c.CookieCategory),
            "errors": errors or {},
            "problems": problems or [],
            "chosen": request.POST.getlist("take") if posted else None,
        },
        status=status,
    )


@login_required
@require_GET
def scan_status(request: HttpRequest, pk: int, scan_id: int) -> JsonResponse:
    scan = _scan(request, pk, scan_id)
    return JsonResponse(
        {
            "status": scan.status,
            "status_display": scan.get_status_display(),
            "done": scan.done,
            "total": scan.total,
            "percent": scan.percent,
            "error": scan.error,
        }
    )


@login_required
@require_POST
def scan_accept(request: HttpRequest, pk: int, scan_id: int) -> HttpResponse:
    scan = _scan(request, pk, scan_id)
    chosen, errors = {}, {}
    for key in request.POST.getlist("take"):
        category = request.POST.get(f"category-{key}", "")
        if category not in CATEGORIES:
            errors[key] = _("Kies wat voor cookie dit is.")
        chosen[key] = category
    if not chosen:
        errors["take"] = _("Kies ten minste één cookie om over te nemen.")
    if errors:
        return _detail(request, scan, errors=errors, status=400)
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = -1
    try:
        added = scan_take_over(
            scan=scan,
            chosen=chosen,
            revision=revision,
            required_steps=required_steps,
            user=request.user,
        )
    except StatementConflict:
        messages.error(
            request,
            _("De verklaring is intussen gewijzigd; er is niets overgenomen. Kies opnieuw."),
        )
        return redirect("scanning:detail", pk=pk, scan_id=scan.pk)
    except AnswersError as error:
        return _detail(request, scan, problems=error.problems, status=400)
    messages.success(
        request,
        _("%(n)d cookie(s) overgenomen. Controleer ze en sla de stap op.") % {"n": added},
    )
    return redirect("wizard:step", pk=pk, step="cookies")
