"""Writes the active clause set as files (<dir>/<language>/<order>-<key>.html), in the format of
generator/clauses/defaults, so it can be reviewed in git or moved to another installation."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Schrijft de actieve clausules als bestanden naar een map."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args, **options) -> None:
        from generator.clauses.services import clauses_export

        written = clauses_export(options["directory"])
        self.stdout.write(f"{len(written)} clausules geschreven naar {options['directory']}.")
