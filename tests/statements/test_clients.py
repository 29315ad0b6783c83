"""Clients: import answers as a new organisation, clone one, and the dashboard's overview."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from generator.clauses.files import ClauseSpec
from generator.clauses.services import clause_save, load_default_clauses
from generator.statements.models import AuditEvent, Organisation, Statement
from generator.statements.services import organisation_create, statement_publish
from tests.conftest import EXAMPLES_DIR, example_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    return membership


def upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("antwoorden.json", content, content_type="application/json")


def test_importing_an_answers_file_makes_a_ready_organisation(client, owner):
    response = client.post(
        reverse("statements:organisation_import"),
        {
            "file": upload((EXAMPLES_DIR / "qlinx.json").read_bytes()),
            "workspace": owner.workspace.pk,
        },
    )
    organisation = Organisation.objects.get()
    assert response["Location"] == reverse("wizard:step", args=[organisation.pk, "controle"])
    assert (
        organisation.name == "Media IP B.V."
        and organisation.statement.answers["controller"]["kvk_number"] == "55996029"
    )
    assert organisation.statement.score == 100
    assert AuditEvent.objects.filter(
        action="imported", organisation=organisation, user=owner.user
    ).exists()


def test_a_bad_file_shows_every_problem_with_its_path_and_creates_nothing(client, owner):
    data = example_data("qlinx")
    data["controller"]["postcode"] = "99"
    data["activities"][0]["recipients"] = ["nobody"]
    html = client.post(
        reverse("statements:organisation_import"),
        {"file": upload(json.dumps(data).encode()), "workspace": owner.workspace.pk},
    ).content.decode()
    assert "controller.postcode: Vul een Nederlandse postcode in" in html
    html = client.post(
        reverse("statements:organisation_import"),
        {"file": upload(b"{kapot"), "workspace": owner.workspace.pk},
    ).content.decode()
    assert "Geen geldige JSON" in html
    assert not Organisation.objects.exists()


def test_an_import_into_someone_elses_workspace_is_refused(client, owner):
    other = MembershipFactory()
    response = client.post(
        reverse("statements:organisation_import"),
        {
            "file": upload((EXAMPLES_DIR / "qlinx.json").read_bytes()),
            "workspace": other.workspace.pk,
        },
    )
    assert response.status_code == 200 and not Organisation.objects.exists()


def test_cloning_copies_the_answers_but_not_the_versions(client, owner):
    original = organisation_create(
        workspace=owner.workspace, name="Bron B.V.", answers=example_data("ipcall")
    )
    statement_publish(statement=original.statement, user=None)
    response = client.post(reverse("statements:clone", args=[original.pk]))
    copy = Organisation.objects.exclude(pk=original.pk).get()
    assert response["Location"] == reverse("wizard:start", args=[copy.pk])
    assert copy.name == "Bron B.V. (kopie)" and copy.statement.answers == original.statement.answers
    assert not copy.statement.versions.exists() and copy.public_id != original.public_id
    client.force_login(MembershipFactory().user)
    assert client.post(reverse("statements:clone", args=[original.pk])).status_code == 404


def test_the_dashboard_shows_version_date_score_and_newer_clauses(client, owner):
    load_default_clauses()
    organisation = organisation_create(
        workspace=owner.workspace, name="Media IP B.V.", answers=example_data("qlinx")
    )
    statement_publish(statement=Statement.objects.get(organisation=organisation), user=None)
    html = client.get(reverse("statements:dashboard")).content.decode()
    assert (
        "versie 1, 22 mei 2018" in html
        and 'data-score="100"' in html
        and "data-newer-clauses" not in html
    )
    spec = ClauseSpec(
        "klacht",
        "nl",
        "Een klacht indienen",
        120,
        "true",
        "<p>Klacht bij de Autoriteit Persoonsgegevens.</p>",
        "",
    )
    clause_save(spec=spec)
    assert "data-newer-clauses" in client.get(reverse("statements:dashboard")).content.decode()
