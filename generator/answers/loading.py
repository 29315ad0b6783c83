"""Reading Answers from JSON, with every problem named by its field path, in Dutch."""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.answers import limits
from generator.answers.schema import Answers

# pydantic's own messages are English; these are the ones a person editing a file meets.
_MESSAGES = {
    "missing": "Dit veld is verplicht.",
    "extra_forbidden": "Onbekend veld; controleer de spelling.",
    "string_type": "Verwacht tekst.",
    "string_too_long": "Te lang: ten hoogste {max_length} tekens.",
    "string_pattern_mismatch": "Gebruik alleen kleine letters, cijfers en streepjes.",
    "int_type": "Verwacht een geheel getal.",
    "int_parsing": "Verwacht een geheel getal.",
    "int_from_float": "Verwacht een geheel getal.",
    "bool_type": "Verwacht true of false.",
    "bool_parsing": "Verwacht true of false.",
    "list_type": "Verwacht een lijst.",
    "too_long": "Te veel: ten hoogste {max_length}.",
    "model_type": "Verwacht een object met velden.",
    "model_attributes_type": "Verwacht een object met velden.",
    "dict_type": "Verwacht een object met velden.",
    "enum": "Kies een van: {expected}.",
    "literal_error": "Kies een van: {expected}.",
    "date_type": "Verwacht een datum als JJJJ-MM-DD.",
    "date_parsing": "Verwacht een datum als JJJJ-MM-DD.",
    "date_from_datetime_parsing": "Verwacht een datum als JJJJ-MM-DD.",
    "date_from_datetime_inexact": "Verwacht een datum zonder tijd.",
    "greater_than_equal": "Moet minstens {ge} zijn.",
    "less_than_equal": "Mag hoogstens {le} zijn.",
}


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(bestand)'}: {self.message}"


class AnswersError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _path(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


def problems_from(error: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    for item in error.errors():
        ctx = item.get("ctx") or {}
        if item["type"] == "references":
            problems.extend(Problem(path, message) for path, message in ctx["problems"])
            continue
        template = _MESSAGES.get(item["type"])
        message = template.format(**ctx) if template else item["msg"]
        message = message.replace("' or '", "' of '")
        # Union members (e.g. "str | None") add their type name to the path; readers do not need it.
        loc = tuple(
            part for part in item["loc"] if part not in {"str", "function-after[check(), str]"}
        )
        problems.append(Problem(_path(loc), message))
    return problems


def parse_answers(data: Any) -> Answers:
    try:
        return Answers.model_validate(data)
    except ValidationError as error:
        raise AnswersError(problems_from(error)) from None


# A JSON string (brackets in it are text; one left open runs to the end), or a character that
# opens, closes or separates lists and objects.
_PIECE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)|[\[\]{},:]')


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return f"regel {line}, kolom {column}"


def nesting_problem(text: str) -> Problem | None:
    """Lists and objects nested deeper than limits.NESTING, found by a scan of the text: the
    json parser itself recurses once per level, so it must not see such text. The problem
    names the field whose value nests too deep, and the line and column where it does."""
    # Per open list or object: its current index, or the (still encoded) key last read in it.
    open_: list[list] = []
    last = ""
    for match in _PIECE.finditer(text):
        piece = match.group()
        if piece[0] == '"':
            last = piece
        elif piece == ":" and open_:
            open_[-1][1] = last
        elif piece == "," and open_ and open_[-1][0] == "[":
            open_[-1][1] += 1
        elif piece in "[{":
            open_.append([piece, 0 if piece == "[" else ""])
            if len(open_) > limits.NESTING:
                return _too_deep(text, match.start(), open_[:-1])
        elif piece in "]}" and open_:
            open_.pop()
    return None


def _too_deep(text: str, offset: int, parents: list[list]) -> Problem:
    # The field is the last key; the list positions inside its value say nothing to a reader.
    while parents and parents[-1][0] == "[":
        parents = parents[:-1]
    path = []
    for kind, key in parents:
        if kind == "{":
            try:
                key = json.loads(key) if key else ""
            except ValueError:
                key = key.strip('"')
        if key != "":  # an object whose first key is still to come (not JSON anyway)
            path.append(str(key))
    return Problem(
        ".".join(path),
        f"Te diep genest: meer dan {limits.NESTING} lijsten en objecten in elkaar "
        f"({_position(text, offset)}).",
    )


def load_json(text: str | bytes) -> Any:
    """JSON text as data. Text that is not UTF-8 (or UTF-16/32, as json reads bytes), nests too
    deep or is no JSON is an AnswersError with one Problem; never a UnicodeDecodeError or
    RecursionError, which a view would turn into a server error."""
    if isinstance(text, bytes):
        try:
            text = text.decode(json.detect_encoding(text), "surrogatepass")
        except UnicodeDecodeError:
            raise AnswersError(
                [Problem("", "Geen geldige JSON: geen UTF-8-tekst. Sla het bestand op als UTF-8.")]
            ) from None
    if problem := nesting_problem(text):
        raise AnswersError([problem])
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise AnswersError(
            [
                Problem(
                    "",
                    f"Geen geldige JSON (regel {error.lineno}, kolom {error.colno}): {error.msg}.",
                )
            ]
        ) from None


def parse_answers_json(text: str | bytes) -> Answers:
    data = load_json(text)
    if not isinstance(data, dict):
        raise AnswersError([Problem("", "Verwacht een JSON-object met de antwoorden.")])
    return parse_answers(data)


def load_answers_file(path: Path) -> Answers:
    try:
        text = Path(path).read_bytes()
    except OSError as error:
        raise AnswersError([Problem("", f"Kan {path} niet lezen: {error.strerror}.")]) from None
    return parse_answers_json(text)
