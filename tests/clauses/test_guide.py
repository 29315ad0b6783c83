"""docs/clauses.md is generated from the code and documents every variable templates get."""

from generator.answers.loading import parse_answers
from generator.clauses.docs import clauses_markdown, undocumented
from generator.clauses.rendering import variables_for
from tests.conftest import ROOT


def test_every_variable_has_a_description():
    assert undocumented() == []


def test_every_helper_is_in_the_guide():
    guide = clauses_markdown()
    for name in variables_for(parse_answers({})):
        assert f"`{name}" in guide, name


def test_the_committed_guide_is_up_to_date():
    assert (ROOT / "docs" / "clauses.md").read_text() == clauses_markdown(), "run `make docs`"


def test_an_undocumented_variable_would_be_caught(monkeypatch):
    from generator.clauses import docs

    monkeypatch.setitem(
        docs.SHAPES,
        "retention",
        {k: v for k, v in docs.SHAPES["retention"].items() if k != "trigger"},
    )
    assert "activities[].retention.trigger" in docs.undocumented()
