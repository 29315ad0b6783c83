"""The answers that make every claim of generator/clauses/claims.py: `full` makes most of them;
`small` makes those that exclude others (nobody receives data; an automated decision)."""

ANALYTICS_OK = {"dpa": True, "ip_anonymised": True, "sharing_off": True,
                "no_ads_features": True, "no_user_id": True}  # fmt: skip

FULL = {
    "document": {"effective_date": "2026-01-01", "version_label": "1", "register": "formal"},
    "controller": {
        "legal_name": "Jan en Piet de Vries", "legal_form": "private_persons",
        "kvk_registered": False, "trade_names": ["Bakkerij De Vries"],
        "street": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Ergens",
        "email": "privacy@voorbeeld.nl", "phone": "020 123 4567", "outside_eu": True,
        "representative": {"name": "EU Rep B.V.",
                           "address": {"street": "Kade 2", "postcode": "1011 AA", "city": "Amsterdam"}},
    },
    "dpo": {"designated": True, "email": "fg@voorbeeld.nl"},
    "recipients": [
        {"id": "host", "name": "Hoster B.V.", "role": "processor", "dpa_signed": True},
        {"id": "acc", "name": "onze accountant", "role": "controller"},
        {"id": "bd", "name": "de Belastingdienst", "role": "authority"},
        {"id": "cloud", "name": "Cloud Inc.", "country": "US", "transfer_mechanism": "dpf",
         "dpa_signed": True},
        {"id": "data", "name": "Data Ltd", "country": "IN", "transfer_mechanism": "scc",
         "safeguard_copy": "https://voorbeeld.nl/scc", "dpa_signed": True},
        {"id": "bank", "name": "Bank AS", "role": "controller", "country": "TR",
         "transfer_mechanism": "derogation", "derogation_ground": "b"},
    ],
    "activities": [
        {"id": "klant", "name": "Klantcontact", "purpose": "Vragen beantwoorden.",
         "data_categories": ["name", "email", "ip_address"],
         "legal_basis": "legitimate_interests",
         "legitimate_interest": "Wij willen vragen snel en goed beantwoorden.",
         "sources": ["data_subject", "usage", "third_party"], "source_name": "de werkgever",
         "source_notice": "first_contact", "provision": "voluntary",
         "retention": {"period": 6, "unit": "months", "trigger": "na het laatste contact"},
         "recipients": ["host", "cloud"], "direct_marketing": True,
         "marketing_channels": ["email", "post"], "marketing_existing_customers_only": True},
        {"id": "admin", "name": "Facturen", "purpose": "Facturen sturen.",
         "data_categories": ["name", "billing_address"], "legal_basis": "legal_obligation",
         "legal_obligation": "de Algemene wet inzake rijksbelastingen", "provision": "statutory",
         "provision_consequence": "Zonder deze gegevens sturen wij geen factuur.",
         "sources": ["data_subject"], "retention": {"fiscal": True},
         "recipients": ["acc", "bd"]},
        {"id": "brief", "name": "Nieuwsbrief", "purpose": "Nieuws sturen.",
         "data_categories": ["email"], "legal_basis": "consent",
         "consent_withdrawal": "met de afmeldlink", "special_categories": ["health"],
         "special_category_exception": "a", "bsn": True,
         "bsn_law": "de Wet op de loonbelasting 1964",
         "retention": {"period": 1, "unit": "months", "trigger": "na het afmelden"},
         "no_recipients": True},
        {"id": "misbruik", "name": "Misbruik voorkomen", "purpose": "Fraude opsporen.",
         "data_categories": ["ip_address"], "legal_basis": "legitimate_interests",
         "legitimate_interest": "Wij willen fraude met bestellingen op tijd opsporen.",
         "retention": {"period": 3, "unit": "months"}, "no_recipients": True},
        {"id": "export", "name": "Export", "purpose": "Producten leveren.",
         "data_categories": ["name", "address"], "legal_basis": "contract",
         "retention": {"period": 2, "unit": "years", "fiscal": True}, "recipients": ["data", "bank"]},
    ],
    "cookies": {
        "settings_url": "https://voorbeeld.nl/cookies",
        "items": [
            {"name": "_pk_id", "party": "first", "category": "analytics",
             "purpose": "Telt bezoeken.", "duration": "13 maanden", "analytics": ANALYTICS_OK},
            {"name": "_fbp", "party": "third", "provider": "Meta", "category": "marketing",
             "purpose": "Advertenties meten.", "duration": "3 maanden"},
        ],
    },
    "rights": {"channels": ["email", "phone", "post"], "id_check": True,
               "offered_rights": ["objection"]},
    "security": {"measures": ["tls"], "other": ["Wij werken met sleutels."]},
    "other": {"children": "not_directed", "sells_data": False, "automated_decisions": False,
              "change_notice": ["email"], "business_transfer": True},
}  # fmt: skip

SMALL = {
    "document": {"effective_date": "2026-01-01", "register": "formal"},
    "controller": {"legal_name": "Voorbeeld B.V.", "street": "Dorpsstraat 1",
                   "postcode": "1234 AB", "city": "Ergens", "email": "privacy@voorbeeld.nl"},
    "activities": [
        {"id": "krediet", "name": "Kredietcheck", "purpose": "Bepalen of iemand op rekening mag kopen.",
         "data_categories": ["name"], "legal_basis": "legitimate_interests",
         "legitimate_interest": "Wij willen geen onbetaalde rekeningen en toetsen daarom vooraf.",
         "no_recipients": True, "retention": {"period": 1, "unit": "years"},
         "automated_decision": {"description": "Wij beslissen of iemand op rekening mag kopen.",
                                "logic": "Een score uit de betaalgeschiedenis.",
                                "consequences": "Zonder goedkeuring betaalt iemand vooraf.",
                                "ground": "contract"}},
    ],
    "rights": {"channels": ["email"], "offered_rights": ["portability"]},
    "other": {"automated_decisions": True},
}  # fmt: skip

FIXTURES = {"full": FULL, "small": SMALL}
