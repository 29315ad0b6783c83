"""Every field of the Answers can be reached in the wizard: answering each step as the example
organisations would, the saved draft equals their answers file exactly."""

import copy

import pytest
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.statements.models import Statement
from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.factories import MembershipFactory
from tests.wizard.helpers import step_data


def in_languages(workspace, answers: dict):
    """A new organisation whose statement is already in the answers' languages, so each step
    shows the fields for the other language, as when someone chose English before."""
    document = {key: answers["document"][key] for key in ("language", "extra_languages")}
    return organisation_create(
        workspace=workspace,
        name="Nieuw",
        answers={"controller": {"legal_name": "Nieuw"}, "document": document},
    )


def walk(client, organisation, answers: dict) -> list[str]:
    """Answer every step the wizard offers, in its order; return the steps visited."""
    visited = []
    url = reverse("wizard:start", args=[organisation.pk])
    response = client.get(url)
    while response.status_code == 302 and "/wizard/" in response["Location"]:
        url = response["Location"]
        step = url.rstrip("/").rsplit("/", 1)[-1]
        assert client.get(url).status_code == 200, step
        revision = Statement.objects.get(organisation=organisation).revision
        response = client.post(url, step_data(step, answers, pk=organisation.pk, revision=revision))
        assert response.status_code == 302, (step, response.content.decode()[-3000:])
        visited.append(step)
    assert response["Location"] == reverse("statements:dashboard")
    return visited


@pytest.mark.django_db
def test_the_wizard_reproduces_every_example_exactly(client, slug):
    membership = MembershipFactory()
    client.force_login(membership.user)
    expected = parse_answers(example_data(slug)).model_dump(mode="json")
    organisation = in_languages(membership.workspace, expected)
    visited = walk(client, organisation, expected)
    assert visited[0] == "organisatie" and visited[-1] == "controle"
    statement = Statement.objects.get(organisation=organisation)
    assert statement.answers == expected
    assert statement.complete is True


DUTCH_ONLY = {
    "document": {"title": "Privacyverklaring", "version_label": "3.1", "effective_date": "2026-02-01",
                 "language": "nl", "extra_languages": ["en"], "register": "informal"},
    "controller": {
        "legal_name": "Wereldwijd Inc.", "legal_form": "other", "trade_names": ["Wereld", "WW"],
        "country": "US", "street": "1 Main Street", "postcode": "10001", "city": "New York",
        "kvk_number": "12345678", "vat_id": "NL004495445B01", "iban": "NL91ABNA0417164300",
        "email": "privacy@wereld.example", "phone": "+12125550100", "website": "https://wereld.example",
        "contact_form_url": "https://wereld.example/contact", "contact_hours": "9-17 uur",
        "about": "Wij verbinden de wereld.", "outside_eu": True, "kvk_registered": True,
        "contacts": [{"topic": "facturen", "email": "facturen@wereld.example", "phone": None},
                     {"topic": "klantenservice", "email": None, "phone": "+31207654321"}],
        "representative": {"name": "EU Rep B.V.", "email": "rep@eurep.example",
                           "address": {"country": "NL", "street": "Kade 1", "postcode": "1011 AA", "city": "Amsterdam"}},
    },
    "dpo": {"public_authority": True, "large_scale_monitoring": True, "large_scale_special_data": True,
            "designated": True, "name": "F. de Graaf", "email": "fg@wereld.example", "phone": "+31201234567"},
    "services": [{"name": "Wereld-app", "kind": "app", "url": "https://app.wereld.example", "description": "De app."}],
    "recipients": [
        {"id": "cloud", "name": "Cloud LLC", "role": "processor", "category": "hosting", "description": "Hosting.",
         "country": "US", "transfer_mechanism": "scc", "derogation": None,
         "safeguard_copy": "https://wereld.example/scc", "dpa_signed": True,
         "catalog": {"key": "aws", "facts": {"name": "Amazon Web Services EMEA SARL", "country": "LU"}}},
        {"id": "bank", "name": "Bank AG", "role": "controller", "category": None, "description": None,
         "country": "CH", "transfer_mechanism": "derogation", "derogation_ground": "b",
         "derogation": "Voor betalingen aan klanten in Zwitserland.",
         "safeguard_copy": None, "dpa_signed": False},
        {"id": "fiscus", "name": "Belastingdienst", "role": "authority", "category": None, "description": None,
         "country": "NL", "transfer_mechanism": None, "derogation": None, "safeguard_copy": None, "dpa_signed": False},
    ],
    "activities": [
        {"id": "zorg", "name": "Zorg", "purpose": "Zorg verlenen.", "data_subjects": ["customers", "children"],
         "data_subjects_other": ["mantelzorgers"], "data_categories": ["name", "birth_date"],
         "data_categories_other": ["dossiernummer"], "special_categories": ["health"],
         "special_category_exception": "h", "criminal_data": True, "criminal_data_basis": "UAVG artikel 33",
         "bsn": True, "bsn_law": "Wet gebruik BSN in de zorg", "legal_basis": "legal_obligation",
         "legal_obligation": "WGBO", "legitimate_interest": None, "consent_withdrawal": None,
         "sources": ["data_subject", "third_party"], "source_name": "je huisarts", "source_public": False,
         "source_notice": "first_contact", "provision": "statutory",
         "provision_consequence": "Dan kunnen wij je niet helpen.",
         "retention": {"period": 20, "unit": "years", "trigger": "na de laatste behandeling",
                       "criterion": "Langer als dat nodig is voor je gezondheid.", "fiscal": False,
                       "per_category": "Foto's bewaren wij één jaar."},
         "recipients": ["cloud", "fiscus"], "no_recipients": False,
         "automated_decision": {"description": "Triage.", "logic": "Een vragenlijst.", "consequences": "Voorrang.",
                                "ground": "explicit_consent", "profiling": True},
         "direct_marketing": False, "marketing_channels": [], "marketing_existing_customers_only": False},
        {"id": "reclame", "name": "Reclame", "purpose": "Aanbiedingen sturen.", "data_subjects": ["customers"],
         "data_subjects_other": [], "data_categories": ["email"], "data_categories_other": [],
         "special_categories": [], "special_category_exception": None, "criminal_data": False,
         "criminal_data_basis": None, "bsn": False, "bsn_law": None, "legal_basis": "consent",
         "legal_obligation": None, "legitimate_interest": None, "consent_withdrawal": "Via de afmeldlink.",
         "sources": ["data_subject", "usage"], "source_name": None, "source_public": False,
         "source_notice": None, "provision": "voluntary",
         "provision_consequence": None,
         "retention": {"period": None, "unit": None, "trigger": None, "criterion": "Tot je je afmeldt.", "fiscal": True},
         "recipients": ["bank"], "no_recipients": False, "automated_decision": None,
         "direct_marketing": True, "marketing_channels": ["email", "sms"], "marketing_existing_customers_only": True},
    ],
    "cookies": {
        "items": [
            {"name": "_ga", "party": "third", "recipient": "cloud", "provider": None, "category": "analytics",
             "purpose": "Meten.", "duration": "2 jaar", "activity": "zorg",
             "analytics": {"dpa": True, "ip_anonymised": True, "sharing_off": False, "no_ads_features": True,
                           "no_user_id": False}},
            {"name": "fbp", "party": "third", "recipient": None, "provider": "Meta", "category": "marketing",
             "purpose": "Advertenties.", "duration": "3 maanden", "analytics": None, "activity": "reclame",
             "catalog": {"key": "meta-fbp", "facts": {"name": "_fbp"}}},
        ],
        "settings_url": "https://wereld.example/cookies",
    },
    "rights": {"channels": ["email", "form", "account"], "email": "rechten@wereld.example",
               "form_url": "https://wereld.example/rechten", "response_term": 3, "response_term_unit": "weeks",
               "id_check": True, "complaint_email": "klacht@wereld.example",
               "offered_rights": ["objection", "portability"]},
    "security": {"measures": ["tls", "two_factor"], "other": ["Kluis voor papieren dossiers"],
                 "report_email": "security@wereld.example"},
    "other": {"children": "directed", "parental_consent": "Een ouder tekent mee.",
              "change_notice": ["email", "in_app"], "sells_data": True, "automated_decisions": True,
              "business_transfer": True,
              "extra_sections": [{"title": "Camera's", "body": "Wij filmen de **ingang**."}]},
}  # fmt: skip

# The statement is also in English: every free text has its English version, except what reads
# the same in both (names of companies, a link, a bare duration the statement writes itself).
ENGLISH = {
    "document.title": "Privacy statement",
    "controller.contact_hours": "9 am to 5 pm",
    "controller.about": "We connect the world.",
    "controller.contacts.0.topic": "invoices",
    "controller.contacts.1.topic": "customer service",
    "services.0.description": "The app.",
    "recipients.0.category": "hosting",
    "recipients.0.description": "Hosting.",
    "recipients.1.derogation": "For payments to customers in Switzerland.",
    "recipients.2.name": "the Dutch Tax Administration (Belastingdienst)",
    "activities.0.name": "Care",
    "activities.0.purpose": "Providing care.",
    "activities.0.data_subjects_other.0": "informal carers",
    "activities.0.data_categories_other.0": "file number",
    "activities.0.criminal_data_basis": "UAVG Article 33",
    "activities.0.bsn_law": "the Act on the use of the BSN in healthcare",
    "activities.0.legal_obligation": "the Medical Treatment Contracts Act (WGBO)",
    "activities.0.source_name": "your GP",
    "activities.0.provision_consequence": "Then we cannot help you.",
    "activities.0.retention.trigger": "after the last treatment",
    "activities.0.retention.criterion": "Longer if your health requires it.",
    "activities.0.retention.per_category": "We keep photos for one year.",
    "activities.0.automated_decision.description": "Triage.",
    "activities.0.automated_decision.logic": "A questionnaire.",
    "activities.0.automated_decision.consequences": "Priority.",
    "activities.1.name": "Advertising",
    "activities.1.purpose": "Sending offers.",
    "activities.1.consent_withdrawal": "With the unsubscribe link.",
    "activities.1.retention.criterion": "Until you unsubscribe.",
    "cookies.items.0.purpose": "Measuring.",
    "cookies.items.1.purpose": "Advertisements.",
    "security.other.0": "A safe for paper files",
    "other.parental_consent": "A parent signs too.",
    "other.extra_sections.0.title": "Cameras",
    "other.extra_sections.0.body": "We film the **entrance**.",
}


def with_versions(answers: dict, versions: dict[str, str], language: str = "en") -> dict:
    """The answers with, at each dotted path, the text as {"nl": as typed, language: version}."""
    result = copy.deepcopy(answers)
    for path, text in versions.items():
        *parents, last = [int(step) if step.isdigit() else step for step in path.split(".")]
        node = result
        for step in parents:
            node = node[step]
        node[last] = {"nl": node[last], language: text}
    return result


EVERY_FIELD = with_versions(DUTCH_ONLY, ENGLISH)


@pytest.mark.django_db
def test_every_field_of_the_answers_can_be_set_in_the_wizard(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    expected = parse_answers(EVERY_FIELD).model_dump(mode="json")
    organisation = in_languages(membership.workspace, expected)
    visited = walk(client, organisation, expected)
    assert "doorgifte" in visited and "cookies" in visited
    assert Statement.objects.get(organisation=organisation).answers == expected


def test_the_every_field_answers_really_set_every_field():
    """Guard for the test above: no field of the schema is left at its default."""
    from generator.answers.schema import Answers

    def unset(model, data, path=""):
        for name, field in model.model_fields.items():
            value = data.get(name)
            annotation = field.annotation
            nested = getattr(annotation, "model_fields", None)
            if nested is not None and isinstance(value, dict):
                yield from unset(annotation, value, f"{path}{name}.")
            elif value in (None, [], {}, False) and name not in {"schema_version"}:
                yield f"{path}{name}"

    answers = parse_answers(EVERY_FIELD)
    data = answers.model_dump(mode="json")
    missing = [p for p in unset(Answers, data) if p not in ALLOWED_EMPTY]
    assert missing == []


# (Lists are not walked by the guard; their rows above set every field between them.)
ALLOWED_EMPTY: set[str] = set()
