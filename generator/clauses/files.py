"""Clause files: the default clause set in git, one file per section per language.

A file is a small header, a line of three dashes, and the Jinja2 body:

    key: rechten
    title: {{ r("Uw rechten", "Jouw rechten") }}
    order: 120
    condition: true
    ---
    <p>...</p>

`title` is itself a template (so it can follow the register); `condition` is a Jinja2
expression over the same variables as the body.
"""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULTS_DIR = Path(__file__).resolve().parent / "defaults"
_HEADER_FIELDS = ("key", "title", "order", "condition")
_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,49}$")


class ClauseFileError(ValueError):
    pass


@dataclass(frozen=True)
class ClauseSpec:
    """One clause as the renderer needs it; files now, database revisions later."""

    key: str
    language: str
    title: str
    order: int
    condition: str
    body: str
    revision: str  # a stable identifier of this exact text

    @staticmethod
    def revision_of(*parts: str) -> str:
        return "sha256:" + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:16]


def parse_clause(text: str, language: str, origin: str = "<clause>") -> ClauseSpec:
    header, separator, body = text.partition("\n---\n")
    if not separator:
        raise ClauseFileError(f"{origin}: de kop moet eindigen met een regel '---'")
    fields: dict[str, str] = {}
    for number, line in enumerate(header.splitlines(), start=1):
        if not line.strip():
            continue
        name, colon, value = line.partition(":")
        name = name.strip()
        if not colon or name not in _HEADER_FIELDS:
            raise ClauseFileError(f"{origin}, regel {number}: onbekend kopveld {name!r}")
        fields[name] = value.strip()
    missing = [name for name in _HEADER_FIELDS if name not in fields]
    if missing:
        raise ClauseFileError(f"{origin}: kopvelden ontbreken: {', '.join(missing)}")
    if not _KEY_RE.match(fields["key"]):
        raise ClauseFileError(f"{origin}: key {fields['key']!r} mag alleen a-z, 0-9 en - bevatten")
    try:
        order = int(fields["order"])
    except ValueError:
        raise ClauseFileError(f"{origin}: order moet een geheel getal zijn") from None
    return ClauseSpec(
        key=fields["key"],
        language=language,
        title=fields["title"],
        order=order,
        condition=fields["condition"],
        body=body,
        revision=ClauseSpec.revision_of(fields["title"], fields["condition"], body),
    )


def load_clause_dir(directory: Path, language: str) -> list[ClauseSpec]:
    specs = [
        parse_clause(path.read_text(encoding="utf-8"), language, origin=path.name)
        for path in sorted(directory.glob("*.html"))
    ]
    keys = [spec.key for spec in specs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ClauseFileError(f"{directory}: dubbele keys: {', '.join(duplicates)}")
    return sorted(specs, key=lambda spec: (spec.order, spec.key))


def default_clauses(language: str) -> list[ClauseSpec]:
    directory = DEFAULTS_DIR / language
    if not directory.is_dir():
        raise ClauseFileError(f"Er zijn geen standaardclausules voor taal {language!r}")
    return load_clause_dir(directory, language)
