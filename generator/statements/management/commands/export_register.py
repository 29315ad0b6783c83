"""python manage.py export_register ANSWERS.json --format xlsx|pdf --output FILE

The verwerkingsregister (Art. 30 AVG) from an answers file: one row per processing activity.
A bad file gets one line per problem with its field path and exit status 2; nothing is written."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from generator.answers.loading import AnswersError, load_answers_file
from generator.documents.pdf import PdfTooLarge
from generator.statements.management.commands.render_statement import write_atomically
from generator.statements.register import REGISTER_FORMATS

EXIT_INVALID_INPUT = 2


class Command(BaseCommand):
    help = "Maakt het verwerkingsregister (artikel 30 AVG) als XLSX of PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("answers", type=Path)
        parser.add_argument("--format", dest="fmt", choices=sorted(REGISTER_FORMATS), required=True)
        parser.add_argument("--output", type=Path, required=True)

    def handle(self, *args, **options) -> None:
        try:
            answers = load_answers_file(options["answers"])
        except AnswersError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            sys.exit(EXIT_INVALID_INPUT)
        if not options["output"].resolve().parent.is_dir():
            self.stderr.write(f"--output: de map {options['output'].parent} bestaat niet.")
            sys.exit(EXIT_INVALID_INPUT)
        render, _content_type = REGISTER_FORMATS[options["fmt"]]
        try:
            data = render(answers)
        except PdfTooLarge as error:
            self.stderr.write(f"--format pdf: het register is te groot voor een PDF ({error}).")
            sys.exit(EXIT_INVALID_INPUT)
        write_atomically(options["output"], data)
        self.stderr.write(f"{options['output']} geschreven ({len(data):,} bytes).")
