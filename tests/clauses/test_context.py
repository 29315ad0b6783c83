"""The plain data templates see: derived once, in Python, and plain."""

from generator.answers.loading import parse_answers
from generator.clauses.context import build_context
from tests.conftest import load_example

PLAIN = (str, int, float, bool, type(None))


def assert_plain(value, path="ctx"):
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), path
            assert_plain(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            assert_plain(item, f"{path}[{index}]")
    else:
        assert isinstance(value, PLAIN), f"{path} is {type(value).__name__}"


def test_templates_get_only_plain_data_never_model_instances(slug):
    assert_plain(build_context(load_example(slug)))


def test_transfers_are_the_recipients_outside_the_eea():
    ctx = build_context(
        parse_answers(
            {
                "recipients": [
                    {"id": "us", "name": "US", "country": "US"},
                    {"id": "ch", "name": "CH", "country": "CH"},
                    {"id": "de", "name": "DE", "country": "DE"},
                ]
            }
        )
    )
    assert [t["name"] for t in ctx["transfers"]] == ["US", "CH"]


def test_a_third_party_cookie_takes_its_provider_from_the_recipient():
    ctx = build_context(
        parse_answers(
            {
                "controller": {"legal_name": "Wij B.V."},
                "recipients": [{"id": "g", "name": "Google LLC", "country": "US"}],
                "cookies": {
                    "items": [
                        {
                            "name": "_ga",
                            "category": "analytics",
                            "party": "third",
                            "recipient": "g",
                        },
                        {"name": "sessie", "category": "functional", "party": "first"},
                        {"name": "onbekend", "category": "functional"},
                    ]
                },
            }
        )
    )
    providers = [c["provider"] for c in ctx["cookies"]["all"]]
    # A cookie whose party was not answered is nobody's: no claim that it is ours (R20 asks).
    assert providers == ["Google LLC", "Wij B.V.", ""]
    assert ctx["cookies"]["any_consent"] is True


def test_rights_flags_follow_bases_special_consent_and_marketing():
    ctx = build_context(
        parse_answers(
            {
                "activities": [
                    {"id": "a", "name": "A", "legal_basis": "legal_obligation"},
                    {
                        "id": "b",
                        "name": "B",
                        "special_categories": ["health"],
                        "special_category_exception": "a",
                    },
                    {"id": "c", "name": "C", "direct_marketing": True},
                ]
            }
        )
    )
    rights = ctx["rights"]
    assert (
        rights["erasure_limited"]
        and rights["consent"]
        and rights["marketing"]
        and rights["objection"]
    )
    assert not rights["portability"]
    assert rights["marketing_activities"] == ["C"]


def test_the_request_email_falls_back_to_the_general_address():
    ctx = build_context(parse_answers({"controller": {"email": "info@x.nl"}}))
    assert ctx["rights"]["email"] == "info@x.nl"
