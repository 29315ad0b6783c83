"""Validation remembers what it accepted (services._accepted): an identical clause text is
accepted again without a child process; a refusal, a changed text or changed caps are always
validated again."""

import pytest

from generator.clauses import rendering, services
from generator.clauses.files import ClauseSpec, default_clauses


@pytest.fixture
def children(monkeypatch):
    """The clauses sent to a child process, per call."""
    monkeypatch.setattr(services, "_accepted", set())
    calls: list[list[str]] = []
    real = services._validate_isolated

    def counted(specs):
        calls.append([spec.key for spec in specs])
        return real(specs)

    monkeypatch.setattr(services, "_validate_isolated", counted)
    return calls


def clause(body: str, key: str = "proef") -> ClauseSpec:
    return ClauseSpec(key, "nl", "Proef", 500, "true", body, "")


def test_an_accepted_text_is_accepted_again_without_a_child(children):
    defaults = default_clauses("nl")
    assert all(found == [] for found in services.clauses_validate(defaults))
    assert all(found == [] for found in services.clauses_validate(defaults))
    assert services.clause_validate(defaults[0]) == []
    assert children == [[spec.key for spec in defaults]]


def test_only_the_new_texts_of_a_batch_go_to_a_child(children):
    accepted = clause("<p>Goed.</p>")
    assert services.clause_validate(accepted) == []
    first, second = services.clauses_validate([accepted, clause("<p>Ook goed.</p>", "tweede")])
    assert first == second == []
    assert children == [["proef"], ["tweede"]]


def test_a_refusal_is_worked_out_every_time(children):
    refused = clause("<p>{{ onbekend.veld }}</p>")
    assert services.clause_validate(refused)
    assert services.clause_validate(refused)
    assert children == [["proef"], ["proef"]]


def test_other_caps_validate_again(children, monkeypatch):
    accepted = clause("<p>{{ 'ab' * 3 }}</p>")
    assert services.clause_validate(accepted) == []
    monkeypatch.setattr(rendering, "MAX_REPEAT_CHARS", 2)
    assert services.clause_validate(accepted)
    assert len(children) == 2
