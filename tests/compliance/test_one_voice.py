"""R30, one voice: the other register's words in the organisation's free text are found with
their field, refused at publication (not acknowledged away), and found in a clause too."""

import copy

import pytest

from generator.answers.free_text import free_texts
from generator.answers.loading import parse_answers
from generator.clauses.files import ClauseSpec, default_clauses
from generator.clauses.rendering import build_document
from generator.compliance.checker import check_answers, check_plain_text, check_statement
from generator.lib.dutch import register_slips
from tests.clauses.claims import FULL


@pytest.mark.parametrize(
    ("text", "register", "words"),
    [
        ("Zonder deze gegevens kun je FaceTalk niet gebruiken.", "formal", ["kun je"]),
        ("Wij sturen jullie en jou een e-mail over jouw bestelling.", "formal",
         ["jullie", "jou", "jouw"]),
        ("in de locatie-instellingen van uw telefoon; heeft u vragen?", "informal",
         ["uw", "heeft u"]),
        ("Wij zijn open van 9.00 u tot 17.00 u; zie de U-bocht en info@uw-zaak.nl.", "informal",
         []),
        ("Zie https://je.nl/jouw-pagina of mail naar je@voorbeeld.nl.", "formal", []),
        ("Wij bewaren de gegevens van de klant zes maanden.", "formal", []),
        ("Wij bewaren de gegevens van de klant zes maanden.", "informal", []),
    ],
)  # fmt: skip
def test_the_other_registers_words_are_found_with_their_verb(text, register, words):
    assert [slip.phrase for slip in register_slips(text, register)] == words


def test_every_free_text_field_is_walked_and_proper_names_are_not():
    paths = dict(free_texts(parse_answers(FULL)))
    for path in (
        "activities.0.purpose",
        "activities.0.legitimate_interest",
        "activities.0.retention.trigger",
        "activities.1.provision_consequence",
        "activities.0.name",
        "cookies.items.0.purpose",
        "cookies.items.0.duration",
        "security.other.0",
        "activities.1.legal_obligation",
        # A recipient is often described, not named ("onze accountant"): it has languages.
        "recipients.1.name",
    ):
        assert path in paths, path
    assert not {"controller.legal_name", "services.0.name", "cookies.items.0.name"} & set(paths)


def with_purpose(purpose: str, register: str = "formal") -> dict:
    data = copy.deepcopy(FULL)
    data["document"]["register"] = register
    data["activities"][0]["purpose"] = purpose
    return data


def test_a_je_in_a_purpose_of_a_formal_statement_is_refused_at_its_field():
    [finding] = [f for f in check_answers(parse_answers(with_purpose("Je vragen beantwoorden.")))
                 if f.rule == "R30"]  # fmt: skip
    assert finding.path == "activities.0.purpose" and finding.blocking
    assert not finding.overridable  # no acknowledgement publishes it
    assert "'Je' past niet in een verklaring die de lezer met 'u' aanspreekt" in finding.message_nl
    assert finding.excerpt == "Je vragen beantwoorden."
    assert finding.message_en.startswith("'Je' does not fit")


def test_the_same_text_is_fine_in_the_register_it_was_written_in():
    data = with_purpose("Je vragen beantwoorden.", register="informal")
    assert "R30" not in {f.rule for f in check_answers(parse_answers(data))}


def test_english_statements_are_not_judged_on_dutch_pronouns():
    data = with_purpose("Je vragen beantwoorden.")
    data["document"]["language"] = "en"
    assert "R30" not in {f.rule for f in check_answers(parse_answers(data))}


def test_the_register_the_statement_is_rendered_in_is_the_one_judged():
    answers = parse_answers(with_purpose("Uw vragen beantwoorden."))
    document = build_document(answers, default_clauses("nl"), "informal")
    findings = [f for f in check_statement(answers, document).findings if f.rule == "R30"]
    assert [f.path for f in findings] == ["activities.0.purpose"]


def test_a_clause_written_in_the_wrong_register_is_found_in_the_text():
    clause = ClauseSpec(
        key="extra",
        language="nl",
        title="Extra",
        order=500,
        condition="true",
        body="<p>Wij helpen je graag.</p>",
        revision="test",
    )
    answers = parse_answers(FULL)
    document = build_document(answers, [*default_clauses("nl"), clause])
    [finding] = [f for f in check_statement(answers, document).findings if f.rule == "R30"]
    assert (
        finding.path is None and not finding.overridable and "1 zulke woorden" in finding.message_nl
    )


def test_a_plain_text_statement_that_mixes_both_is_found():
    mixed = "Wij gebruiken uw gegevens. U kunt bezwaar maken. Stuur je verzoek naar ons."
    assert "R30" in {f.rule for f in check_plain_text(mixed).findings}
    assert "R30" not in {f.rule for f in check_plain_text("Wij gebruiken uw gegevens.").findings}
