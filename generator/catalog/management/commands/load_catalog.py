"""Loads the catalog fixture when the catalog is empty (run by `make run`). Entries edited in
the admin are never overwritten; --update reloads the fixture over them (natural keys)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from generator.catalog.models import CatalogProcessor


class Command(BaseCommand):
    help = "Laadt de catalogus van verwerkers en cookies (alleen als die leeg is)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--update", action="store_true", help="Ook bestaande items overschrijven."
        )

    def handle(self, *args, **options) -> None:
        if CatalogProcessor.objects.exists() and not options["update"]:
            self.stdout.write(
                "Catalogus bestaat al; niets geladen (gebruik --update om te overschrijven)."
            )
            return
        call_command("loaddata", "catalog", verbosity=0)
        self.stdout.write(f"Catalogus geladen: {CatalogProcessor.objects.count()} verwerkers.")
