"""Free text has languages (design.md): a free text is a string or {"nl": …, "en": …}; the
statement in a language reads that language's version, a bare duration is written in any
language, and what still needs a translation is listed with its path (R31)."""

import copy

import pytest

from generator.answers.free_text import in_language, missing_translations
from generator.answers.loading import AnswersError, parse_answers
from generator.answers.types import LocalText, text_of
from tests.compliance.test_rules import BASE


def with_purpose(purpose) -> dict:
    data = copy.deepcopy(BASE)
    data["activities"][0]["purpose"] = purpose
    return data


def test_a_plain_string_has_no_versions_and_a_mapping_has_both():
    plain = parse_answers(with_purpose("Bestellingen leveren.")).activities[0].purpose
    both = (
        parse_answers(with_purpose({"nl": "Bestellingen leveren.", "en": "Delivering orders."}))
        .activities[0]
        .purpose
    )
    assert isinstance(plain, LocalText) and not plain.has("en") and plain == "Bestellingen leveren."
    assert both == LocalText(
        "Bestellingen leveren.", {"nl": "Bestellingen leveren.", "en": "Delivering orders."}
    )
    assert str(both) == "Bestellingen leveren." and both.text("en") == "Delivering orders."


def test_the_answers_file_keeps_the_form_it_was_written_in():
    for purpose in (
        "Bestellingen leveren.",
        {"nl": "Bestellingen leveren.", "en": "Delivering orders."},
    ):
        dumped = parse_answers(with_purpose(purpose)).model_dump(mode="json")
        assert dumped["activities"][0]["purpose"] == purpose
        assert parse_answers(dumped).model_dump(mode="json") == dumped


@pytest.mark.parametrize(
    ("purpose", "message"),
    [
        ({"nl": "Leveren.", "de": "Liefern."}, "Onbekende taal 'de'"),
        ({"nl": "Leveren.", "en": "x" * 5001}, "Te lang (en)"),
        ({"nl": "Leveren.", "en": 3}, "Verwacht tekst"),
    ],
)
def test_a_wrong_version_is_refused_with_its_path_in_dutch(purpose, message):
    with pytest.raises(AnswersError) as error:
        parse_answers(with_purpose(purpose))
    problems = [str(problem) for problem in error.value.problems]
    assert any("activities.0.purpose" in p and message in p for p in problems), problems


def test_a_blank_optional_mapping_is_no_answer():
    data = copy.deepcopy(BASE)
    data["activities"][0]["provision_consequence"] = {"nl": " ", "en": ""}
    assert parse_answers(data).activities[0].provision_consequence is None


def test_the_answers_in_a_language_read_its_versions_and_write_bare_durations():
    data = with_purpose({"nl": "Bestellingen leveren.", "en": "Delivering orders."})
    data["cookies"] = {"items": [
        {"name": "sid", "party": "first", "category": "functional", "purpose": {"nl": "Ingelogd blijven.", "en": "Staying logged in."}, "duration": "sessie"},
        {"name": "_pk_id", "party": "first", "category": "analytics", "purpose": {"nl": "Tellen.", "en": "Counting."}, "duration": "13 maanden"},
        {"name": "x", "party": "first", "category": "functional", "purpose": {"nl": "Iets.", "en": "Something."}, "duration": "tot u uitlogt"},
    ]}  # fmt: skip
    english = in_language(parse_answers(data), "en")
    assert english.activities[0].purpose == "Delivering orders."
    assert [c.duration for c in english.cookies.items] == ["session", "13 months", "tot u uitlogt"]
    dutch = in_language(parse_answers(data), "nl")
    assert [c.duration for c in dutch.cookies.items] == ["sessie", "13 maanden", "tot u uitlogt"]


def test_a_translation_is_asked_for_every_text_but_names_links_and_bare_durations():
    data = copy.deepcopy(BASE)
    data["recipients"] = [{"id": "hoster", "name": "Hoster B.V.", "country": "US",
                           "transfer_mechanism": "scc", "safeguard_copy": "https://hoster.example/scc"}]  # fmt: skip
    data["cookies"] = {"items": [{"name": "sid", "party": "first", "category": "functional", "purpose": "Inloggen.", "duration": "2 jaar"}]}  # fmt: skip
    missing = dict(missing_translations(parse_answers(data), "en"))
    assert "activities.0.purpose" in missing and "cookies.items.0.purpose" in missing
    assert not {
        "recipients.0.name",
        "recipients.0.safeguard_copy",
        "cookies.items.0.duration",
    } & set(missing)


def test_text_of_reads_stored_json_too():
    assert text_of({"nl": "Leveren", "en": "Delivering"}, "en") == "Delivering"
    assert text_of({"nl": "Leveren"}, "en") == "Leveren"
    assert text_of("Leveren", "en") == "Leveren" and text_of(None, "en") is None
