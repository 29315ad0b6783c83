"""python manage.py prepare_pdfs [--all-versions]

Queues for the task worker the PDFs (each language) of every organisation's latest published
version that the PDF cache lacks. Publishing does this for a new version; run this after an
upgrade that changes the print CSS or WeasyPrint, which are part of every PDF's cache key, so
that downloads stay instant (docs/deployment.md, issue 19). Exit status 1 when a version's
PDFs could not be queued (the others still are).
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import OuterRef, Subquery

from generator.statements.exports import version_pdfs_enqueue
from generator.statements.models import StatementVersion


class Command(BaseCommand):
    help = "Zet de ontbrekende PDF's van de gepubliceerde versies in de wachtrij."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all-versions",
            action="store_true",
            help="Ook de oudere versies, niet alleen de nieuwste per organisatie.",
        )

    def handle(self, *args, all_versions: bool, **options) -> None:
        versions = StatementVersion.objects.select_related("statement__organisation")
        if not all_versions:
            # Only the newest of each statement, chosen by the database: a version carries its
            # whole Document and HTML, too much to load only to skip it.
            newest = StatementVersion.objects.filter(statement=OuterRef("statement")).order_by(
                "-number"
            )
            versions = versions.filter(number=Subquery(newest.values("number")[:1]))
        queued, failed = 0, []
        for version in versions.order_by("statement_id", "-number").iterator():
            try:
                queued += version_pdfs_enqueue(version)
            except Exception as error:  # one bad version must not stop the others
                failed.append(f"{version}: {error}")
        self.stdout.write(f"{queued} PDF's in de wachtrij gezet.")
        if failed:
            raise CommandError("Niet in de wachtrij gezet:\n" + "\n".join(failed))
