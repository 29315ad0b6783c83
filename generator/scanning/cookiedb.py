"""The vendored Open Cookie Database (data/README.md) and our Dutch purposes for it, read once.

Its Domain column says where the provider lives more often than where the cookie is set:
`_fbp` is listed as "facebook.com (3rd party)" and is set on the site's own domain by the
pixel. So a domain there is matched against the cookie's domain and against the hosts the
scanned pages contacted (matching.py).
"""

import csv
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
DATABASE = DATA / "open-cookie-database.csv"
PURPOSES = DATA / "purposes_nl.json"
COLUMNS = (
    "ID",
    "Platform",
    "Category",
    "Cookie / Data Key name",
    "Domain",
    "Description",
    "Retention period",
    "Data Controller",
    "User Privacy & GDPR Rights Portals",
    "Wildcard match",
)
# Its categories in ours (generator.answers.choices.CookieCategory). Strictly necessary and
# security cookies need no consent (Tw 11.7a(3)), which is what "functional" means here.
CATEGORIES = {
    "functional": "functional",
    "necessary": "functional",
    "security": "functional",
    "personalization": "preferences",
    "analytics": "analytics",
    "marketing": "marketing",
}


class DatabaseError(ValueError):
    """A cookie database file that cannot be used, with the row and column at fault."""


@dataclass(frozen=True)
class Entry:
    id: str
    platform: str
    category: str  # ours
    name: str
    domains: tuple[str, ...]
    description: str  # English, never shown in a statement
    retention: str
    controller: str
    prefix: bool  # the name is a prefix (Wildcard match 1)
    purpose_nl: str | None


def domains(text: str) -> tuple[str, ...]:
    """ "facebook.com (3rd party)", ".bing.com (3rd party) or .microsoft.com (3rd party)" → the
    bare domains."""
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    found = []
    for part in re.split(r"\s+or\s+|[,;/\s]+", text):
        part = part.strip().strip(".")
        if "." in part and re.fullmatch(r"[a-z0-9.-]+", part):
            found.append(part)
    return tuple(dict.fromkeys(found))


def parse(rows: list[dict], purposes: dict, where: str = "open-cookie-database.csv") -> list:
    entries = []
    for number, row in enumerate(rows, start=2):
        missing = [column for column in COLUMNS if row.get(column) is None]
        if missing:
            raise DatabaseError(f"{where}: regel {number}: kolom {missing[0]!r} ontbreekt.")
        category = CATEGORIES.get(row["Category"].strip().lower())
        if category is None:
            raise DatabaseError(
                f"{where}: regel {number}, kolom 'Category': onbekende soort {row['Category']!r}."
            )
        name = row["Cookie / Data Key name"].strip()
        if not name or not row["ID"].strip():
            raise DatabaseError(f"{where}: regel {number}: naam of ID ontbreekt.")
        entries.append(
            Entry(
                id=row["ID"].strip(),
                platform=row["Platform"].strip(),
                category=category,
                name=name,
                domains=domains(row["Domain"]),
                description=row["Description"].strip(),
                retention=row["Retention period"].strip(),
                controller=row["Data Controller"].strip(),
                prefix=row["Wildcard match"].strip() == "1",
                purpose_nl=(purposes.get(row["ID"].strip()) or {}).get("purpose"),
            )
        )
    return entries


def read(path: Path = DATABASE, purposes_path: Path = PURPOSES) -> list[Entry]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        absent = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
        if absent:
            raise DatabaseError(f"{path.name}: kolom {absent[0]!r} ontbreekt in de kopregel.")
        rows = list(reader)
    purposes = (
        json.loads(purposes_path.read_text(encoding="utf-8")) if purposes_path.exists() else {}
    )
    return parse(rows, purposes, path.name)


@functools.cache
def entries() -> tuple[Entry, ...]:
    return tuple(read())
