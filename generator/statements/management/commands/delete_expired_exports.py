"""Deletes the ZIP files of batch exports whose download time has passed (run it daily, for
instance from cron; downloads of expired exports are refused either way)."""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from generator.statements.models import BatchExport


class Command(BaseCommand):
    help = "Verwijdert de ZIP-bestanden van verlopen exports."

    def handle(self, *args, **options) -> None:
        expired = BatchExport.objects.filter(expires_at__lte=timezone.now()).exclude(file_name="")
        count = 0
        for batch in expired:
            default_storage.delete(batch.file_name)
            BatchExport.objects.filter(pk=batch.pk).update(file_name="")
            count += 1
        self.stdout.write(f"{count} verlopen exports verwijderd.")
