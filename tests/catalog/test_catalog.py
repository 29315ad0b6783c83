"""The catalog: at least 60 common services, every entry valid as answers, with sources; a
picker that fills rows; and a catalog edit that only flags statements, never changes them."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from generator.answers.limits import RECIPIENTS
from generator.answers.loading import parse_answers
from generator.catalog.models import CatalogCookie, CatalogProcessor
from generator.catalog.services import catalog_changes, catalog_search
from generator.statements.services import organisation_create, statement_publish
from tests.conftest import example_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

REQUIRED = [
    "TransIP", "Hostnet", "Strato", "Hetzner", "Amazon Web Services", "Microsoft Azure", "Google Cloud", "Cloudflare",
    "Microsoft 365", "Google Workspace", "Mailchimp", "Spotler (Clang)", "Brevo", "Laposta", "HubSpot", "Pipedrive",
    "Salesforce", "TOPdesk", "Zendesk", "Freshdesk", "Intercom", "Moneybird", "Exact Online", "e-Boekhouden.nl",
    "SnelStart", "AFAS", "Nmbrs", "Mollie", "Adyen", "Stripe", "PayPal", "Buckaroo", "Klarna", "Google Analytics",
    "Matomo (zelf gehost)", "Plausible Analytics", "Hotjar", "Google Ads", "Meta Pixel", "LinkedIn Insight Tag",
    "YouTube", "Vimeo", "Zoom", "Microsoft Teams", "Typeform", "Calendly", "Shopify", "WooCommerce",
]  # fmt: skip


@pytest.fixture
def catalog():
    call_command("load_catalog")


def test_the_fixture_loads_once_and_covers_the_common_services(catalog):
    assert CatalogProcessor.objects.count() >= 60
    assert set(REQUIRED) <= set(CatalogProcessor.objects.values_list("name", flat=True))
    assert {"sessionid", "csrftoken", "PHPSESSID", "_ga", "_fbp"} <= set(
        CatalogCookie.objects.values_list("name", flat=True)
    )
    count = CatalogProcessor.objects.count()
    call_command("load_catalog")
    assert CatalogProcessor.objects.count() == count


def test_an_admin_edit_is_not_overwritten_by_loading_again(catalog):
    CatalogProcessor.objects.filter(key="mailchimp").update(description="Eigen tekst")
    call_command("load_catalog")
    assert CatalogProcessor.objects.get(key="mailchimp").description == "Eigen tekst"
    call_command("load_catalog", "--update")
    assert CatalogProcessor.objects.get(key="mailchimp").description != "Eigen tekst"


def test_every_entry_is_valid_as_answers_and_has_a_source(catalog):
    recipients = [
        {"id": f"r{i}", **p.facts()} for i, p in enumerate(CatalogProcessor.objects.all())
    ]
    cookies = [c.facts() for c in CatalogCookie.objects.select_related("processor")]
    answers = parse_answers({"recipients": recipients[:RECIPIENTS], "cookies": {"items": cookies}})
    assert len(answers.cookies.items) == CatalogCookie.objects.count()
    # The catalog holds more entries than one set of answers may have recipients: in batches.
    valid = len(answers.recipients)
    for start in range(RECIPIENTS, len(recipients), RECIPIENTS):
        valid += len(
            parse_answers({"recipients": recipients[start : start + RECIPIENTS]}).recipients
        )
    assert valid == len(recipients) >= 200  # issue 18: at least 200 for Dutch small organisations
    for entry in [*CatalogProcessor.objects.all(), *CatalogCookie.objects.all()]:
        assert entry.sources and all(s.startswith("https://") for s in entry.sources), entry.key
    for processor in CatalogProcessor.objects.filter(transfer_mechanism="dpf"):
        assert processor.dpf_certified is True and "dataprivacyframework" in " ".join(
            processor.sources
        ), processor.key


def test_search_finds_processors_and_cookies(catalog):
    assert catalog_search("processor", "mailch")[0]["facts"]["country"] == "US"
    assert catalog_search("cookie", "_ga")[0]["facts"]["duration"] == "2 jaar"
    assert catalog_search("processor", "m") == []


def test_the_search_endpoint_needs_a_login(client, catalog):
    url = reverse("catalog:search") + "?q=mollie"
    assert client.get(url).status_code == 302
    client.force_login(MembershipFactory().user)
    assert client.get(url).json()["results"][0]["label"] == "Mollie (betaalprovider)"


def test_a_catalog_edit_flags_statements_and_changes_nothing_published(client, catalog):
    owner = MembershipFactory()
    facts = CatalogProcessor.objects.get(key="google-analytics").facts()
    data = example_data("ipcall")
    google = next(r for r in data["recipients"] if r["id"] == "google")
    google["catalog"] = {"key": "google-analytics", "facts": facts}
    organisation = organisation_create(
        workspace=owner.workspace, name="ipcall.me B.V.", answers=data
    )
    version = statement_publish(statement=organisation.statement, user=None)
    html = version.html
    assert catalog_changes(organisation.statement.answers) == []
    CatalogProcessor.objects.filter(key="google-analytics").update(
        country="IE", transfer_mechanism=""
    )
    changes = catalog_changes(organisation.statement.answers)
    assert changes == [f"{google['name']}: de catalogus wijzigde land, doorgifte."]
    version.refresh_from_db()
    assert version.html == html
    organisation.statement.refresh_from_db()
    assert (
        next(r for r in organisation.statement.answers["recipients"] if r["id"] == "google")[
            "country"
        ]
        == "US"
    )
    client.force_login(owner.user)
    dashboard = client.get(reverse("statements:dashboard")).content.decode()
    assert (
        "data-catalog-changed" in dashboard and "de catalogus wijzigde land, doorgifte" in dashboard
    )


def test_a_picked_row_from_the_catalog_sets_its_transfer(client, catalog):
    from tests.wizard.helpers import step_data

    owner = MembershipFactory()
    client.force_login(owner.user)
    organisation = organisation_create(
        workspace=owner.workspace, name="X", answers={"activities": [{"id": "a", "name": "A"}]}
    )
    facts = CatalogProcessor.objects.get(key="mailchimp").facts()
    data = step_data("ontvangers", organisation.statement.answers, pk=organisation.pk, revision=0)
    data |= {"ontvangers-TOTAL_FORMS": "1", "ontvangers-0-name": facts["name"], "ontvangers-0-role": "processor",
             "ontvangers-0-country": facts["country"], "ontvangers-0-category": facts["category"],
             "ontvangers-0-catalog": json.dumps({"key": "mailchimp", "facts": facts})}  # fmt: skip
    assert (
        client.post(reverse("wizard:step", args=[organisation.pk, "ontvangers"]), data).status_code
        == 302
    )
    organisation.statement.refresh_from_db()
    recipient = organisation.statement.answers["recipients"][0]
    assert recipient["transfer_mechanism"] == "dpf" and recipient["catalog"]["key"] == "mailchimp"
