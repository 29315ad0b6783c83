"""`manage.py refresh_cookie_database SOURCE`: take a newer Open Cookie Database (a CSV file, or
an https URL such as the project's raw CSV on GitHub). The new file is checked whole before it
replaces the vendored one, so a broken download changes nothing; our Dutch purposes stay keyed
by ID, and those whose entry is gone are named."""

import json
import os
import tempfile
import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from generator.scanning import cookiedb
from generator.scanning.guard import RefusedURL, check_url

MAX_BYTES = 20 * 1024 * 1024
UPSTREAM = (
    "https://raw.githubusercontent.com/jkwakman/Open-Cookie-Database/master/"
    "open-cookie-database.csv"
)


class _CheckedRedirect(urllib.request.HTTPRedirectHandler):
    """Every hop of a redirect passes the guard too."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Command(BaseCommand):
    help = "Vervangt de Open Cookie Database door een nieuwere versie (bestand of https-adres)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", nargs="?", default=UPSTREAM)
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren.")

    def handle(self, *args, **options) -> None:
        source = options["source"]
        body = self._read(source)
        with tempfile.TemporaryDirectory() as folder:
            candidate = Path(folder) / "open-cookie-database.csv"
            candidate.write_bytes(body)
            try:
                new = cookiedb.read(candidate)
            except (cookiedb.DatabaseError, UnicodeDecodeError) as error:
                raise CommandError(f"source: {error}") from None
            if not new:
                raise CommandError("source: het bestand bevat geen enkele cookie.")
            old = {e.id for e in cookiedb.read()}
            ids = {e.id for e in new}
            purposes = (
                json.loads(cookiedb.PURPOSES.read_text(encoding="utf-8"))
                if cookiedb.PURPOSES.exists()
                else {}
            )
            orphaned = sorted(set(purposes) - ids)
            self.stdout.write(
                f"{len(new)} cookies ({len(ids - old)} nieuw, {len(old - ids)} verdwenen)."
            )
            for key in orphaned:
                self.stdout.write(
                    f"purposes_nl.json: {key} ({purposes[key]['name']}) staat niet meer in de "
                    "database; de tekst wordt niet meer gebruikt."
                )
            if options["dry_run"]:
                return
            # Atomically: a reader sees the old file or the new one, never half of one.
            handle, partial = tempfile.mkstemp(dir=cookiedb.DATA, suffix=".csv")
            with os.fdopen(handle, "wb") as file:
                file.write(body)
            os.replace(partial, cookiedb.DATABASE)
        cookiedb.entries.cache_clear()
        self.stdout.write(f"Vervangen: {cookiedb.DATABASE}")

    def _read(self, source: str) -> bytes:
        if source.startswith(("http://", "https://")):
            if not source.startswith("https://"):
                raise CommandError("source: alleen https-adressen.")
            try:
                check_url(source)
                opener = urllib.request.build_opener(_CheckedRedirect)
                with opener.open(source, timeout=30) as response:
                    body = response.read(MAX_BYTES + 1)
            except RefusedURL as error:
                raise CommandError(f"source: {error}") from None
            except OSError as error:
                raise CommandError(f"source: niet op te halen ({error}).") from None
        else:
            path = Path(source)
            if not path.is_file():
                raise CommandError(f"source: {source} bestaat niet.")
            body = path.read_bytes()[: MAX_BYTES + 1]
        if len(body) > MAX_BYTES:
            raise CommandError("source: groter dan 20 MB; dat is geen cookiedatabase.")
        return body
