"""Each section of the default Dutch clause set: when it appears and what it must say."""

import re

import pytest

from tests.clauses.helpers import full_text, render, section_text

ALWAYS = ["verantwoordelijke", "ontvangers", "besluitvorming", "beveiliging", "rechten", "klacht",
          "wijzigingen", "contact"]  # fmt: skip


def activity(**fields) -> dict:
    return {"id": fields.pop("id", "a"), "name": fields.pop("name", "Klantcontact"), **fields}


def test_a_minimal_statement_has_only_the_sections_that_always_apply(minimal_data):
    assert render(minimal_data).keys == ALWAYS


def test_sections_without_content_do_not_appear(minimal_data):
    document = render(minimal_data)
    assert all(section.html.strip() and section.title for section in document.sections)
    for optional in ("fg", "verwerkingen", "doorgifte", "cookies", "kinderen", "overname"):
        assert optional not in document.keys


def test_the_controller_is_named_with_address_kvk_and_services(minimal_data):
    minimal_data["controller"] |= {"kvk_number": "12345678", "trade_names": ["Merk"]}
    minimal_data["services"] = [{"name": "Merk-app", "kind": "app"}]
    text = section_text(render(minimal_data), "verantwoordelijke")
    assert "Voorbeeld B.V. (ook bekend als Merk)" in text
    assert "verwerkingsverantwoordelijke" in text
    assert "Dorpsstraat 1, 1234 AB Ergens" in text
    assert "KvK-nummer is 12345678" in text
    assert "de app Merk-app" in text


def test_the_contact_section_lists_every_contact_detail_given(minimal_data):
    minimal_data["controller"] |= {
        "phone": "020 123 4567",
        "contact_hours": "op werkdagen van 9 tot 17 uur",
        "kvk_number": "12345678",
        "vat_id": "NL004495445B01",
        "iban": "NL91ABNA0417164300",
        "website": "https://voorbeeld.nl",
    }
    text = section_text(render(minimal_data), "contact")
    for expected in (
        "Voorbeeld B.V. Dorpsstraat 1 1234 AB Ergens",
        "E-mail: privacy@voorbeeld.nl",
        "Telefoon: +31 20 123 4567 (op werkdagen van 9 tot 17 uur)",
        "KvK-nummer: 12345678",
        "Btw-identificatienummer: NL004495445B01",
        "IBAN: NL91ABNA0417164300",
        "Website: https://voorbeeld.nl",
    ):
        assert expected in text


def test_a_controller_outside_the_eu_names_its_representative(minimal_data):
    minimal_data["controller"] |= {"country": "US", "postcode": "10001", "outside_eu": True}
    minimal_data["controller"]["representative"] = {
        "name": "EU Rep B.V.",
        "address": {"street": "Kade 2", "postcode": "1011 AA", "city": "Amsterdam"},
    }
    text = section_text(render(minimal_data), "verantwoordelijke")
    assert "vertegenwoordiger in de EU aangewezen: EU Rep B.V., Kade 2, 1011 AA Amsterdam" in text


def test_the_fg_section_appears_only_when_one_is_designated(minimal_data):
    minimal_data["dpo"] = {"designated": True, "name": "A. de Vries", "email": "fg@voorbeeld.nl"}
    text = section_text(render(minimal_data), "fg")
    assert "Functionaris Gegevensbescherming (FG)" in text and "fg@voorbeeld.nl" in text
    minimal_data["dpo"]["designated"] = False
    assert "fg" not in render(minimal_data).keys


def test_each_activity_states_purpose_data_basis_source_provision_and_retention(minimal_data):
    minimal_data["activities"] = [
        activity(
            purpose="Vragen beantwoorden.",
            data_categories=["name", "email"],
            data_categories_other=["klantnummer"],
            legal_basis="legitimate_interests",
            legitimate_interest="Wij willen vragen snel en goed beantwoorden.",
            provision="voluntary",
            provision_consequence="Zonder e-mailadres kunnen wij niet antwoorden.",
            retention={"period": 6, "unit": "months", "trigger": "na het laatste contact"},
            no_recipients=True,
        )
    ]
    text = section_text(render(minimal_data), "verwerkingen")
    assert "Doel: Vragen beantwoorden." in text
    assert "voor- en achternaam, e-mailadres en klantnummer" in text
    assert "een gerechtvaardigd belang (artikel 6 lid 1 sub f AVG)" in text
    assert "Ons gerechtvaardigd belang: Wij willen vragen snel" in text
    assert "u geeft deze gegevens zelf aan ons" in text
    assert "Nee, u bent niet verplicht" in text
    assert "Bewaartermijn: zes maanden na het laatste contact." in text
    assert "niemand buiten onze organisatie" in text


def test_indirect_collection_names_the_source_and_when_people_are_told(minimal_data):
    minimal_data["activities"] = [
        activity(source="third_party", source_name="uw werkgever", source_public=False)
    ]
    text = section_text(render(minimal_data), "verwerkingen")
    assert "Wij krijgen deze gegevens van uw werkgever" in text
    assert "binnen een maand" in text


def test_fiscal_retention_states_seven_years_and_the_law(minimal_data):
    minimal_data["activities"] = [activity(retention={"fiscal": True})]
    text = section_text(render(minimal_data), "verwerkingen")
    assert "zeven jaar" in text and "artikel 52 Algemene wet inzake rijksbelastingen" in text


def test_consent_activities_explain_withdrawal(minimal_data):
    minimal_data["activities"] = [
        activity(legal_basis="consent", consent_withdrawal="met de afmeldlink in elke e-mail.")
    ]
    document = render(minimal_data)
    assert "toestemming intrekken wanneer u wilt: met de afmeldlink" in section_text(
        document, "verwerkingen"
    )
    rights = section_text(document, "rechten")
    # R6: the withdrawal clause with the wording the checker looks for.
    assert (
        "zonder dat dit afbreuk doet aan de rechtmatigheid van de verwerking vóór de intrekking"
        in rights
    )


def test_special_categories_and_bsn_get_their_own_section(minimal_data):
    minimal_data["activities"] = [
        activity(special_categories=["health"], special_category_exception="h"),
        activity(id="b", name="Salaris", bsn=True, bsn_law="de Wet op de loonbelasting 1964"),
    ]
    text = section_text(render(minimal_data), "bijzondere-gegevens")
    assert "gegevens over gezondheid" in text and "artikel 9 lid 2 sub h AVG" in text
    assert (
        "burgerservicenummer (BSN), omdat deze wet dat voorschrijft: de Wet op de loonbelasting 1964"
        in text
    )


def test_children_under_sixteen_are_addressed_when_asked(minimal_data):
    minimal_data["other"] = {"children": "not_directed"}
    assert "jonger dan 16 jaar" in section_text(render(minimal_data), "kinderen")
    minimal_data["other"] = {
        "children": "directed",
        "parental_consent": "Wij sturen de ouder een e-mail.",
    }
    text = section_text(render(minimal_data), "kinderen")
    assert "toestemming aan een ouder of voogd. Wij sturen de ouder een e-mail." in text


def test_recipients_are_listed_with_role_and_processor_agreements(minimal_data):
    minimal_data["recipients"] = [
        {"id": "host", "name": "Hoster B.V.", "role": "processor", "dpa_signed": True},
        {"id": "acc", "name": "Accountant", "role": "controller"},
        {"id": "bd", "name": "Belastingdienst", "role": "authority"},
    ]
    text = section_text(render(minimal_data), "ontvangers")
    assert "Wij verkopen uw gegevens niet." in text
    assert "Hoster B.V." in text and "verwerker" in text
    assert "Met elke verwerker hebben wij een verwerkersovereenkomst gesloten." in text
    assert "Accountant is zelf verantwoordelijk" in text
    assert "Aan Belastingdienst geven wij alleen gegevens als de wet dat eist." in text


def test_a_processor_without_agreement_is_not_claimed_to_have_one(minimal_data):
    minimal_data["recipients"] = [
        {"id": "a", "name": "Alfa", "dpa_signed": True},
        {"id": "b", "name": "Beta", "dpa_signed": False},
    ]
    text = section_text(render(minimal_data), "ontvangers")
    assert "Met elke verwerker" not in text
    assert "Met Alfa hebben wij een verwerkersovereenkomst gesloten." in text


def test_transfers_outside_the_eea_name_country_and_safeguard(minimal_data):
    minimal_data["recipients"] = [
        {"id": "g", "name": "Cloud Inc.", "country": "US", "transfer_mechanism": "scc",
         "safeguard_copy": "privacy@voorbeeld.nl"},
        {"id": "n", "name": "Noors AS", "country": "NO"},
    ]  # fmt: skip
    text = section_text(render(minimal_data), "doorgifte")
    assert "Cloud Inc. (Verenigde Staten): de standaardcontracten van de Europese Commissie" in text
    assert "Een kopie vindt u via privacy@voorbeeld.nl" in text
    assert "Noors" not in text  # Norway is in the EEA


def test_cookies_are_tabled_and_consent_cookies_explain_withdrawal(minimal_data):
    minimal_data["cookies"] = {
        "settings_url": "https://voorbeeld.nl/cookies",
        "items": [
            {"name": "sessie", "category": "functional", "purpose": "Inloggen.", "duration": "sessie"},
            {"name": "_fbp", "category": "marketing", "provider": "Meta", "purpose": "Advertenties.",
             "duration": "3 maanden", "party": "third"},
        ],
    }  # fmt: skip
    document = render(minimal_data)
    html = document.section("cookies").html
    assert html.count("<tr>") == 3
    text = section_text(document, "cookies")
    assert "Functionele cookies" in text
    assert "Voor _fbp vragen wij eerst uw toestemming" in text
    assert "uw toestemming altijd intrekken of aanpassen" in text
    assert 'href="https://voorbeeld.nl/cookies"' in html


def test_no_automated_decisions_is_said_explicitly(minimal_data):
    text = section_text(render(minimal_data), "besluitvorming")
    assert "geen geautomatiseerde besluitvorming" in text


def test_automated_decisions_give_logic_consequences_and_art22_rights(minimal_data):
    minimal_data["activities"] = [
        activity(
            automated_decision={
                "description": "Wij beslissen of u op rekening mag betalen.",
                "logic": "Een score op basis van uw betaalgeschiedenis.",
                "consequences": "Zonder goedkeuring betaalt u vooraf.",
                "ground": "contract",
            }
        )
    ]
    text = section_text(render(minimal_data), "besluitvorming")
    assert "Een score op basis van uw betaalgeschiedenis." in text
    assert "medewerker het besluit opnieuw bekijkt" in text and "aanvechten" in text


@pytest.mark.parametrize(
    ("basis", "objection", "portability"),
    [
        ("contract", False, True),
        ("consent", False, True),
        ("legitimate_interests", True, False),
        ("public_task", True, False),
        ("legal_obligation", False, False),
    ],
)
def test_rights_follow_from_the_legal_bases(minimal_data, basis, objection, portability):
    minimal_data["activities"] = [activity(legal_basis=basis)]
    text = section_text(render(minimal_data), "rechten")
    for always in (
        "recht op inzage",
        "recht op rectificatie",
        "recht op vergetelheid",
        "recht op beperking",
    ):
        assert always in text
    assert ("recht van bezwaar" in text) is objection
    assert ("recht op gegevensoverdraagbaarheid" in text) is portability


def test_direct_marketing_gets_a_separate_highlighted_objection_clause(minimal_data):
    minimal_data["activities"] = [activity(direct_marketing=True, marketing_channels=["email"])]
    html = render(minimal_data).section("rechten").html
    assert "<strong>Bezwaar tegen reclame.</strong>" in html
    assert "zonder een reden te geven" in html


def test_rights_give_the_channel_term_and_id_advice(minimal_data):
    minimal_data["rights"] = {
        "response_term": 4,
        "response_term_unit": "weeks",
        "channels": ["email"],
    }
    text = section_text(render(minimal_data), "rechten")
    assert "privacy@voorbeeld.nl" in text and "binnen vier weken" in text
    assert "met twee maanden verlengen" in text and "Dit kost u niets" in text
    assert "burgerservicenummer (BSN) onleesbaar" in text


def test_the_ap_complaint_clause_is_always_there(minimal_data):
    assert "Autoriteit Persoonsgegevens" in section_text(render(minimal_data), "klacht")


def test_changes_are_announced_actively_when_a_channel_is_given(minimal_data):
    minimal_data["document"]["version_label"] = "3"
    minimal_data["other"] = {"change_notice": ["email", "banner"]}
    text = section_text(render(minimal_data), "wijzigingen")
    assert "Dit is versie 3 van 1 januari 2026." in text
    assert (
        "Dan laten wij u dat vooraf weten. Dat doen wij met een e-mail of een melding op onze website."
        in text
    )


def test_business_transfer_appears_only_when_answered(minimal_data):
    assert "overname" not in render(minimal_data).keys
    minimal_data["other"] = {"business_transfer": True}
    assert "overdracht van de onderneming" in section_text(render(minimal_data), "overname")


def test_extra_sections_are_markdown_without_html_before_contact(minimal_data):
    minimal_data["other"] = {
        "extra_sections": [
            {
                "title": "Camerabewaking",
                "body": "Wij filmen de **ingang**.\n\n<script>alert(1)</script>",
            }
        ]
    }
    document = render(minimal_data)
    assert document.keys[-2:] == ["extra-1", "contact"]
    html = document.section("extra-1").html
    assert "<strong>ingang</strong>" in html and "<script" not in html


def test_the_statement_never_uses_outdated_terms(minimal_data, slug):
    from tests.conftest import example_data

    for data in (minimal_data, example_data(slug)):
        text = full_text(render(data))
        # R26: Wbp, bewerker, CBP and Privacy Shield belong to the law before the AVG.
        assert not re.search(
            r"Wet bescherming persoonsgegevens|\bWbp\b|bewerker|\bCBP\b|Privacy Shield", text
        )
