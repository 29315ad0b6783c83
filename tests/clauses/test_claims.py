"""No claim without an answer (design.md): every claim in generator/clauses/claims.py appears
when its answer is given, and is gone from its clause when that answer is removed, in Dutch in
both registers and in English."""

import copy
import re

import pytest

from generator.answers.loading import parse_answers
from generator.clauses.claims import CLAIMS
from generator.clauses.files import default_clauses
from generator.clauses.rendering import build_document
from generator.documents.document import plain_text
from tests.clauses.claims import FIXTURES
from tests.conftest import fold

CASES = [("nl", "formal"), ("nl", "informal"), ("en", "formal")]


def without(data, path: str):
    """The answers with `path` removed ("activities[].sources": from every activity)."""
    data = copy.deepcopy(data)
    head, _, rest = path.partition(".")
    name = head.removesuffix("[]")
    if head.endswith("[]"):
        data[name] = [without(item, rest) for item in data.get(name, [])]
    elif not rest:
        data.pop(name, None)
    elif name in data:
        data[name] = without(data[name], rest)
    return data


def clause_text(data: dict, language: str, register: str, key: str) -> str:
    data = copy.deepcopy(data)
    data["document"]["language"] = language
    document = build_document(parse_answers(data), default_clauses(language), register)
    sections = [s for s in document.sections if s.key == key]
    return fold(" ".join(plain_text(s.html) for s in sections))


@pytest.mark.parametrize(("language", "register"), CASES)
@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: f"{c.clause}:{c.says[:40]}")
def test_a_claim_is_made_only_when_its_answer_is_given(claim, language, register):
    data = FIXTURES[claim.fixture]
    pattern = re.compile(claim.phrase[language], re.IGNORECASE)
    assert pattern.search(clause_text(data, language, register, claim.clause)), "not made"
    for field in claim.fields:
        data = without(data, field)
    assert not pattern.search(clause_text(data, language, register, claim.clause)), "unsupported"


def test_removing_a_field_reaches_every_item_of_a_list():
    data = {"activities": [{"id": "a", "retention": {"fiscal": True}}, {"id": "b"}]}
    assert without(data, "activities[].retention.fiscal") == {
        "activities": [{"id": "a", "retention": {}}, {"id": "b"}]
    }
    assert without({"other": {"sells_data": False}}, "other.sells_data") == {"other": {}}


def test_every_clause_with_a_claim_exists():
    keys = {spec.key for spec in default_clauses("nl")}
    assert {claim.clause for claim in CLAIMS} <= keys
