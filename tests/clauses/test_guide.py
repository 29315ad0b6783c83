"""docs/clauses.md stays true: every variable a template gets is documented there."""

from pathlib import Path

from generator.answers.loading import parse_answers
from generator.clauses.rendering import variables_for

GUIDE = (Path(__file__).resolve().parents[2] / "docs" / "clauses.md").read_text()


def test_every_top_level_variable_and_helper_is_documented():
    names = variables_for(parse_answers({})).keys()
    missing = [name for name in names if f"`{name}" not in GUIDE]
    assert missing == []


def test_every_field_of_the_main_variables_is_documented():
    variables = variables_for(
        parse_answers(
            {"activities": [{"id": "a", "name": "A"}], "recipients": [{"id": "r", "name": "R"}]}
        )
    )
    fields = {
        *variables["org"],
        *variables["activities"][0],
        *variables["activities"][0]["retention"],
        *variables["recipients"][0],
        *variables["rights"],
        *variables["cookies"],
    }
    assert [field for field in sorted(fields) if f"`{field}`" not in GUIDE] == []
