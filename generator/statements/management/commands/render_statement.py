"""python manage.py render_statement ANSWERS.json --format html|pdf|md [--output FILE]
[--register formal|informal] [--pdf-variant pdf/a-3b]

A bad answers file gets one line per problem, each with its field path, and exit status 2.
Nothing is written unless the whole render succeeded.
"""

import os
import sys
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from generator.answers.choices import Language
from generator.answers.loading import AnswersError, load_answers_file
from generator.clauses.files import ClauseFileError
from generator.clauses.rendering import ClauseError
from generator.documents.formats import FORMATS
from generator.documents.options import PDF_VARIANTS, OutputOptions
from generator.statements.exports import statement_export

EXIT_INVALID_INPUT = 2


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so a reader never sees half a file.

    Only for regular files: a device or pipe (/dev/null, /dev/stdout) is written to directly,
    never replaced by a rename.
    """
    if path.exists() and not path.is_file():
        with path.open("wb") as handle:
            handle.write(data)
        return
    path = path.resolve()
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = "Zet een antwoordenbestand (JSON) om in een privacyverklaring als HTML, PDF of Markdown."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("answers", type=Path, help="Het antwoordenbestand (JSON).")
        parser.add_argument("--format", dest="fmt", choices=sorted(FORMATS), required=True)
        parser.add_argument(
            "--output", type=Path, help="Schrijf hierheen in plaats van naar stdout."
        )
        parser.add_argument(
            "--register", choices=["formal", "informal"], help="Overschrijft document.register."
        )
        parser.add_argument(
            "--language", choices=["nl", "en"], help="Overschrijft document.language."
        )
        parser.add_argument("--pdf-variant", choices=PDF_VARIANTS, default=PDF_VARIANTS[0])

    def fail(self, lines: list[str]) -> None:
        for line in lines:
            self.stderr.write(line)
        sys.exit(EXIT_INVALID_INPUT)

    def handle(self, *args, **options) -> None:
        try:
            answers = load_answers_file(options["answers"])
        except AnswersError as error:
            self.fail([str(problem) for problem in error.problems])
        if options["language"]:
            document = answers.document.model_copy(
                update={"language": Language(options["language"])}
            )
            answers = answers.model_copy(update={"document": document})
        output: Path | None = options["output"]
        if output is not None and not output.resolve().parent.is_dir():
            self.fail([f"--output: de map {output.parent} bestaat niet."])
        try:
            data = statement_export(
                answers,
                fmt=options["fmt"],
                register=options["register"],
                options=OutputOptions(pdf_variant=options["pdf_variant"]),
            )
        except (ClauseError, ClauseFileError) as error:
            self.fail([f"clausules: {error}"])
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            write_atomically(output, data)
            self.stderr.write(f"{output} geschreven ({len(data):,} bytes).")
