from pathlib import Path

from generator.answers.docs import schema_json, schema_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_committed_json_schema_matches_the_model():
    assert (DOCS / "answers.schema.json").read_text() == schema_json(), "run `make docs`"


def test_the_committed_answers_guide_matches_the_model():
    assert (DOCS / "answers.md").read_text() == schema_markdown(), "run `make docs`"


def test_the_guide_documents_every_section_of_the_answers():
    text = schema_markdown()
    for section in ("## Controller", "## Activity", "## Recipient", "## Cookie", "## Rights"):
        assert section in text
    assert "| `legal_basis` |" in text
