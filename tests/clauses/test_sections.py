"""Each section of the default Dutch clause set: when it appears and what it must say."""

import re

import pytest

from tests.clauses.helpers import full_text, render, section_text

# Without activities or recipients there is nobody to name, and nothing to say about selling.
ALWAYS = ["samenvatting", "verantwoordelijke", "beveiliging", "rechten", "klacht", "wijzigingen",
          "contact"]  # fmt: skip


def activity(**fields) -> dict:
    return {"id": fields.pop("id", "a"), "name": fields.pop("name", "Klantcontact"), **fields}


def test_a_minimal_statement_has_only_the_sections_that_always_apply(minimal_data):
    assert render(minimal_data).keys == ALWAYS


def test_sections_without_content_do_not_appear(minimal_data):
    document = render(minimal_data)
    assert all(section.html.strip() and section.title for section in document.sections)
    for optional in ("fg", "verwerkingen", "doorgifte", "cookies", "kinderen", "overname"):
        assert optional not in document.keys
    # Nothing answered about automated decisions: the statement says nothing about them.
    assert "besluitvorming" not in document.keys


def test_the_controller_is_named_with_address_kvk_and_services(minimal_data):
    minimal_data["controller"] |= {"kvk_number": "12345678", "trade_names": ["Merk"]}
    minimal_data["services"] = [{"name": "Merk-app", "kind": "app"}]
    text = section_text(render(minimal_data), "verantwoordelijke")
    assert "Wij werken ook onder de naam Merk." in text and "ook bekend als" not in text
    assert "verwerkingsverantwoordelijke" in text
    assert "Dorpsstraat 1, 1234 AB Ergens" in text
    assert "KvK-nummer is 12345678" in text
    assert "de app Merk-app" in text


def test_a_controller_without_kvk_registration_can_be_described(minimal_data):
    minimal_data["controller"] |= {
        "legal_name": "Jan en Piet de Vries",
        "legal_form": "private_persons",
        "kvk_registered": False,
    }
    text = section_text(render(minimal_data), "verantwoordelijke")
    assert "Jan en Piet de Vries (samenwerkingsverband van particulieren) bepaalt" in text
    assert "Wij staan niet ingeschreven bij de Kamer van Koophandel (KvK)." in text


def test_the_legal_form_is_not_repeated_when_the_name_says_it(minimal_data):
    minimal_data["controller"]["legal_form"] = "bv"
    assert "besloten vennootschap" not in section_text(render(minimal_data), "verantwoordelijke")


def test_the_contact_section_lists_every_contact_detail_given(minimal_data):
    minimal_data["controller"] |= {
        "phone": "020 123 4567",
        "contact_hours": "op werkdagen van 9 tot 17 uur",
        "kvk_number": "12345678",
        "vat_id": "NL004495445B01",
        "iban": "NL91ABNA0417164300",
        "website": "https://voorbeeld.nl",
        "contacts": [
            {"topic": "klantenservice", "email": "service@voorbeeld.nl"},
            {"topic": "facturen", "phone": "020 765 4321"},
        ],
    }
    text = section_text(render(minimal_data), "contact")
    for expected in (
        "Voorbeeld B.V. Dorpsstraat 1 1234 AB Ergens",
        "E-mail: privacy@voorbeeld.nl",
        "Telefoon: +31 20 123 4567 (op werkdagen van 9 tot 17 uur)",
        "Klantenservice: service@voorbeeld.nl",
        "Facturen: +31 20 765 4321",
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


def test_each_activity_states_purpose_basis_source_provision_and_retention(minimal_data):
    minimal_data["activities"] = [
        activity(
            purpose="Vragen beantwoorden",
            data_categories=["name", "email", "mobile"],
            data_categories_other=["klantnummer"],
            legal_basis="legitimate_interests",
            legitimate_interest="Wij willen vragen snel en goed beantwoorden",
            sources=["data_subject"],
            provision="voluntary",
            provision_consequence="Zonder e-mailadres kunnen wij niet antwoorden.",
            retention={"period": 6, "unit": "months", "trigger": "na het laatste contact"},
            no_recipients=True,
        )
    ]
    document = render(minimal_data)
    text = section_text(document, "verwerkingen")
    # A full stop after the organisation's own text, whether typed or not.
    assert "Doel: Vragen beantwoorden." in text
    assert "Een gerechtvaardigd belang (artikel 6 lid 1 sub f AVG)" in text
    assert "Ons belang: Wij willen vragen snel en goed beantwoorden." in text
    assert "Bron: U geeft ons deze gegevens zelf." in text
    assert "Verplicht: Nee, u hoeft deze gegevens niet te geven." in text
    assert "Hoe lang wij ze bewaren: Zes maanden na het laatste contact." in text
    assert "Wie ze krijgt: Niemand buiten onze organisatie." in text
    # The overview table: one row per activity, doel · gegevens · grondslag · bewaartermijn.
    table = document.section("verwerkingen").html
    assert '<th scope="col">Grondslag</th><th scope="col">Bewaartermijn</th>' in table
    assert "mobiel telefoonnummer en klantnummer</td>" in table
    # "grondslag" and "gerechtvaardigd belang" explained once, in plain words.
    assert text.count("De grondslag is de reden in de wet") == 1
    assert "Bij een gerechtvaardigd belang gebruiken wij gegevens voor een eigen" in text


def test_the_source_is_said_only_when_answered_and_usage_data_arises_from_use(minimal_data):
    minimal_data["activities"] = [activity(data_categories=["name"])]
    assert "Bron:" not in section_text(render(minimal_data), "verwerkingen")
    minimal_data["activities"] = [
        activity(data_categories=["name", "ip_address"], sources=["data_subject", "usage"])
    ]
    text = section_text(render(minimal_data), "verwerkingen")
    assert "U geeft ons een deel van deze gegevens zelf." in text
    assert "De rest ontstaat door uw gebruik van onze diensten: IP-adres." in text


def test_indirect_collection_names_the_source_once_and_when_people_are_told(minimal_data):
    minimal_data["activities"] = [
        activity(sources=["third_party"], source_name="de werkgever", source_notice="first_contact")
    ]
    text = section_text(render(minimal_data), "verwerkingen")
    assert "Deze gegevens krijgen wij van de werkgever." in text
    assert text.count("de werkgever") == 1
    assert (
        "Dat wij gegevens van een ander krijgen, laten wij u weten bij ons eerste contact, en "
        "uiterlijk binnen een maand." in text
    )
    assert text.count("binnen een maand") == 1  # the Art. 14(3) outer limit, not a promise
    minimal_data["activities"][0]["source_notice"] = "already_informed"
    assert (
        "Dat wij gegevens van een ander krijgen, weet u dan al van de werkgever."
        in section_text(render(minimal_data), "verwerkingen")
    )


def test_fiscal_retention_is_an_administratie_block_with_its_law(minimal_data):
    minimal_data["activities"] = [
        activity(retention={"period": 6, "unit": "months", "fiscal": True})
    ]
    document = render(minimal_data)
    text = section_text(document, "verwerkingen")
    assert "Gegevens voor onze administratie, zoals facturen, bewaren wij zeven jaar" in text
    assert "Administratie Facturen, betalingen en andere stukken" in text
    assert "artikel 52 lid 4 van de Algemene wet inzake rijksbelastingen" in text
    assert "een wettelijke verplichting (artikel 6 lid 1 sub c AVG)" in text
    assert "Belastingdienst" not in text


@pytest.mark.parametrize(
    ("provision", "says", "not_said"),
    [
        # The law obliges the organisation to record the data; not the person to give it.
        ("statutory", "Ja. De wet verplicht ons deze gegevens vast te leggen.", "Geeft u ze niet"),
        ("contractual", "Ja. Dat staat in de overeenkomst met ons.", "nodig voor de overeenkomst"),
        ("contract_necessary", "Ja, deze gegevens zijn nodig voor de overeenkomst met u.", "Dat staat in de overeenkomst"),
        ("voluntary", "Nee, u hoeft deze gegevens niet te geven.", "De wet verplicht"),
    ],
)  # fmt: skip
def test_each_kind_of_requirement_has_its_own_words(minimal_data, provision, says, not_said):
    minimal_data["activities"] = [
        activity(
            provision=provision,
            sources=["data_subject"],
            legal_basis="legal_obligation",
            legal_obligation="de Algemene wet inzake rijksbelastingen",
            provision_consequence="Zonder deze gegevens sturen wij geen factuur.",
        )
    ]
    text = section_text(render(minimal_data), "verwerkingen")
    assert f"Verplicht: {says}" in text and not_said not in text
    assert "Zonder deze gegevens sturen wij geen factuur." in text


def test_consent_activities_explain_withdrawal(minimal_data):
    minimal_data["activities"] = [
        activity(legal_basis="consent", consent_withdrawal="Met de afmeldlink in elke e-mail.")
    ]
    document = render(minimal_data)
    assert "Toestemming intrekken: Dat kan altijd, met de afmeldlink in elke e-mail." in (
        section_text(document, "verwerkingen")
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
    document = render(minimal_data)
    text = section_text(document, "bijzondere-gegevens")
    assert "gegevens over gezondheid" in text and "artikel 9 lid 2 sub h AVG" in text
    assert "Dat schrijft deze wet voor: de Wet op de loonbelasting 1964." in text
    # The summary names the special categories too.
    assert "gevoelige gegevens: gegevens over gezondheid." in section_text(document, "samenvatting")


def test_children_under_sixteen_get_no_consent_route_without_consent(minimal_data):
    minimal_data["other"] = {"children": "not_directed"}
    text = section_text(render(minimal_data), "kinderen")
    assert "jonger dan 16 jaar" in text and "ouder of voogd" not in text
    minimal_data["activities"] = [
        activity(legal_basis="consent", consent_withdrawal="met de afmeldlink")
    ]
    assert "toestemming van een ouder of voogd nodig" in section_text(
        render(minimal_data), "kinderen"
    )
    minimal_data["other"] = {
        "children": "directed",
        "parental_consent": "Wij sturen de ouder een e-mail.",
    }
    text = section_text(render(minimal_data), "kinderen")
    assert "aan een ouder of voogd (artikel 5 UAVG). Wij sturen de ouder een e-mail." in text


def test_recipients_are_listed_with_role_and_processor_agreements(minimal_data):
    minimal_data["recipients"] = [
        {"id": "host", "name": "Hoster B.V.", "role": "processor", "dpa_signed": True},
        {"id": "acc", "name": "onze accountant", "role": "controller"},
        {"id": "bd", "name": "de Belastingdienst", "role": "authority"},
        {"id": "ict", "name": "onze ICT-leverancier", "category": "ICT-leverancier",
         "role": "processor", "dpa_signed": True},
    ]  # fmt: skip
    minimal_data["other"] = {"sells_data": False}
    document = render(minimal_data)
    text = section_text(document, "ontvangers")
    assert "Wij verkopen uw gegevens niet." in text
    assert "Met elke verwerker hebben wij een verwerkersovereenkomst gesloten." in text
    assert "Onze accountant is zelf verantwoordelijk" in text
    assert (
        "Aan de Belastingdienst geven wij alleen gegevens als de wet of een rechter dat eist"
        in text
    )
    html = document.section("ontvangers").html
    # A capital where a cell starts, the category not repeated after its own name.
    assert "<td>Onze accountant</td>" in html and "<td>Onze ICT-leverancier</td>" in html


def test_selling_data_is_only_denied_when_answered(minimal_data):
    minimal_data["recipients"] = [{"id": "a", "name": "Alfa", "dpa_signed": True}]
    assert "verkopen" not in section_text(render(minimal_data), "ontvangers")
    minimal_data["other"] = {"sells_data": True}
    assert "Wij verkopen persoonsgegevens aan andere organisaties." in section_text(
        render(minimal_data), "ontvangers"
    )


def test_a_processor_without_agreement_is_not_claimed_to_have_one(minimal_data):
    minimal_data["recipients"] = [
        {"id": "a", "name": "Alfa", "dpa_signed": True},
        {"id": "b", "name": "Beta", "dpa_signed": False},
    ]
    text = section_text(render(minimal_data), "ontvangers")
    assert "Met elke verwerker" not in text
    assert "Met Alfa hebben wij een verwerkersovereenkomst gesloten." in text


def transfer(mechanism: str, **fields) -> dict:
    return {"id": mechanism, "name": f"{mechanism.upper()} Inc.", "country": "US",
            "transfer_mechanism": mechanism, **fields}  # fmt: skip


@pytest.mark.parametrize(
    ("recipient", "says"),
    [
        (transfer("dpf"), "DPF Inc. is gecertificeerd onder het EU-VS Data Privacy Framework."),
        (transfer("adequacy", country="CH"), "heeft besloten dat Zwitserland persoonsgegevens passend beschermt"),
        (transfer("scc", safeguard_copy="privacy@voorbeeld.nl"), "Een kopie vraagt u op via privacy@voorbeeld.nl."),
        (transfer("bcr", safeguard_copy="https://bcr.example/regels"), "bindende bedrijfsvoorschriften (binding corporate rules)"),
        (transfer("derogation", derogation_ground="b"), "de doorgifte is nodig voor een overeenkomst met de betrokkene (artikel 49 lid 1 sub b AVG)"),
    ],
    ids=lambda value: value["transfer_mechanism"] if isinstance(value, dict) else "",
)  # fmt: skip
def test_each_transfer_mechanism_has_its_own_text(minimal_data, recipient, says):
    minimal_data["recipients"] = [recipient]
    document = render(minimal_data)
    text = section_text(document, "doorgifte")
    assert says in text
    assert "Eén ontvanger zit buiten de Europese Economische Ruimte (EER)." in text
    html = document.section("doorgifte").html
    if recipient["transfer_mechanism"] == "dpf":
        assert 'href="https://www.dataprivacyframework.gov/list"' in html
    if recipient["transfer_mechanism"] == "bcr":
        assert 'href="https://bcr.example/regels"' in html  # a copy as a clickable link
    if recipient["transfer_mechanism"] == "derogation":
        assert "minder goed beschermd dan in de EER" in text
    else:
        assert "minder goed beschermd" not in text


def test_transfers_count_their_recipients_and_leave_the_eea_out(minimal_data):
    minimal_data["recipients"] = [
        transfer("dpf"),
        transfer("scc", safeguard_copy="privacy@voorbeeld.nl", country="IN"),
        {"id": "n", "name": "Noors AS", "country": "NO"},
    ]
    text = section_text(render(minimal_data), "doorgifte")
    assert "Twee ontvangers zitten buiten de Europese Economische Ruimte (EER)." in text
    assert "Noors" not in text  # Norway is in the EEA


def test_cookies_are_tabled_and_consent_cookies_explain_withdrawal(minimal_data):
    minimal_data["cookies"] = {
        "settings_url": "https://voorbeeld.nl/cookies",
        "items": [
            {"name": "sessie", "party": "first", "category": "functional", "purpose": "Inloggen",
             "duration": "sessie"},
            {"name": "_fbp", "category": "marketing", "provider": "Meta", "purpose": "Advertenties.",
             "duration": "3 maanden", "party": "third"},
        ],
    }  # fmt: skip
    document = render(minimal_data)
    html = document.section("cookies").html
    assert html.count("<tr>") == 3 and "<td>Inloggen.</td>" in html
    text = section_text(document, "cookies")
    assert "Functionele cookies" in text and "artikel 11.7a lid 3 Telecommunicatiewet" in text
    assert "Voor _fbp vragen wij eerst uw toestemming" in text
    assert "uw toestemming altijd intrekken of aanpassen in de cookie-instellingen" in text
    assert 'href="https://voorbeeld.nl/cookies"' in html


ALL_MET = {"dpa": True, "ip_anonymised": True, "sharing_off": True, "no_ads_features": True,
           "no_user_id": True}  # fmt: skip


def test_analytics_without_consent_fits_the_tool_and_names_the_rule(minimal_data):
    minimal_data["recipients"] = [{"id": "g", "name": "Google LLC", "country": "US",
                                   "transfer_mechanism": "dpf", "dpa_signed": True}]  # fmt: skip
    minimal_data["cookies"] = {
        "items": [
            {"name": "_pk_id", "party": "first", "category": "analytics", "purpose": "Meten.",
             "duration": "13 maanden",
             "analytics": {"ip_anonymised": True, "sharing_off": True, "no_user_id": True}},
            {"name": "_ga", "party": "third", "recipient": "g", "category": "analytics",
             "purpose": "Meten.", "duration": "13 maanden", "analytics": ALL_MET},
        ]
    }  # fmt: skip
    text = section_text(render(minimal_data), "cookies")
    matomo, google = text.split("Voor _ga", 1)
    # Self-hosted: no provider, so no verwerkersovereenkomst and no advertising features.
    assert "meetprogramma dat wij zelf draaien" in matomo
    assert "verwerkersovereenkomst" not in matomo and "reclame" not in matomo
    assert "wij hebben een verwerkersovereenkomst met de aanbieder" in google
    assert "reclame en andere diensten van de aanbieder staan uit" in google
    # The statute for both; the AP's conditions are those for a provider such as Google.
    assert "artikel 11.7a lid 3 Telecommunicatiewet)" in matomo
    assert "Autoriteit Persoonsgegevens" not in matomo
    assert "De voorwaarden daarvoor komen van de Autoriteit Persoonsgegevens." in google


def test_no_automated_decisions_is_said_only_when_answered(minimal_data):
    minimal_data["other"] = {"automated_decisions": False}
    text = section_text(render(minimal_data), "besluitvorming")
    assert "Er is dus geen geautomatiseerde besluitvorming (artikel 22 AVG)." in text
    assert "profilering" in text
    assert "Er kijkt altijd een mens mee" not in text


def test_automated_decisions_give_logic_consequences_and_art22_rights(minimal_data):
    minimal_data["activities"] = [
        activity(
            automated_decision={
                "description": "Wij beslissen of iemand op rekening mag betalen.",
                "logic": "Een score op basis van de betaalgeschiedenis.",
                "consequences": "Zonder goedkeuring betaalt iemand vooraf.",
                "ground": "contract",
            }
        )
    ]
    text = section_text(render(minimal_data), "besluitvorming")
    assert "Een score op basis van de betaalgeschiedenis." in text
    assert "medewerker het besluit opnieuw bekijkt" in text and "aanvechten" in text


def test_security_claims_only_the_measures_given(minimal_data):
    assert "Alleen wie ze nodig heeft" not in full_text(render(minimal_data))
    assert "Dat doen wij zo" not in section_text(render(minimal_data), "beveiliging")
    minimal_data["security"] = {"measures": ["tls"]}
    text = section_text(render(minimal_data), "beveiliging")
    assert "Dat doen wij zo: verbindingen met onze website en diensten zijn versleuteld" in text


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
    document = render(minimal_data)
    text = section_text(document, "rechten")
    for always in (
        "recht op inzage",
        "recht op rectificatie",
        "recht op vergetelheid",
        "recht op beperking",
    ):
        assert always in text
    assert ("recht van bezwaar" in text) is objection
    assert ("bezwaar" in document.keys) is objection
    assert ("recht op gegevensoverdraagbaarheid" in text) is portability


def test_restriction_is_about_accuracy_and_objections_not_complaints(minimal_data):
    minimal_data["activities"] = [activity(legal_basis="legitimate_interests")]
    text = section_text(render(minimal_data), "rechten")
    assert "zolang wij nagaan of uw gegevens kloppen, of zolang wij uw bezwaar beoordelen" in text
    assert "klacht" not in text


def test_a_right_offered_beyond_the_bases_is_said_so(minimal_data):
    minimal_data["activities"] = [activity(legal_basis="legitimate_interests")]
    minimal_data["rights"] = {"offered_rights": ["portability"]}
    text = section_text(render(minimal_data), "rechten")
    assert "recht op gegevensoverdraagbaarheid). Dit recht geven wij ook waar de AVG het" in text


def test_objection_has_its_own_section_naming_activities_and_channels(minimal_data):
    minimal_data["activities"] = [
        activity(legal_basis="legitimate_interests", name="Statistieken"),
        activity(id="b", name="Reclame", legal_basis="consent", consent_withdrawal="via de link",
                 direct_marketing=True, marketing_channels=["email", "phone", "post"]),
    ]  # fmt: skip
    document = render(minimal_data)
    assert document.keys.index("bezwaar") == document.keys.index("rechten") - 1
    text = section_text(document, "bezwaar")
    assert "tegen het gebruik van uw gegevens voor deze doelen: Statistieken." in text
    # Objecting to advertising is unconditional, so it is not weighed with the others.
    assert "deze doelen: Statistieken. Dat gebruik" in text and "‘Reclame’" in text
    assert "dwingende gerechtvaardigde gronden die zwaarder wegen dan uw belangen, rechten" in text
    html = document.section("bezwaar").html
    assert "<strong>Bezwaar tegen reclame.</strong>" in html
    for channel in ("reclame per e-mail: klik op de afmeldlink", "reclame per telefoon: zeg het",
                    "reclame per post: stuur een brief naar Voorbeeld B.V., Dorpsstraat 1"):  # fmt: skip
        assert channel in text
    # The summary puts objection before the other rights.
    summary = section_text(document, "samenvatting")
    assert summary.index("Bezwaar:") < summary.index("Andere rechten:")


def test_every_request_channel_chosen_appears(minimal_data):
    minimal_data["controller"] |= {
        "phone": "020 123 4567",
        "contact_form_url": "https://voorbeeld.nl/contact",
    }
    minimal_data["rights"] = {"channels": ["email", "form", "post", "phone", "account"]}
    text = section_text(render(minimal_data), "rechten")
    for way in (
        "per e-mail: privacy@voorbeeld.nl",
        "met ons formulier",  # the contact form counts as a channel
        "per brief: Voorbeeld B.V., Dorpsstraat 1, 1234 AB Ergens",
        "telefonisch: +31 20 123 4567",
        "in de instellingen van uw account",
    ):
        assert way in text


def test_rights_give_the_term_and_id_advice_only_when_asked(minimal_data):
    minimal_data["rights"] = {"response_term": 4, "response_term_unit": "weeks"}
    text = section_text(render(minimal_data), "rechten")
    assert "binnen vier weken" in text and "met twee maanden verlengen" in text
    assert "Dit kost u niets" in text and "identiteitsbewijs" not in text
    minimal_data["rights"]["id_check"] = True
    text = section_text(render(minimal_data), "rechten")
    assert "burgerservicenummer (BSN) onleesbaar" in text


def test_the_informal_register_uses_the_unstressed_je(minimal_data):
    text = full_text(render(minimal_data, "informal"))
    assert "Zo gebruik je je rechten" in text and "Dit kost je niets" in text
    assert "Zo gebruik je jouw rechten" not in text


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


def test_business_transfer_makes_no_promises_it_was_not_given(minimal_data):
    assert "overname" not in render(minimal_data).keys
    minimal_data["other"] = {"business_transfer": True}
    text = section_text(render(minimal_data), "overname")
    assert "gaan uw gegevens mee naar de koper" in text
    assert "vooraf" not in text and "nieuwe eigenaar is" not in text
    minimal_data["other"]["change_notice"] = ["email"]
    assert "Zo'n overdracht melden wij vooraf, met een e-mail." in section_text(
        render(minimal_data), "overname"
    )


def test_the_summary_opens_the_statement_before_the_table_of_contents(minimal_data):
    minimal_data["activities"] = [
        activity(data_categories=["email", "ip_address"], legal_basis="contract",
                 retention={"period": 1, "unit": "years"}, no_recipients=True)
    ]  # fmt: skip
    document = render(minimal_data)
    assert [s.key for s in document.lead_sections] == ["samenvatting"]
    assert "samenvatting" not in dict(document.toc)
    text = section_text(document, "samenvatting")
    for part in (
        "Wie: Voorbeeld B.V. in Ergens is verantwoordelijk voor uw gegevens.",
        "Welke gegevens: naam en contactgegevens; IP-adres en apparaat- en cookiegegevens.",
        "‘Klantcontact’: een overeenkomst.",
        "Hoe lang: Klantcontact: Eén jaar.",
        "Met wie: Met niemand buiten onze organisatie.",
        "Klacht: Mail naar privacy@voorbeeld.nl. U kunt ook klagen bij de Autoriteit",
    ):
        assert part in text


def test_activity_details_refer_to_the_recipients_section_once(slug):
    from tests.conftest import example_data

    text = section_text(render(example_data(slug)), "verwerkingen")
    assert text.count("‘Met wie wij gegevens delen’") == 1


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
