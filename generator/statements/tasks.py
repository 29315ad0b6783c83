"""Background work (django-tasks; the database backend's `db_worker` runs it, `make run`
starts one beside the web server).

A batch export is one task per client plus a last step that writes the ZIP, so two worker
processes make a batch about twice as fast as one (docs/benchmarks.md). Every PDF goes through
the content-addressed PDF cache, so a client exported before costs a file read.
"""

import io
import json
import logging
import zipfile
from datetime import timedelta

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django_tasks import task

from generator.answers.loading import parse_answers
from generator.documents import pdf
from generator.documents.options import OutputOptions
from generator.lib.storage import save_atomically
from generator.statements.exports import statement_document
from generator.statements.models import BatchExport, BatchExportItem

logger = logging.getLogger(__name__)


def batch_export_start(batch: BatchExport) -> None:
    """Queue one task per chosen client, in the order of the names. Called outside a
    transaction (views run in autocommit), so the items are saved before a worker looks."""
    organisations = batch.organisations.order_by("name", "pk")
    items = BatchExportItem.objects.bulk_create(
        BatchExportItem(batch=batch, organisation=organisation, position=position)
        for position, organisation in enumerate(organisations)
    )
    for item in items:
        batch_export_client.enqueue(item.pk)


def _render_client(item: BatchExportItem) -> tuple[str, str]:
    organisation = item.organisation
    version = None if item.batch.drafts else organisation.statement.latest_version()
    base = f"{slugify(organisation.name) or 'organisatie'}-{organisation.pk}"
    if version is not None:
        return f"{base}-v{version.number}.pdf", pdf.store(
            pdf.print_html(version.as_document()), OutputOptions()
        )
    # The draft as it stands; a draft that does not validate fails with its problems, and the
    # other clients still export.
    document = statement_document(parse_answers(organisation.statement.answers))
    return f"{base}-concept.pdf", pdf.store(pdf.print_html(document), OutputOptions())


@task()
def batch_export_client(item_id: int) -> None:
    """One client's PDF. A client that fails is recorded and the others still export."""
    item = BatchExportItem.objects.select_related("organisation__statement", "batch").get(
        pk=item_id
    )
    if item.status != BatchExportItem.Status.WAITING:
        return  # already done by an earlier run of this task: count it once
    BatchExport.objects.filter(pk=item.batch_id, status=BatchExport.Status.QUEUED).update(
        status=BatchExport.Status.RUNNING
    )
    try:
        item.name, item.cache_path = _render_client(item)
        item.status = BatchExportItem.Status.OK
    except Exception as error:
        logger.warning("Batch %s: %s failed: %s", item.batch_id, item.organisation_id, error)
        item.status, item.error = BatchExportItem.Status.FAILED, str(error)[:300]
    with transaction.atomic():
        updated = BatchExportItem.objects.filter(
            pk=item.pk, status=BatchExportItem.Status.WAITING
        ).update(status=item.status, name=item.name, cache_path=item.cache_path, error=item.error)
        if updated:
            BatchExport.objects.filter(pk=item.batch_id).update(
                done=F("done") + 1, progressed_at=timezone.now()
            )
    # Exactly one worker wins this conditional update: the one that finished the last client.
    if BatchExport.objects.filter(
        pk=item.batch_id, done__gte=F("total"), status=BatchExport.Status.RUNNING
    ).update(status=BatchExport.Status.PACKING, progressed_at=timezone.now()):
        batch_export_zip.call(item.batch_id)


def batch_export_resume(batch: BatchExport, stalled_after: float) -> int:
    """Re-queue the work of a batch that has not moved for `stalled_after` seconds: its worker
    died (killed, out of memory, the machine restarted) with a task that will never finish.
    Both tasks are idempotent, so a slow worker that was still alive costs only a second render,
    never a second count. Returns the number of tasks queued."""
    if batch.status not in (
        BatchExport.Status.QUEUED,
        BatchExport.Status.RUNNING,
        BatchExport.Status.PACKING,
    ):
        return 0
    moved = timezone.now() - timedelta(seconds=stalled_after)
    # Claim the resume, so two pollers of one batch do not both queue everything again.
    if not BatchExport.objects.filter(pk=batch.pk, progressed_at__lte=moved).update(
        progressed_at=timezone.now()
    ):
        return 0
    logger.warning("Batch %s stalled at %s/%s: resuming", batch.pk, batch.done, batch.total)
    if batch.status == BatchExport.Status.PACKING:
        batch_export_zip.enqueue(batch.pk)
        return 1
    waiting = list(
        batch.items.filter(status=BatchExportItem.Status.WAITING).values_list("pk", flat=True)
    )
    for pk in waiting:
        batch_export_client.enqueue(pk)
    return len(waiting)


@task()
def batch_export_zip(batch_id: int) -> None:
    """The ZIP of the made PDFs with a manifest; stored only when whole, so a download never
    meets half a ZIP."""
    batch = BatchExport.objects.get(pk=batch_id)
    manifest = []
    buffer = io.BytesIO()
    # PDFs are compressed already: storing them is as small and much faster than deflating.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for item in batch.items.select_related("organisation"):
            row = {"organisation": item.organisation.name}
            if item.status == BatchExportItem.Status.OK:
                with default_storage.open(item.cache_path, "rb") as file:
                    archive.writestr(item.name, file.read())
                row |= {"status": "ok", "file": item.name}
            else:
                row |= {"status": "mislukt", "error": item.error}
            manifest.append(row)
        archive.writestr(
            zipfile.ZipInfo("manifest.json"),
            json.dumps(manifest, ensure_ascii=False, indent=2),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    file_name = save_atomically(f"exports/{batch.token}.zip", buffer.getvalue())
    BatchExport.objects.filter(pk=batch_id).update(
        status=BatchExport.Status.DONE,
        manifest=manifest,
        file_name=file_name,
        progressed_at=timezone.now(),
    )
