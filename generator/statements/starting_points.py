"""Starting points: what a kind of small organisation typically does with personal data, as
draft answers to begin the wizard with (issue 16, part 3). Each file in starters/ holds a
title and a description in both UI languages and a partial answers object in the shape of
docs/answers.md: activities with their legal basis and retention (with its legal source where
a law sets it), typical processors (from the catalog where it has them) and the usual rights
and security answers. tests/statements/test_starting_points.py proves that each, with only the
organisation's identity added, gives a statement without blocking findings."""

import copy
import datetime
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.answers.loading import parse_answers

FOLDER = Path(__file__).resolve().parent / "starters"
# The order of the list on the "Nieuwe organisatie" page: the most common first.
ORDER = ["kapsalon", "webshop", "zorgpraktijk", "app", "vereniging", "zzp", "horeca", "bouw"]


@dataclass(frozen=True)
class StartingPoint:
    key: str
    title: dict[str, str]
    description: dict[str, str]
    answers: dict

    def label(self, language: str) -> str:
        return f"{self.title[language]}: {self.description[language][:1].lower()}{self.description[language][1:]}"


@cache
def starting_points() -> dict[str, StartingPoint]:
    found = {}
    for key in ORDER:
        data = json.loads((FOLDER / f"{key}.json").read_text(encoding="utf-8"))
        # A starting point that does not validate is a bug of ours, found at start-up of the
        # first request that lists them, not when a user picks it.
        parse_answers(data["answers"])
        found[key] = StartingPoint(key, data["title"], data["description"], data["answers"])
    return found


def starting_answers(key: str, *, name: str, today: datetime.date) -> dict:
    """The starting point's answers for a new organisation called `name`, dated today (the
    user changes the date in the Document step)."""
    answers = copy.deepcopy(starting_points()[key].answers)
    answers.setdefault("controller", {})["legal_name"] = name
    for service in answers.get("services", []):
        # "{naam}": the website or app goes by the organisation's name until the user names it.
        service["name"] = service["name"].replace("{naam}", name)
    answers.setdefault("document", {})["effective_date"] = today.isoformat()
    return answers
