"""Queues again the work of batch exports whose worker died (run it from cron, or after
restarting the task workers; the export page also does it when someone watches)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from generator.statements.models import BatchExport
from generator.statements.tasks import batch_export_resume


class Command(BaseCommand):
    help = "Hervat batch-exports die niet meer vorderen (hun worker is gestopt)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--stalled-after",
            type=float,
            default=settings.BATCH_STALL_SECONDS,
            help="seconden zonder voortgang (standaard BATCH_STALL_SECONDS)",
        )

    def handle(self, *args, stalled_after: float, **options) -> None:
        open_batches = BatchExport.objects.exclude(
            status__in=[BatchExport.Status.DONE, BatchExport.Status.FAILED]
        )
        resumed = 0
        for batch in open_batches:
            if batch_export_resume(batch, stalled_after):
                resumed += 1
        self.stdout.write(f"{resumed} exports hervat.")
