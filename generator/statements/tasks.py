"""Background work (django-tasks; the database backend's `db_worker` runs it, `make run`
starts one beside the web server)."""

import io
import json
import logging
import zipfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import F
from django.utils.text import slugify
from django_tasks import task

from generator.documents.formats import FORMATS
from generator.documents.options import OutputOptions
from generator.statements.models import BatchExport

logger = logging.getLogger(__name__)


def _export_one(organisation) -> tuple[str, bytes]:
    version = organisation.statement.latest_version()
    if version is None:
        raise ValueError("nog niet gepubliceerd")
    name = f"{slugify(organisation.name) or 'organisatie'}-{organisation.pk}-v{version.number}.pdf"
    return name, FORMATS["pdf"].render(version.as_document(), OutputOptions())


@task()
def batch_export_run(batch_id: int) -> None:
    """One PDF per organisation into a ZIP with a manifest. A client that fails is recorded in
    the manifest and the others still export; progress is saved after every client."""
    batch = BatchExport.objects.get(pk=batch_id)
    BatchExport.objects.filter(pk=batch_id).update(status=BatchExport.Status.RUNNING)
    manifest = []
    buffer = io.BytesIO()
    organisations = batch.organisations.select_related("statement").prefetch_related(
        "statement__versions"
    )
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for organisation in organisations:
            try:
                name, data = _export_one(organisation)
            except Exception as error:
                logger.warning("Batch %s: %s failed: %s", batch_id, organisation.pk, error)
                manifest.append(
                    {
                        "organisation": organisation.name,
                        "status": "mislukt",
                        "error": str(error)[:300],
                    }
                )
            else:
                archive.writestr(name, data)
                manifest.append({"organisation": organisation.name, "status": "ok", "file": name})
            BatchExport.objects.filter(pk=batch_id).update(done=F("done") + 1)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    # Saved only when complete: a download never meets half a ZIP.
    file_name = default_storage.save(f"exports/{batch.token}.zip", ContentFile(buffer.getvalue()))
    BatchExport.objects.filter(pk=batch_id).update(
        status=BatchExport.Status.DONE, manifest=manifest, file_name=file_name
    )
