"""The review step shows the checker's result: score, blocking findings first, each with a link
to the step and field that fixes it, and the readability per section."""

import re

import pytest
from django.urls import reverse

from generator.statements.services import organisation_create
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

BROKEN = {
    "document": {},
    "controller": {"legal_name": "Lek B.V.", "postcode": "1234 AB", "city": "Ergens", "email": "a@b.nl"},
    "dpo": {"designated": True},
    "services": [{"name": "Site", "kind": "website"}],
    "recipients": [
        {"id": "host", "name": "Host B.V.", "role": "processor"},
        {"id": "cloud", "name": "Cloud Inc.", "country": "US", "dpa_signed": True},
    ],
    "activities": [
        {"id": "a", "name": "Klanten", "purpose": "", "legal_basis": "legitimate_interests",
         "legitimate_interest": "Belang.", "provision": "voluntary", "retention": {"period": 1, "unit": "years"},
         "recipients": ["host", "cloud"]},
    ],
    "cookies": {"items": [{"name": "fbp", "category": "marketing", "purpose": "Advertenties.", "duration": "3 maanden", "party": "third", "recipient": "cloud"}]},
}  # fmt: skip


@pytest.fixture
def page(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    organisation = organisation_create(
        workspace=membership.workspace, name="Lek B.V.", answers=BROKEN
    )
    html = client.get(reverse("wizard:step", args=[organisation.pk, "controle"])).content.decode()
    return client, organisation, html


def test_blocking_findings_come_first_with_rule_and_article(page):
    _, _, html = page
    severities = re.findall(r'data-severity="([EW])"', html)
    assert severities and severities == sorted(severities)  # all E before any W
    for rule in ("R1", "R3", "R4", "R5", "R12", "R13", "R22", "R25"):
        assert f'data-rule="{rule}"' in html, rule
    assert "Art. 13(1)(d) AVG" in html


def test_every_fix_link_leads_to_a_page_with_that_field(page):
    client, _, html = page
    links = set(re.findall(r'href="(/organisaties/\d+/wizard/[a-z]+/#[^"]+)"', html))
    assert len(links) >= 8
    for link in links:
        path, anchor = link.split("#")
        target = client.get(path)
        assert target.status_code == 200, link
        assert f'id="{anchor}"' in target.content.decode(), link


def test_the_score_and_readability_are_shown(page):
    _, organisation, html = page
    assert f'data-score="{organisation.statement.score}"' in html
    assert "Flesch-Douma" in html and "Koppen en opsommingen tellen elk als een zin" in html
    assert "De langste zinnen:" in html


def test_publishing_needs_the_acknowledgement_box_when_there_are_blocking_findings(page):
    _, _, html = page
    assert 'name="acknowledge_blocking"' in html


def test_the_dashboard_shows_score_and_blocking_count(page):
    client, organisation, _ = page
    html = client.get(reverse("statements:dashboard")).content.decode()
    assert f'data-score="{organisation.statement.score}"' in html
    assert f"{organisation.statement.blocking} blokkerend" in html
