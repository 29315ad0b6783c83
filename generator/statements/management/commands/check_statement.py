"""python manage.py check_statement ANSWERS.json [--format text|json] [--register formal|informal]
[--statement-language nl|en] [--language nl|en]

Prints the checker's findings (avg-checklist.md R1-R29, and our R30-R31) and the readability
scores, for the statement in its own language or the one asked. Exit status:
0 when nothing blocks publication, 1 when a finding is blocking, 2 when the file is invalid.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from generator.answers.loading import AnswersError, load_answers_file
from generator.clauses.files import ClauseFileError
from generator.clauses.rendering import ClauseError
from generator.statements.exports import (
    answers_in_language,
    statement_check,
    statement_document,
)

EXIT_BLOCKING = 1
EXIT_INVALID_INPUT = 2


class Command(BaseCommand):
    help = "Controleert een antwoordenbestand op de AVG-regels R1-R31 en de leesbaarheid."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("answers", type=Path)
        parser.add_argument("--format", dest="fmt", choices=["text", "json"], default="text")
        parser.add_argument("--register", choices=["formal", "informal"])
        parser.add_argument(
            "--language", choices=["nl", "en"], default="nl", help="Taal van de meldingen."
        )
        parser.add_argument(
            "--statement-language",
            choices=["nl", "en"],
            help="Controleer de verklaring in deze taal (standaard: de taal uit het bestand).",
        )

    def handle(self, *args, **options) -> None:
        try:
            answers = load_answers_file(options["answers"])
            if options["statement_language"]:
                answers = answers_in_language(answers, options["statement_language"])
            report = statement_check(
                answers, statement_document(answers, register=options["register"])
            )
        except AnswersError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            sys.exit(EXIT_INVALID_INPUT)
        except (ClauseError, ClauseFileError) as error:
            self.stderr.write(f"clausules: {error}")
            sys.exit(EXIT_INVALID_INPUT)
        if options["fmt"] == "json":
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(self.as_text(report, options["language"]))
        if report["blocking"]:
            sys.exit(EXIT_BLOCKING)

    @staticmethod
    def as_text(report: dict, language: str) -> str:
        overall = report["readability"]["overall"]
        if language == "en":
            lines = [
                f"Score {report['score']}/100: {report['blocking']} blocking, {report['warnings']} warning(s).",
                f"Readability (Dutch formulas): Flesch-Douma {overall['flesch_douma']}, "
                f"Brouwer {overall['brouwer']}, {overall['words_per_sentence']} words per sentence.",
            ]
        else:
            lines = [
                f"Score {report['score']}/100: {report['blocking']} blokkerend, {report['warnings']} waarschuwing(en).",
                f"Leesbaarheid: Flesch-Douma {overall['flesch_douma']}, Brouwer {overall['brouwer']}, "
                f"{overall['words_per_sentence']} woorden per zin.",
            ]
        for finding in report["findings"]:
            message = finding["message_en"] if language == "en" else finding["message_nl"]
            where = f" {finding['path']}" if finding["path"] else ""
            lines.append(
                f"{finding['severity']} {finding['rule']}{where}: {message} ({finding['article']})"
            )
        return "\n".join(lines)
