"""Each rule of avg-checklist.md (b) over the Answers: one case that passes, one that fails.
No database: the checker is pure Python over Answers."""

import copy

import pytest

from generator.answers.loading import parse_answers
from generator.compliance.checker import check_answers
from generator.compliance.findings import Severity

BASE = {
    "document": {"effective_date": "2026-01-01"},
    "controller": {"legal_name": "Voorbeeld B.V.", "street": "Dorpsstraat 1", "postcode": "1234 AB",
                   "city": "Ergens", "email": "info@voorbeeld.nl", "kvk_number": "12345678"},
    "activities": [{"id": "klant", "name": "Klantcontact", "purpose": "Vragen beantwoorden.",
                    "legal_basis": "contract", "provision": "contract_necessary",
                    "sources": ["data_subject"],
                    "provision_consequence": "Zonder e-mailadres kunnen wij niet antwoorden.",
                    "retention": {"period": 1, "unit": "years", "trigger": "na het laatste contact"},
                    "no_recipients": True}],
    "other": {"change_notice": ["email"], "automated_decisions": False},
}  # fmt: skip


MATOMO = {
    "name": "_pk_id", "party": "first", "category": "analytics", "purpose": "Meten.",
    "duration": "13 maanden",
    "analytics": {"ip_anonymised": True, "sharing_off": True, "no_user_id": True},
}  # fmt: skip


def findings(change=None) -> list:
    data = copy.deepcopy(BASE)
    if change:
        change(data)
    return check_answers(parse_answers(data))


def rules_of(change=None, severity=None) -> set[str]:
    return {f.rule for f in findings(change) if severity is None or f.severity == severity}


def activity(data) -> dict:
    return data["activities"][0]


def add_recipient(data, **fields):
    data.setdefault("recipients", []).append(
        {"id": fields.pop("id", "r"), "name": fields.pop("name", "Host B.V."), **fields}
    )
    activity(data)["recipients"] = [r["id"] for r in data["recipients"]]
    activity(data)["no_recipients"] = False


def test_the_base_answers_pass_every_rule():
    assert findings() == []


CASES = {
    # rule: (change that fails, severity, change that passes)
    "R1": (lambda d: d["controller"].pop("street"), Severity.BLOCKING, lambda d: None),
    "R1-kvk": (
        lambda d: d["controller"].pop("kvk_number"),
        Severity.WARNING,
        lambda d: d["controller"].update(legal_form="overheid", kvk_number=None),
    ),
    "R1-unregistered": (
        lambda d: d["controller"].update(kvk_number=None),
        Severity.WARNING,
        lambda d: d["controller"].update(kvk_number=None, kvk_registered=False),
    ),
    "R1-contact": (
        lambda d: d["controller"].pop("email"),
        Severity.BLOCKING,
        lambda d: d["controller"].update(email=None, phone="0201234567"),
    ),
    "R1-form": (  # a contact form is a way to reach the organisation too
        lambda d: d["controller"].pop("email"),
        Severity.BLOCKING,
        lambda d: d["controller"].update(email=None, contact_form_url="https://v.nl/contact"),
    ),
    "R2": (
        lambda d: d["controller"].update(outside_eu=True),
        Severity.BLOCKING,
        lambda d: d["controller"].update(
            outside_eu=True,
            representative={
                "name": "Rep B.V.",
                "address": {"street": "Kade 1", "postcode": "1011 AA", "city": "Amsterdam"},
            },
        ),
    ),
    "R2-country": (  # an address abroad says so without the tick box
        lambda d: d["controller"].update(country="US", postcode="10001"),
        Severity.BLOCKING,
        lambda d: d["controller"].update(
            country="US",
            postcode="10001",
            representative={
                "name": "Rep B.V.",
                "address": {"street": "Kade 1", "postcode": "1011 AA", "city": "Amsterdam"},
            },
        ),
    ),
    "R3": (
        lambda d: d.update(dpo={"large_scale_monitoring": True}),
        Severity.BLOCKING,
        lambda d: d.update(
            dpo={"large_scale_monitoring": True, "designated": True, "email": "fg@v.nl"}
        ),
    ),
    "R3-email": (
        lambda d: d.update(dpo={"designated": True}),
        Severity.BLOCKING,
        lambda d: d.update(dpo={"designated": True, "email": "fg@v.nl"}),
    ),
    "R4": (lambda d: activity(d).update(legal_basis=None), Severity.BLOCKING, lambda d: None),
    "R4-purpose": (lambda d: activity(d).update(purpose=" "), Severity.BLOCKING, lambda d: None),
    "R5": (
        lambda d: activity(d).update(
            legal_basis="legitimate_interests", legitimate_interest="Gerechtvaardigd belang."
        ),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            legal_basis="legitimate_interests",
            legitimate_interest="Wij willen vragen van klanten snel en goed kunnen beantwoorden.",
        ),
    ),
    "R6": (
        lambda d: activity(d).update(legal_basis="consent"),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            legal_basis="consent", consent_withdrawal="Met de link in elke e-mail."
        ),
    ),
    "R9": (
        lambda d: activity(d).update(retention={}),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            retention={"criterion": "Tot het einde van het contract plus zes maanden."}
        ),
    ),
    "R9-vague": (
        lambda d: activity(d).update(retention={"criterion": "Zo lang als nodig."}),
        Severity.BLOCKING,
        lambda d: None,
    ),
    "R9-law": (
        lambda d: activity(d).update(retention={"criterion": "Zolang de wet dat voorschrijft."}),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            retention={
                "criterion": "Zeven jaar, zoals de Algemene wet inzake rijksbelastingen voorschrijft."
            }
        ),
    ),
    "R9-start": (  # "6 maanden": from when?
        lambda d: activity(d).update(retention={"period": 6, "unit": "months"}),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            retention={"period": 6, "unit": "months", "trigger": "na het laatste contact"}
        ),
    ),
    "R10": (
        lambda d: activity(d).update(data_categories=["payment"]),
        Severity.WARNING,
        lambda d: activity(d).update(data_categories=["payment"], retention={"fiscal": True}),
    ),
    "R10-number": (
        lambda d: activity(d).update(
            retention={
                "period": 1,
                "unit": "years",
                "criterion": "Langer vanwege de fiscale bewaarplicht.",
            }
        ),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            retention={
                "period": 1,
                "unit": "years",
                "criterion": "Facturen 7 jaar vanwege de fiscale bewaarplicht.",
            }
        ),
    ),
    "R11": (
        lambda d: activity(d).update(no_recipients=False),
        Severity.BLOCKING,
        lambda d: add_recipient(d, dpa_signed=True),
    ),
    "R11-bare": (
        lambda d: add_recipient(d, name="Derden", role="controller"),
        Severity.WARNING,
        lambda d: add_recipient(d, name="Accountantskantoor Jansen", role="controller"),
    ),
    "R12": (
        lambda d: add_recipient(d, role="processor"),
        Severity.BLOCKING,
        lambda d: add_recipient(d, role="processor", dpa_signed=True),
    ),
    "R13": (
        lambda d: add_recipient(d, country="US", dpa_signed=True),
        Severity.BLOCKING,
        lambda d: add_recipient(d, country="US", transfer_mechanism="dpf", dpa_signed=True),
    ),
    "R13-adequacy": (
        lambda d: add_recipient(d, country="US", transfer_mechanism="adequacy", dpa_signed=True),
        Severity.BLOCKING,
        lambda d: add_recipient(d, country="CH", transfer_mechanism="adequacy", dpa_signed=True),
    ),
    "R13-dpf": (
        lambda d: add_recipient(d, country="IN", transfer_mechanism="dpf", dpa_signed=True),
        Severity.BLOCKING,
        lambda d: add_recipient(
            d,
            country="IN",
            transfer_mechanism="scc",
            safeguard_copy="privacy@v.nl",
            dpa_signed=True,
        ),
    ),
    "R13-copy": (
        lambda d: add_recipient(d, country="IN", transfer_mechanism="bcr", dpa_signed=True),
        Severity.BLOCKING,
        lambda d: None,
    ),
    "R13-derogation": (
        lambda d: add_recipient(d, country="IN", transfer_mechanism="derogation", dpa_signed=True),
        Severity.BLOCKING,
        lambda d: add_recipient(
            d,
            country="IN",
            transfer_mechanism="derogation",
            derogation_ground="b",
            dpa_signed=True,
        ),
    ),
    "R14": (
        lambda d: activity(d).update(special_categories=["health"]),
        Severity.BLOCKING,
        lambda d: None,
    ),
    "R14-criminal": (
        lambda d: activity(d).update(criminal_data=True),
        Severity.BLOCKING,
        lambda d: activity(d).update(criminal_data=True, criminal_data_basis="UAVG artikel 33"),
    ),
    "R15": (
        lambda d: activity(d).update(bsn=True),
        Severity.BLOCKING,
        lambda d: activity(d).update(bsn=True, bsn_law="Wet op de loonbelasting 1964"),
    ),
    "R15-consent": (  # consent is never a ground for the BSN (UAVG art. 46)
        lambda d: activity(d).update(
            bsn=True,
            bsn_law="Wet op de loonbelasting 1964",
            legal_basis="consent",
            consent_withdrawal="Met een e-mail.",
            provision="voluntary",
        ),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            bsn=True,
            bsn_law="Wet op de loonbelasting 1964",
            legal_basis="legal_obligation",
            legal_obligation="Wet op de loonbelasting 1964",
            provision="statutory",
        ),
    ),
    "R16": (
        lambda d: (
            activity(d).update(legal_basis="consent", consent_withdrawal="Via de link."),
            d.update(other={"children": "directed", "change_notice": ["email"]}),
        ),
        Severity.BLOCKING,
        lambda d: (
            activity(d).update(legal_basis="consent", consent_withdrawal="Via de link."),
            d.update(
                other={
                    "children": "directed",
                    "parental_consent": "Een ouder tekent.",
                    "change_notice": ["email"],
                }
            ),
        ),
    ),
    "R17": (
        lambda d: activity(d).update(provision=None),
        Severity.BLOCKING,
        lambda d: activity(d).update(provision="voluntary", provision_consequence=None),
    ),
    "R17-basis": (
        # "Nodig voor de overeenkomst" on a legitimate interest: Art. 13(2)(e) contradicts itself.
        lambda d: activity(d).update(
            legal_basis="legitimate_interests",
            legitimate_interest="Wij willen misbruik van onze dienst opsporen en voorkomen.",
        ),
        Severity.WARNING,
        lambda d: activity(d).update(
            legal_basis="legitimate_interests",
            legitimate_interest="Wij willen misbruik van onze dienst opsporen en voorkomen.",
            provision="voluntary",
        ),
    ),
    "R17-consequence": (
        lambda d: activity(d).update(provision_consequence=None),
        Severity.WARNING,
        lambda d: None,
    ),
    "R17-statutory": (  # a legal duty needs its own consequence; there is no default text
        lambda d: activity(d).update(
            legal_basis="legal_obligation",
            legal_obligation="AWR",
            provision="statutory",
            provision_consequence=None,
        ),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            legal_basis="legal_obligation",
            legal_obligation="AWR",
            provision="statutory",
            provision_consequence="Zonder deze gegevens sturen wij geen factuur.",
        ),
    ),
    "R17-consent": (  # consent cannot be a condition (Art. 7(4))
        lambda d: activity(d).update(
            special_categories=["health"],
            special_category_exception="a",
            consent_withdrawal="Met een e-mail.",
        ),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            special_categories=["health"],
            special_category_exception="a",
            consent_withdrawal="Met een e-mail.",
            provision="voluntary",
        ),
    ),
    "R18": (
        lambda d: activity(d).update(sources=["third_party"]),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            sources=["third_party"],
            source_name="de werkgever",
            source_notice="first_contact",
            data_categories=["name"],
        ),
    ),
    "R18-notice": (
        lambda d: activity(d).update(
            sources=["data_subject", "third_party"],
            source_name="de werkgever",
            data_categories=["name"],
        ),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            sources=["data_subject", "third_party"],
            source_name="de werkgever",
            source_notice="already_informed",
            data_categories=["name"],
        ),
    ),
    "R18-unanswered": (
        lambda d: activity(d).update(sources=[]),
        Severity.WARNING,
        lambda d: activity(d).update(sources=["usage"]),
    ),
    "R19": (
        lambda d: activity(d).update(
            automated_decision={
                "description": "Kredietcheck.",
                "logic": "",
                "consequences": "Geen levering op rekening.",
                "ground": "contract",
            }
        ),
        Severity.BLOCKING,
        lambda d: (
            activity(d).update(
                automated_decision={
                    "description": "Kredietcheck.",
                    "logic": "Een score.",
                    "consequences": "Geen levering op rekening.",
                    "ground": "contract",
                }
            ),
            d["other"].update(automated_decisions=True),
        ),
    ),
    "R19-said": (
        lambda d: d["other"].update(automated_decisions=True),
        Severity.BLOCKING,
        lambda d: d["other"].update(automated_decisions=False),
    ),
    "R7-channels": (  # channels without the tick lose the unconditional objection
        lambda d: activity(d).update(marketing_channels=["email", "post"]),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            direct_marketing=True,
            marketing_channels=["email", "post"],
            legal_basis="consent",
            consent_withdrawal="Via de link.",
            provision="voluntary",
        ),
    ),
    "R20": (
        lambda d: d.update(
            cookies={
                "items": [
                    {"name": "x", "party": "first", "category": "functional", "duration": "sessie"}
                ]
            }
        ),
        Severity.BLOCKING,
        lambda d: d.update(
            cookies={
                "items": [
                    {
                        "name": "x",
                        "party": "first",
                        "category": "functional",
                        "duration": "sessie",
                        "purpose": "Inloggen.",
                    }
                ]
            }
        ),
    ),
    "R20-party": (
        lambda d: d.update(
            cookies={
                "items": [
                    {"name": "x", "category": "functional", "duration": "sessie", "purpose": "p"}
                ]
            }
        ),
        Severity.BLOCKING,
        lambda d: None,
    ),
    "R21-marketing": (  # Meta's _fbp set as "functional" without consent
        lambda d: d.update(
            cookies={
                "items": [
                    {
                        "name": "_fbp",
                        "party": "third",
                        "provider": "Meta",
                        "category": "functional",
                        "purpose": "Advertentieconversies meten.",
                        "duration": "3 maanden",
                    }
                ]
            }
        ),
        Severity.BLOCKING,
        lambda d: d.update(
            cookies={
                "settings_url": "https://v.nl/cookies",
                "items": [
                    {
                        "name": "_fbp",
                        "party": "third",
                        "provider": "Meta",
                        "category": "marketing",
                        "purpose": "Advertentieconversies meten.",
                        "duration": "3 maanden",
                    }
                ],
            }
        ),
    ),
    "R21-purpose": (  # the purpose alone gives it away
        lambda d: d.update(
            cookies={
                "items": [
                    {
                        "name": "trk",
                        "party": "first",
                        "category": "preferences",
                        "purpose": "Remarketing voor bezoekers.",
                        "duration": "1 jaar",
                    }
                ]
            }
        ),
        Severity.BLOCKING,
        lambda d: d.update(
            cookies={
                "items": [
                    {
                        "name": "taal",
                        "party": "first",
                        "category": "preferences",
                        "purpose": "Onthoudt de gekozen taal.",
                        "duration": "1 jaar",
                    }
                ]
            }
        ),
    ),
    "R21-basis": (  # GA that needs consent, while the statistics claim a legitimate interest
        lambda d: (
            activity(d).update(
                legal_basis="legitimate_interests",
                legitimate_interest="Wij willen weten welke pagina's van de website goed werken.",
                provision="voluntary",
            ),
            d.update(
                cookies={
                    "settings_url": "https://v.nl/cookies",
                    "items": [
                        {
                            "name": "_ga",
                            "party": "first",
                            "provider": "Google",
                            "category": "analytics",
                            "purpose": "Meten.",
                            "duration": "1 jaar",
                            "activity": "klant",
                            "analytics": {
                                "dpa": True,
                                "ip_anonymised": True,
                                "sharing_off": False,
                                "no_ads_features": True,
                                "no_user_id": True,
                            },
                        }
                    ],
                }
            ),
        ),
        Severity.BLOCKING,
        lambda d: (
            activity(d).update(
                legal_basis="consent",
                consent_withdrawal="In de cookie-instellingen.",
                provision="voluntary",
            ),
            d.update(
                cookies={
                    "settings_url": "https://v.nl/cookies",
                    "items": [
                        {
                            "name": "_ga",
                            "party": "first",
                            "provider": "Google",
                            "category": "analytics",
                            "purpose": "Meten.",
                            "duration": "1 jaar",
                            "activity": "klant",
                            "analytics": {
                                "dpa": True,
                                "ip_anonymised": True,
                                "sharing_off": False,
                                "no_ads_features": True,
                                "no_user_id": True,
                            },
                        }
                    ],
                }
            ),
        ),
    ),
    "R21-self-hosted": (
        lambda d: d.update(
            cookies={
                "items": [dict(MATOMO, analytics={**MATOMO["analytics"], "ip_anonymised": False})]
            }
        ),
        Severity.WARNING,
        # Running the software itself: no verwerkersovereenkomst and no advertising features.
        lambda d: d.update(cookies={"items": [MATOMO]}),
    ),
    "R21": (
        lambda d: d.update(
            cookies={
                "items": [
                    {
                        "name": "_ga",
                        "category": "analytics",
                        "purpose": "Meten.",
                        "duration": "2 jaar",
                    }
                ],
                "settings_url": "https://v.nl/c",
            }
        ),
        Severity.WARNING,
        lambda d: d.update(
            cookies={
                "items": [
                    {
                        "name": "_ga",
                        "category": "analytics",
                        "purpose": "Meten.",
                        "duration": "2 jaar",
                        "analytics": {
                            k: True
                            for k in (
                                "dpa",
                                "ip_anonymised",
                                "sharing_off",
                                "no_ads_features",
                                "no_user_id",
                            )
                        },
                    }
                ]
            }
        ),
    ),
    "R22": (
        lambda d: d.update(
            cookies={
                "items": [
                    {
                        "name": "fbp",
                        "category": "marketing",
                        "purpose": "Advertenties.",
                        "duration": "3 maanden",
                    }
                ]
            }
        ),
        Severity.BLOCKING,
        lambda d: d.update(
            cookies={
                "items": [
                    {
                        "name": "fbp",
                        "category": "marketing",
                        "purpose": "Advertenties.",
                        "duration": "3 maanden",
                    }
                ],
                "settings_url": "https://v.nl/cookies",
            }
        ),
    ),
    "R23": (
        lambda d: (
            add_recipient(d, id="g", country="US", dpa_signed=True, transfer_mechanism="dpf"),
            d.update(
                cookies={
                    "items": [
                        {
                            "name": "x",
                            "category": "functional",
                            "purpose": "p",
                            "duration": "d",
                            "party": "third",
                            "provider": "Ander",
                        }
                    ]
                }
            ),
        ),
        Severity.WARNING,
        lambda d: (
            add_recipient(d, id="g", country="US", dpa_signed=True, transfer_mechanism="dpf"),
            d.update(
                cookies={
                    "items": [
                        {
                            "name": "x",
                            "category": "functional",
                            "purpose": "p",
                            "duration": "d",
                            "party": "third",
                            "recipient": "g",
                        }
                    ]
                }
            ),
        ),
    ),
    "R23-transfer": (
        lambda d: (
            add_recipient(d, id="g", country="US", dpa_signed=True),
            d.update(
                cookies={
                    "items": [
                        {
                            "name": "x",
                            "category": "functional",
                            "purpose": "p",
                            "duration": "d",
                            "party": "third",
                            "recipient": "g",
                        }
                    ]
                }
            ),
        ),
        Severity.BLOCKING,
        lambda d: None,
    ),
    "R24": (
        lambda d: activity(d).update(
            legal_basis="legitimate_interests",
            legitimate_interest="Wij willen nieuwe klanten werven met aanbiedingen per e-mail.",
            direct_marketing=True,
            marketing_channels=["email"],
        ),
        Severity.WARNING,
        lambda d: activity(d).update(
            legal_basis="legitimate_interests",
            legitimate_interest="Wij willen bestaande klanten aanbiedingen sturen voor vergelijkbare producten.",
            direct_marketing=True,
            marketing_channels=["email"],
            marketing_existing_customers_only=True,
        ),
    ),
    "R24-prospects": (  # the soft opt-in is for customers only
        lambda d: activity(d).update(
            legal_basis="legitimate_interests",
            legitimate_interest="Wij willen bestaande klanten aanbiedingen sturen voor vergelijkbare producten.",
            direct_marketing=True,
            marketing_channels=["email"],
            marketing_existing_customers_only=True,
            data_subjects=["customers", "prospects"],
            provision="voluntary",
        ),
        Severity.BLOCKING,
        lambda d: activity(d).update(
            legal_basis="legitimate_interests",
            legitimate_interest="Wij willen bestaande klanten aanbiedingen sturen voor vergelijkbare producten.",
            direct_marketing=True,
            marketing_channels=["email"],
            marketing_existing_customers_only=True,
            data_subjects=["customers"],
            provision="voluntary",
        ),
    ),
    "R29": (
        lambda d: (
            add_recipient(d, dpa_signed=True),
            activity(d).update(recipients=[], no_recipients=True),
        ),
        Severity.WARNING,
        lambda d: add_recipient(d, dpa_signed=True),
    ),
    "R29-cookie": (
        lambda d: d.update(cookies={"items": [dict(MATOMO, duration="2 jaar", activity="klant")]}),
        Severity.WARNING,
        lambda d: d.update(
            cookies={"items": [dict(MATOMO, duration="6 maanden", activity="klant")]}
        ),
    ),
    "R30": (
        lambda d: activity(d).update(purpose="Je vragen beantwoorden."),
        Severity.BLOCKING,
        lambda d: activity(d).update(purpose="Vragen van klanten beantwoorden."),
    ),
    "R30-informal": (
        lambda d: (
            d["document"].update(register="informal"),
            activity(d).update(provision_consequence="Zonder uw e-mailadres antwoorden wij niet."),
        ),
        Severity.BLOCKING,
        lambda d: d["document"].update(register="informal"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_fails_its_failing_case_and_passes_its_passing_case(case):
    rule_id = case.split("-")[0]
    fail, severity, passing = CASES[case]
    assert rule_id in rules_of(fail, severity), f"{case} did not fail"
    assert rule_id not in rules_of(passing), f"{case} did not pass"


def test_one_missing_address_is_one_finding():
    found = findings(lambda d: [d["controller"].pop(k) for k in ("street", "postcode", "city")])
    assert [(f.rule, f.path) for f in found] == [("R1", "controller.street")]


def test_findings_say_where_to_fix_in_dutch_and_english():
    found = findings(lambda d: activity(d).update(legal_basis=None))
    assert [(f.rule, f.path) for f in found] == [("R4", "activities.0.legal_basis")]
    assert found[0].message_nl.startswith("Kies de grondslag") and found[0].message_en.startswith(
        "Choose"
    )
    assert found[0].article == "Art. 13(1)(c) AVG"
