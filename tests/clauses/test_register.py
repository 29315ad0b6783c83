"""One template set, two registers (design.md, "Clauses").

For every example in both registers: the text the clauses write contains no "je/jij/jouw/jou"
when formal and no "u/uw" when informal. The example's own free text (purposes, names) is
written in the example's register, so it is taken out before checking the other register;
in the example's own register the whole text must pass.
"""

import re

import pytest

from generator.answers.loading import parse_answers
from generator.clauses.files import default_clauses
from generator.clauses.rendering import build_document
from tests.clauses.helpers import full_text
from tests.conftest import example_data, fold

FORBIDDEN = {
    "formal": re.compile(r"\b(je|jij|jouw|jou)\b", re.IGNORECASE),
    "informal": re.compile(r"\b(u|uw)\b", re.IGNORECASE),
}


def free_text(value) -> list[str]:
    """Every string a person typed into the answers."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in free_text(v)]
    if isinstance(value, list):
        return [s for v in value for s in free_text(v)]
    return []


def offending(text: str, register: str) -> list[str]:
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in FORBIDDEN[register].finditer(text)]


@pytest.mark.parametrize("register", ["formal", "informal"])
def test_the_clauses_keep_to_the_register_for_every_example(slug, register):
    data = example_data(slug)
    text = full_text(build_document(parse_answers(data), default_clauses("nl"), register))
    if register != data["document"]["register"]:
        for typed in sorted(free_text(data), key=len, reverse=True):
            text = text.replace(fold(typed), " ")
    assert offending(text, register) == []


def test_each_example_in_its_own_register_is_clean_including_its_answers(slug):
    data = example_data(slug)
    register = data["document"]["register"]
    text = full_text(build_document(parse_answers(data), default_clauses("nl")))
    assert offending(text, register) == []


def test_the_register_check_would_catch_a_slip():
    assert offending("Wij bewaren uw gegevens.", "informal") == ["Wij bewaren uw gegevens."]
    assert offending("Stuur jouw verzoek.", "formal") == ["Stuur jouw verzoek."]
    assert offending("Wij vragen je naam niet; u bent anoniem.", "formal") != []


def test_the_register_argument_overrides_the_answers(minimal_data):
    data = minimal_data | {"document": {"register": "formal"}}
    informal = full_text(build_document(parse_answers(data), default_clauses("nl"), "informal"))
    assert "Jouw rechten" in informal and "Uw rechten" not in informal
