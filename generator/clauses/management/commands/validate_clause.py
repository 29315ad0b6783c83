"""python manage.py validate_clause FILE --key KEY --language nl|en

Runs the same validation as saving in the admin (compile, render against every example in both
registers, caps). FILE is a whole clause file (header, ---, body) or only a body; for a body the
title, order and condition come from the clause as it is now. Exit 0: it would be accepted;
exit 1: refused, with the reasons."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from generator.clauses.files import ClauseFileError, ClauseSpec, parse_clause
from generator.clauses.services import active_clauses, clause_validate

EXIT_REFUSED = 1


class Command(BaseCommand):
    help = "Controleert een clausule zoals het beheer dat bij opslaan doet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--key", required=True)
        parser.add_argument("--language", choices=["nl", "en"], required=True)

    def refuse(self, lines: list[str]) -> None:
        for line in lines:
            self.stderr.write(line)
        sys.exit(EXIT_REFUSED)

    def handle(self, *args, **options) -> None:
        key, language = options["key"], options["language"]
        try:
            text = options["file"].read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.refuse([f"{options['file']}: {error}"])
        if "\n---\n" in text and text.lstrip().startswith("key:"):
            try:
                spec = parse_clause(text, language, origin=str(options["file"]))
            except ClauseFileError as error:
                self.refuse([str(error)])
            if spec.key != key:
                self.refuse([f"--key {key} past niet bij de key {spec.key} in het bestand."])
        else:
            current = {s.key: s for s in active_clauses(language)}.get(key)
            title, order, condition = (
                (current.title, current.order, current.condition) if current else (key, 500, "true")
            )
            spec = ClauseSpec(key, language, title, order, condition, text, "")
        problems = clause_validate(spec)
        if problems:
            self.refuse(problems)
        self.stdout.write(f"Clausule '{key}' ({language}) zou worden geaccepteerd.")
