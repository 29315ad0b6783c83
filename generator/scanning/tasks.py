"""The scan in the task worker: a browser per scan, never in a web request."""

import logging

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from generator.scanning.guard import RefusedURL
from generator.scanning.models import SiteScan
from generator.scanning.scan import scan_site

logger = logging.getLogger(__name__)


@task()
def site_scan(scan_id: int) -> None:
    # Only a queued scan starts: a task run twice scans once.
    if not SiteScan.objects.filter(pk=scan_id, status=SiteScan.Status.QUEUED).update(
        status=SiteScan.Status.RUNNING
    ):
        return
    scan = SiteScan.objects.get(pk=scan_id)

    def progress(done: int, total: int) -> None:
        SiteScan.objects.filter(pk=scan_id).update(done=done, total=total)

    try:
        # The web never scans loopback (allow_loopback stays False here).
        result = scan_site(scan.url, pages=scan.pages, progress=progress)
    except RefusedURL as error:
        _fail(scan_id, str(error))
        return
    except Exception as error:
        logger.exception("Scan %s of %s failed", scan_id, scan.url)
        _fail(scan_id, f"De scan lukte niet ({type(error).__name__}).")
        return
    SiteScan.objects.filter(pk=scan_id).update(
        status=SiteScan.Status.DONE, result=result, done=F("total"), finished_at=timezone.now()
    )


def _fail(scan_id: int, message: str) -> None:
    SiteScan.objects.filter(pk=scan_id).update(
        status=SiteScan.Status.FAILED, error=message[:300], finished_at=timezone.now()
    )
