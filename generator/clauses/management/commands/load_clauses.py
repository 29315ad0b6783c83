"""Loads the default clause files as revision 1 of each clause that is not in the database yet.
Run by `make run` on every start; it never duplicates a revision."""

from django.core.management.base import BaseCommand, CommandError

from generator.clauses.services import ClauseRefused, load_default_clauses


class Command(BaseCommand):
    help = "Laadt de standaardclausules als revisie 1 (alleen clausules die er nog niet zijn)."

    def handle(self, *args, **options) -> None:
        try:
            created = load_default_clauses()
        except ClauseRefused as error:
            raise CommandError("\n".join(error.problems)) from None
        self.stdout.write(f"{len(created)} clausules geladen.")
