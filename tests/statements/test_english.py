"""English: the same answers as an English statement, from the English clause set."""

import json
import re

import pytest

from generator.answers.loading import parse_answers
from generator.clauses.files import default_clauses
from generator.clauses.services import clause_validate
from generator.documents.document import plain_text
from generator.statements.exports import statement_export
from tests.conftest import EXAMPLES_DIR, example_data, example_facts, fold

ENGLISH = json.loads((EXAMPLES_DIR / "facts.en.json").read_text())["facts"]


def english(slug: str):
    data = example_data(slug)
    data["document"]["language"] = "en"
    return parse_answers(data)


def test_every_example_renders_in_english_with_all_its_facts(slug):
    text = fold(plain_text(statement_export(english(slug), fmt="html").decode()))
    missing = [
        name
        for name, patterns in example_facts(slug)
        if not any(re.search(p, text, re.IGNORECASE) for p in ENGLISH.get(name, patterns))
    ]
    assert missing == []


def test_the_english_clauses_write_english_not_dutch(slug):
    text = fold(plain_text(statement_export(english(slug), fmt="html").decode()))
    assert "Your rights" in text and "Who we share data with" in text
    for dutch in ("Jouw rechten", "Uw rechten", "Welke gegevens wij gebruiken", "bewaartermijn:"):
        assert dutch not in text
    assert "Article 6(1)(b) GDPR" in text and "Version" in text


@pytest.mark.parametrize("spec", default_clauses("en"), ids=lambda s: s.key)
def test_every_english_clause_validates_like_an_admin_edit(spec):
    assert clause_validate(spec) == []


def test_both_clause_sets_have_the_same_sections():
    assert [s.key for s in default_clauses("en")] == [s.key for s in default_clauses("nl")]


def test_the_command_renders_english(tmp_path):
    from django.core.management import call_command

    output = tmp_path / "en.md"
    call_command(
        "render_statement",
        str(EXAMPLES_DIR / "qlinx.json"),
        "--format",
        "md",
        "--language",
        "en",
        "--output",
        str(output),
    )
    assert "## Your rights" in output.read_text()
