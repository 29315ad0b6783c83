"""Answers validation: Dutch messages, each with the field path it is about."""

import copy

import pytest

from generator.answers.loading import AnswersError, parse_answers, parse_answers_json
from generator.answers.schema import Answers


def problems(data) -> dict[str, str]:
    with pytest.raises(AnswersError) as caught:
        parse_answers(data)
    return {p.path: p.message for p in caught.value.problems}


def test_minimal_answers_are_valid(minimal_data):
    answers = parse_answers(minimal_data)
    assert answers.controller.postcode == "1234 AB"
    assert answers.document.register.value == "formal"


def test_an_empty_object_is_a_valid_draft():
    # Completeness is the checker's job (issue 4); a half-filled draft must still load.
    assert isinstance(parse_answers({}), Answers)


def test_every_bad_format_is_reported_with_its_path_in_one_go(minimal_data):
    data = copy.deepcopy(minimal_data)
    data["controller"] |= {
        "postcode": "12",
        "kvk_number": "123",
        "vat_id": "NL123",
        "phone": "12",
        "email": "nope",
        "website": "javascript:alert(1)",
        "iban": "NL92 ABNA 0417 1643 00",
    }
    found = problems(data)
    assert set(found) >= {
        "controller.postcode",
        "controller.kvk_number",
        "controller.vat_id",
        "controller.phone",
        "controller.email",
        "controller.website",
        "controller.iban",
    }
    assert "8 cijfers" in found["controller.kvk_number"]


def test_unknown_fields_are_refused_so_typos_are_not_ignored(minimal_data):
    minimal_data["controller"]["postcod"] = "1234 AB"
    assert problems(minimal_data) == {
        "controller.postcod": "Onbekend veld; controleer de spelling."
    }


def test_enum_errors_name_the_allowed_values_in_dutch(minimal_data):
    minimal_data["document"]["register"] = "casual"
    assert problems(minimal_data)["document.register"] == "Kies een van: 'formal' of 'informal'."


def test_nested_list_paths_carry_the_index(minimal_data):
    minimal_data["activities"] = [
        {"id": "a", "name": "A"},
        {
            "id": "b",
            "name": "B",
            "legal_basis": "whim",
            "retention": {"period": 0, "unit": "years"},
        },
    ]
    found = problems(minimal_data)
    assert "activities.1.legal_basis" in found
    assert found["activities.1.retention.period"] == "Moet minstens 1 zijn."


def test_a_retention_period_needs_both_number_and_unit(minimal_data):
    minimal_data["activities"] = [{"id": "a", "name": "A", "retention": {"period": 3}}]
    assert "getal als de eenheid" in problems(minimal_data)["activities.0.retention"]


def test_broken_recipient_references_are_reported_at_their_own_paths(minimal_data):
    minimal_data["recipients"] = [{"id": "host", "name": "Host"}, {"id": "host", "name": "Ander"}]
    minimal_data["activities"] = [{"id": "a", "name": "A", "recipients": ["host", "ghost"]}]
    minimal_data["cookies"] = {
        "items": [{"name": "c", "category": "analytics", "recipient": "gone"}]
    }
    found = problems(minimal_data)
    assert set(found) == {
        "recipients.1.id",
        "activities.0.recipients.1",
        "cookies.items.0.recipient",
    }
    assert "'ghost'" in found["activities.0.recipients.1"]


def test_the_response_term_may_not_exceed_one_month(minimal_data):
    minimal_data["rights"] = {"response_term": 2, "response_term_unit": "months"}
    assert "een maand" in problems(minimal_data)["rights"]
    minimal_data["rights"] = {"response_term": 4, "response_term_unit": "weeks"}
    assert parse_answers(minimal_data).rights.response_term == 4


def test_control_characters_and_nul_bytes_are_refused(minimal_data):
    minimal_data["controller"]["legal_name"] = "Voorbeeld\x00 B.V."
    assert "stuurtekens" in problems(minimal_data)["controller.legal_name"]


def test_overlong_text_is_refused_with_the_limit(minimal_data):
    minimal_data["controller"]["legal_name"] = "x" * 301
    assert problems(minimal_data)["controller.legal_name"] == "Te lang: ten hoogste 300 tekens."


def test_blank_optional_fields_become_empty_not_invalid(minimal_data):
    minimal_data["controller"] |= {"kvk_number": "  ", "phone": "", "website": ""}
    controller = parse_answers(minimal_data).controller
    assert (controller.kvk_number, controller.phone, controller.website) == (None, None, None)


def test_foreign_postcodes_are_not_held_to_the_dutch_format(minimal_data):
    minimal_data["controller"] |= {"country": "be", "postcode": "1000"}
    controller = parse_answers(minimal_data).controller
    assert (controller.country, controller.postcode) == ("BE", "1000")


def test_country_codes_must_exist(minimal_data):
    minimal_data["recipients"] = [{"id": "x", "name": "X", "country": "Atlantis"}]
    assert "landcode" in problems(minimal_data)["recipients.0.country"]


def test_an_unknown_schema_version_is_refused(minimal_data):
    minimal_data["schema_version"] = 99
    assert "schemaversie 99" in problems(minimal_data)["schema_version"]


def test_invalid_json_names_line_and_column():
    with pytest.raises(AnswersError) as caught:
        parse_answers_json('{"controller": {\n  "legal_name": }')
    assert str(caught.value).startswith("(bestand): Geen geldige JSON (regel 2, kolom 17)")


def test_json_that_is_not_an_object_is_refused():
    with pytest.raises(AnswersError, match="JSON-object"):
        parse_answers_json("[1, 2]")


def test_cookie_consent_is_derived_from_category_and_the_ap_conditions():
    answers = parse_answers(
        {
            "cookies": {
                "items": [
                    {"name": "f", "category": "functional"},
                    {"name": "m", "category": "marketing"},
                    {"name": "a1", "category": "analytics"},
                    {
                        "name": "a2",
                        "category": "analytics",
                        "analytics": dict.fromkeys(
                            [
                                "dpa",
                                "ip_anonymised",
                                "sharing_off",
                                "no_ads_features",
                                "no_user_id",
                            ],
                            True,
                        ),
                    },
                    {
                        "name": "a3",
                        "category": "analytics",
                        "analytics": {"dpa": True, "ip_anonymised": True, "sharing_off": True},
                    },
                ]
            }
        }
    )
    consent = {c.name: c.requires_consent for c in answers.cookies.items}
    assert consent == {"f": False, "m": True, "a1": True, "a2": False, "a3": True}


def test_every_example_answers_file_is_valid(slug):
    from tests.conftest import load_example

    assert load_example(slug).controller.legal_name


def test_wrong_types_are_reported_at_the_field_not_at_a_union_member():
    found = problems({"controller": {"email": 5, "kvk_number": 5, "legal_name": None}})
    assert found == {
        "controller.email": "Verwacht tekst.",
        "controller.kvk_number": "Verwacht tekst.",
        "controller.legal_name": "Verwacht tekst.",
    }
