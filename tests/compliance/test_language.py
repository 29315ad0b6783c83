"""R31, one language: an English version of a statement shows the organisation's English text
for every free text and no Dutch sentence; publication refuses it otherwise, even when
acknowledged, and names the field. The text rules read an English statement in English."""

import copy

import pytest

from generator.answers.loading import parse_answers
from generator.compliance.checker import check_text
from generator.compliance.text import plain_blocks
from generator.lib.dutch import dutch_sentences
from generator.statements.exports import (
    answers_in_language,
    statement_check,
    statement_document,
    statement_export,
)
from generator.statements.services import PublishRefused, organisation_create, statement_publish
from tests.compliance.test_rules import BASE
from tests.conftest import example_data
from tests.factories import MembershipFactory
from tests.statements.test_english import plain_text


def r31(report: dict) -> list[tuple[str, str | None]]:
    return [(f["severity"], f["path"]) for f in report["findings"] if f["rule"] == "R31"]


def test_every_example_in_english_has_no_dutch_sentence_and_nothing_blocking(slug):
    answers = parse_answers(example_data(slug))
    assert [lang.value for lang in answers.document.extra_languages] == ["en"]
    english = answers_in_language(answers, "en")
    text = plain_text(statement_export(english, fmt="html").decode())
    assert dutch_sentences(text) == []
    report = statement_check(answers)
    assert report["blocking"] == 0, [f["message_nl"] for f in report["findings"]]
    english_report = statement_check(english, statement_document(english))
    assert english_report["blocking"] == 0, [f["message_en"] for f in english_report["findings"]]


def without_english(slug: str, *path) -> dict:
    data = example_data(slug)
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = node[path[-1]]["nl"]
    return data


def test_a_text_without_its_english_version_blocks_at_its_field():
    answers = parse_answers(without_english("ipcall", "activities", 2, "purpose"))
    assert r31(statement_check(answers)) == [("E", "activities.2.purpose")]


def test_a_dutch_sentence_in_an_english_statement_is_found_also_as_the_main_language():
    data = without_english("qlinx", "activities", 0, "retention", "criterion")
    english = answers_in_language(parse_answers(data), "en")
    report = statement_check(english, statement_document(english), translations={})
    assert r31(report) == [("E", "activities.0.retention.criterion")]


def test_a_dutch_statement_has_no_r31_finding_without_another_language():
    data = copy.deepcopy(BASE)
    assert r31(statement_check(parse_answers(data))) == []


@pytest.mark.django_db
def test_publishing_refuses_a_missing_translation_even_when_acknowledged():
    data = without_english("facetalk", "activities", 1, "legitimate_interest")
    organisation = organisation_create(
        workspace=MembershipFactory().workspace, name="Qconferencing B.V.", answers=data
    )
    with pytest.raises(PublishRefused) as refused:
        statement_publish(statement=organisation.statement, user=None, acknowledge_blocking=True)
    assert [f["path"] for f in refused.value.findings] == ["activities.1.legitimate_interest"]
    assert not organisation.statement.versions.exists()


ENGLISH_GOOD = (
    "You may see your data: the right of access. You may have it corrected. You may have it "
    "erased. You may have its use restricted. We take no automated decisions. You can complain "
    "to the Autoriteit Persoonsgegevens. We e-mail you when this statement changes."
)


def english_rules(text: str, data: dict | None = None) -> set[str]:
    answers = parse_answers(data or BASE)
    return {f.rule for f in check_text(plain_blocks(text), answers, language="en")}


def test_a_good_english_text_passes_the_text_rules_read_in_english():
    assert english_rules(ENGLISH_GOOD) == set()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (ENGLISH_GOOD.replace("Autoriteit Persoonsgegevens", "regulator"), "R8"),
        (ENGLISH_GOOD.replace("You may have its use restricted. ", ""), "R7"),
        (ENGLISH_GOOD.replace("We take no automated decisions. ", ""), "R19"),
    ],
)
def test_each_english_text_rule_fails_on_its_text(text, rule):
    assert rule in english_rules(text)


def test_consent_and_direct_marketing_read_in_english():
    data = copy.deepcopy(BASE)
    data["activities"][0] |= {"legal_basis": "consent", "consent_withdrawal": "Via the link.",
                              "provision": "voluntary", "direct_marketing": True}  # fmt: skip
    assert {"R6", "R7"} <= english_rules(ENGLISH_GOOD, data)
    text = (
        ENGLISH_GOOD + " Withdrawing consent does not affect the lawfulness of earlier "
        "processing. You can always object to advertising."
    )
    assert not {"R6", "R7"} & english_rules(text, data)
    data["other"]["change_notice"] = []
    assert "R25" in english_rules(ENGLISH_GOOD + " Please check this page regularly.", data)
