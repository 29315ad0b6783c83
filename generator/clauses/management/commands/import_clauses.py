"""Imports a clause set from files (the format of export_clauses). All or nothing: one clause
that does not validate stops the import, with a line per problem, and exit status 2."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from generator.clauses.files import ClauseFileError
from generator.clauses.services import ClauseRefused, clauses_from_directory, clauses_import

EXIT_INVALID_INPUT = 2


class Command(BaseCommand):
    help = "Leest clausules uit een map; elke gewijzigde clausule wordt een nieuwe revisie."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--note", default="Geïmporteerd", help="Toelichting bij de nieuwe revisies."
        )

    def handle(self, *args, **options) -> None:
        try:
            specs = clauses_from_directory(options["directory"])
            created = clauses_import(specs, note=options["note"])
        except (ClauseFileError, OSError) as error:
            self.stderr.write(str(error))
            sys.exit(EXIT_INVALID_INPUT)
        except ClauseRefused as error:
            for problem in error.problems:
                self.stderr.write(problem)
            sys.exit(EXIT_INVALID_INPUT)
        self.stdout.write(
            f"{len(created)} nieuwe revisies; {len(specs) - len(created)} clausules ongewijzigd."
        )
