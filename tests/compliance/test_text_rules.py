"""The text rules over our own Documents and over any statement as plain text, including the
original statements of the examples, which fail what avg-checklist.md (c) says they fail."""

from pathlib import Path

import pytest

from generator.answers.loading import parse_answers
from generator.compliance.checker import check_plain_text, check_statement, check_text
from generator.compliance.text import Block, plain_blocks
from generator.statements.exports import statement_document
from tests.compliance.test_rules import BASE
from tests.conftest import EXAMPLE_SLUGS, ROOT, load_example

ORIGINALS = ROOT.parent / "shared" / "examples"


def rules(findings) -> set[str]:
    return {f.rule for f in findings}


def text_rules(text: str, answers_data: dict | None = None) -> set[str]:
    answers = parse_answers(answers_data) if answers_data is not None else None
    return rules(check_text(plain_blocks(text), answers))


GOOD = (
    "U mag uw gegevens zien. Dat is inzage. U mag ze laten verbeteren. U mag ze laten wissen. "
    "U mag het gebruik laten beperken. Een mens kijkt altijd mee: geen geautomatiseerde besluiten. "
    "Een klacht? Ga naar de Autoriteit Persoonsgegevens. Wij mailen u als er iets verandert."
)


def test_a_good_text_passes_the_text_rules():
    assert text_rules(GOOD, BASE) == set()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (GOOD.replace("Autoriteit Persoonsgegevens", "toezichthouder"), "R8"),
        (GOOD.replace("U mag het gebruik laten beperken. ", ""), "R7"),
        (GOOD.replace(": geen geautomatiseerde besluiten", ""), "R19"),
        (GOOD + " Kijk regelmatig op deze pagina.", "R25"),
        (GOOD + " Wij raden u aan deze verklaring regelmatig te bekijken.", "R25"),
        (GOOD + " Wij sluiten een bewerkersovereenkomst.", "R26"),
        (GOOD + " Dit volgt uit de Wet bescherming persoonsgegevens.", "R26"),
        (GOOD + " Google is aangesloten bij het Privacy Shield.", "R26"),
        (GOOD + " " + " ".join(["woord"] * 30) + ".", "R28"),
    ],
)
def test_each_text_rule_fails_on_its_text(text, rule):
    assert rule in text_rules(text)


def test_check_regularly_is_fine_when_changes_are_also_announced_actively():
    assert "R25" not in text_rules(GOOD + " Kijk regelmatig op deze pagina.", BASE)


def test_consent_needs_the_sentence_about_earlier_processing():
    data = {
        **BASE,
        "activities": [
            {
                **BASE["activities"][0],
                "legal_basis": "consent",
                "consent_withdrawal": "Via de link.",
            }
        ],
    }
    assert "R6" in text_rules(GOOD, data)
    assert "R6" not in text_rules(
        GOOD + " Intrekken doet geen afbreuk aan de rechtmatigheid van eerdere verwerking.", data
    )


def test_direct_marketing_needs_a_highlighted_objection_clause():
    data = {**BASE, "activities": [{**BASE["activities"][0], "direct_marketing": True}]}
    assert "R7" in text_rules(GOOD, data)
    assert "R7" not in rules(
        check_text(
            [*plain_blocks(GOOD), Block("", "text", "Bezwaar tegen reclame kan altijd.")],
            parse_answers(data),
        )
    )


def test_vague_words_in_purposes_are_flagged_at_the_field():
    data = {
        **BASE,
        "activities": [{**BASE["activities"][0], "purpose": "Eventueel nieuws sturen."}],
    }
    found = [f for f in check_text(plain_blocks(GOOD), parse_answers(data)) if f.rule == "R27"]
    assert [(f.path, f.excerpt) for f in found] == [
        ("activities.0.purpose", "Eventueel nieuws sturen.")
    ]


@pytest.mark.parametrize(
    ("purpose", "vague"),
    [
        ("Een account aanmaken, zodat klanten kunnen inloggen.", False),  # what a person can do
        ("Vragen beantwoorden die u ons kunt sturen.", False),
        ("Wij kunnen gegevens aan partners geven.", True),  # what the organisation may do
        ("Gegevens kunnen worden gedeeld.", True),
    ],
)
def test_kunnen_is_vague_only_when_it_is_not_about_what_a_person_can_do(purpose, vague):
    data = {**BASE, "activities": [{**BASE["activities"][0], "purpose": purpose}]}
    found = [f for f in check_text(plain_blocks(GOOD), parse_answers(data)) if f.rule == "R27"]
    assert bool(found) is vague


def test_a_missing_date_or_change_notice_blocks():
    assert "R25" in text_rules(GOOD, {**BASE, "document": {}})
    assert "R25" in text_rules(GOOD, {**BASE, "other": {}})


@pytest.mark.parametrize("register", ["formal", "informal"])
def test_every_example_has_no_blocking_finding(slug, register):
    answers = load_example(slug)
    report = check_statement(answers, statement_document(answers, register=register))
    assert report.blocking == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "000_83c199a9f93af3e3.txt",
            {"R26", "R28", "R7"},
        ),  # Wbp and "bewerker"; no restriction right
        ("001_6414ead409b9e226.txt", {"R25", "R28", "R19"}),  # "kijk regelmatig"
        (
            "004_667db3f3e1950810.txt",
            {"R25", "R28", "R19", "R8"},
        ),  # "regelmatig te bekijken"; "AP" only
    ],
)
def test_the_original_statements_fail_the_rules_they_should(name, expected):
    path = ORIGINALS / name
    if not path.exists():
        pytest.skip(f"{path} is not beside the project (shared/ is there in CI)")
    assert rules(check_plain_text(path.read_text()).findings) == expected


def test_every_example_slug_is_checked():
    assert len(EXAMPLE_SLUGS) == 3 and Path(ORIGINALS).name == "examples"
