"""Flesch-Douma and Brouwer as avg-checklist.md (d) defines them."""

import pytest

from generator.compliance import readability as r
from generator.compliance.checker import readability_by_section
from generator.compliance.text import plain_blocks
from generator.statements.exports import statement_document
from tests.compliance.test_text_rules import ORIGINALS
from tests.conftest import load_example


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("ideeën", 3),
        ("verwerkersovereenkomst", 7),
        ("de", 1),
        ("bijzonder", 3),
        ("één", 1),
        ("AVG", 1),
        ("privacyverklaring", 6),
    ],
)
def test_syllables_are_vowel_groups_with_ij_as_one_and_diaeresis_splitting(word, count):
    assert r.syllables(word) == count


def test_the_formulas():
    score = r.score_blocks(["De kat zit op de mat."])
    assert (score.sentences, score.words, score.syllables) == (1, 6, 6)
    assert score.flesch_douma == pytest.approx(206.835 - 0.93 * 6 - 77 * 1)
    assert score.brouwer == pytest.approx(195 - 2 * 6 - 66.7 * 1)


def test_headings_and_list_items_are_sentences_and_urls_are_not_words():
    score = r.score_blocks(
        ["Uw rechten", "Mail naar info@voorbeeld.nl of ga naar https://voorbeeld.nl/privacy."]
    )
    assert score.sentences == 2 and score.words == 2 + 5  # Mail naar of ga naar


@pytest.mark.parametrize(
    ("name", "douma", "brouwer"),
    [
        ("000_83c199a9f93af3e3.txt", 44, 38),
        ("001_6414ead409b9e226.txt", 53, 52),
        ("004_667db3f3e1950810.txt", 52, 46),
    ],
)
def test_the_scores_of_the_originals_match_the_research(name, douma, brouwer):
    path = ORIGINALS / name
    if not path.exists():
        pytest.skip("shared/ is not beside the project")
    score = r.score_blocks([b.text for b in plain_blocks(path.read_text())])
    assert score.flesch_douma == pytest.approx(douma, abs=1.5)
    assert score.brouwer == pytest.approx(brouwer, abs=1.5)


@pytest.mark.parametrize("register", ["formal", "informal"])
def test_the_default_clauses_score_at_least_60_for_every_example(slug, register):
    overall, sections = readability_by_section(
        statement_document(load_example(slug), register=register)
    )
    assert overall.flesch_douma >= r.FD_MINIMUM
    assert overall.brouwer >= r.BROUWER_MINIMUM
    assert overall.long_share <= r.LONG_SHARE_MAXIMUM
    assert set(sections) >= {"rechten", "contact"}


def test_an_address_before_a_closing_bracket_still_ends_its_sentence():
    # The address pattern used to swallow ")." and merge the next sentence into this one.
    text = "Vul het formulier in (https://voorbeeld.nl/a). Dan sturen wij binnen een week antwoord."
    assert r.sentences(text) == [
        "Vul het formulier in ( ).",
        "Dan sturen wij binnen een week antwoord.",
    ]
    assert r.score_blocks([text]).longest(1)[0][0] == 7
