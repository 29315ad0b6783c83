"""Deletes the ZIP files of batch exports whose download time has passed, and temporary files
left by a worker that was killed while writing (run it daily, for instance from cron;
downloads of expired exports are refused either way)."""

import time

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from generator.statements.models import BatchExport

# lib/storage.save_atomically writes ".<random>.part" beside its target, then renames it.
PART_FOLDERS = ("exports", "pdf-cache")
PART_MAX_AGE = 3600


class Command(BaseCommand):
    help = (
        "Verwijdert de ZIP-bestanden van verlopen exports en achtergebleven tijdelijke bestanden."
    )

    def handle(self, *args, **options) -> None:
        expired = BatchExport.objects.filter(expires_at__lte=timezone.now()).exclude(file_name="")
        count = 0
        for batch in expired:
            default_storage.delete(batch.file_name)
            BatchExport.objects.filter(pk=batch.pk).update(file_name="")
            count += 1
        self.stdout.write(f"{count} verlopen exports verwijderd.")
        parts = 0
        for folder in PART_FOLDERS:
            if not default_storage.exists(folder):
                continue
            for name in default_storage.listdir(folder)[1]:
                path = f"{folder}/{name}"
                if name.endswith(".part") and self._older_than(path, PART_MAX_AGE):
                    default_storage.delete(path)
                    parts += 1
        if parts:
            self.stdout.write(f"{parts} achtergebleven tijdelijke bestanden verwijderd.")

    @staticmethod
    def _older_than(path: str, seconds: float) -> bool:
        try:
            modified = default_storage.get_modified_time(path).timestamp()
        except (NotImplementedError, OSError):
            return True
        return modified < time.time() - seconds
