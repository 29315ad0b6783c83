import json
import re
from pathlib import Path

import pytest

from generator.answers.loading import load_answers_file
from generator.answers.schema import Answers

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "docs" / "examples"
EXAMPLE_SLUGS = sorted(p.stem for p in EXAMPLES_DIR.glob("*.json") if "." not in p.stem)


def load_example(slug: str) -> Answers:
    return load_answers_file(EXAMPLES_DIR / f"{slug}.json")


def example_data(slug: str) -> dict:
    return json.loads((EXAMPLES_DIR / f"{slug}.json").read_text())


def dutch_only(data):
    """Answers as someone writes them who has not chosen English: every free text its Dutch
    version only, and no other language."""
    if isinstance(data, dict) and set(data) == {"nl", "en"}:
        return data["nl"]
    if isinstance(data, dict):
        result = {key: dutch_only(value) for key, value in data.items()}
        if "extra_languages" in result:
            result["extra_languages"] = []
        return result
    if isinstance(data, list):
        return [dutch_only(item) for item in data]
    return data


def example_facts(slug: str) -> list[tuple[str, list[str]]]:
    return [
        tuple(fact)
        for fact in json.loads((EXAMPLES_DIR / f"{slug}.facts.json").read_text())["facts"]
    ]


def fold(text: str) -> str:
    """Whitespace folded, as the facts files' `how` line prescribes."""
    return re.sub(r"\s+", " ", text).strip()


def missing_facts(slug: str, text: str) -> list[str]:
    text = fold(text)
    return [
        name
        for name, patterns in example_facts(slug)
        if not any(re.search(pattern, text, re.IGNORECASE) for pattern in patterns)
    ]


@pytest.fixture(autouse=True)
def _clause_library(db):
    """Statements are rendered from the clause library in the database (empty in tests, so the
    default files are used, as on a fresh checkout); every test may therefore touch it."""


@pytest.fixture(autouse=True)
def _empty_media_storage(settings):
    """Every test starts with an empty media storage (the PDF cache and the exports live there):
    setting STORAGES again makes Django build a new in-memory storage."""
    settings.STORAGES = {**settings.STORAGES}


@pytest.fixture(params=EXAMPLE_SLUGS)
def slug(request) -> str:
    return request.param


@pytest.fixture
def minimal_data() -> dict:
    """The smallest answers a statement can be made from; tests add what they exercise."""
    return {
        "document": {"effective_date": "2026-01-01", "register": "formal"},
        "controller": {
            "legal_name": "Voorbeeld B.V.",
            "street": "Dorpsstraat 1",
            "postcode": "1234 AB",
            "city": "Ergens",
            "email": "privacy@voorbeeld.nl",
        },
    }


def form_login(client, username: str, password: str) -> bool:
    """Log in through the login page, as a browser does (django-axes needs the request that
    Client.login does not pass)."""
    from django.urls import reverse

    response = client.post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302


# The clause editor (a member of "Clausebeheerders", not a superuser) and a clause to edit.
@pytest.fixture
def editor():
    from django.contrib.auth.models import Group

    from generator.clauses.models import EDITORS_GROUP
    from tests.factories import UserFactory

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def klacht():
    from generator.clauses.models import ClauseTemplate
    from generator.clauses.services import load_default_clauses

    load_default_clauses()
    return ClauseTemplate.objects.get(key="klacht", language="nl")
