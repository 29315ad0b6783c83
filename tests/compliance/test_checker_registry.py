"""What the checker is made of, apart from the rules' own cases (test_rules.py): every rule of
avg-checklist.md (b) is registered, the adequacy list is one dated data file, and the committed
docs/checker.md matches the registry."""

from generator.compliance import config
from generator.compliance.docs import rules_markdown
from generator.compliance.findings import RULES, TEXT_RULES
from tests.conftest import ROOT


def test_every_rule_of_the_checklist_is_implemented():
    assert {f"R{n}" for n in range(1, 30)} <= set(RULES) | set(TEXT_RULES)


def test_the_adequacy_list_lives_in_one_dated_data_file():
    assert config.adequacy()["as_of"] and "CH" in config.adequacy_countries()
    assert "US" not in config.adequacy_countries() and config.dpf()["country"] == "US"


def test_the_committed_checker_docs_list_every_rule():
    assert (ROOT / "docs" / "checker.md").read_text() == rules_markdown(), "run `make docs`"
