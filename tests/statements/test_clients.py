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
    assert organisation.statement.complete  # the file answered every step
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


def test_cloning_asks_the_name_and_copies_the_answers_but_not_the_versions(client, owner):
    original = organisation_create(
        workspace=owner.workspace, name="Bron B.V.", answers=example_data("ipcall")
    )
    statement_publish(statement=original.statement, user=None)
    url = reverse("statements:clone", args=[original.pk])
    assert 'value="Bron B.V. (kopie)"' in client.get(url).content.decode()
    response = client.post(url, {"name": "Nieuwe klant B.V."})
    copy = Organisation.objects.exclude(pk=original.pk).get()
    assert response["Location"] == reverse("wizard:start", args=[copy.pk])
    assert copy.name == "Nieuwe klant B.V."
    answers, source = copy.statement.answers, original.statement.answers
    # A new client has published nothing: no effective date or version label of the source.
    assert source["document"]["effective_date"] and source["document"]["version_label"]
    assert answers["document"]["effective_date"] is None
    assert answers["document"]["version_label"] is None
    assert {k: v for k, v in answers.items() if k != "document"} == {
        k: v for k, v in source.items() if k != "document"
    }
    assert not copy.statement.versions.exists() and copy.public_id != original.public_id
    client.force_login(MembershipFactory().user)
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "X"}).status_code == 404


@pytest.mark.parametrize("name", ["", "Regel\nbreuk", "Bank\u202eliaM", "Nul\u200bbreedte"])
def test_a_name_that_is_not_one_visible_line_is_refused_at_the_field(client, owner, name):
    original = organisation_create(workspace=owner.workspace, name="Bron B.V.")
    for url in (
        reverse("statements:clone", args=[original.pk]),
        reverse("statements:rename", args=[original.pk]),
    ):
        response = client.post(url, {"name": name})
        assert response.status_code == 200 and "name" in response.context["form"].errors
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Bron B.V."]


def test_an_organisation_is_renamed_and_the_log_says_so(client, owner):
    organisation = organisation_create(workspace=owner.workspace, name="Oude naam")
    url = reverse("statements:rename", args=[organisation.pk])
    assert 'value="Oude naam"' in client.get(url).content.decode()
    assert client.post(url, {"name": "Nieuwe naam"})["Location"] == reverse("statements:dashboard")
    organisation.refresh_from_db()
    assert organisation.name == "Nieuwe naam"
    event = AuditEvent.objects.get(action="edited", organisation=organisation)
    assert event.detail == "naam: Oude naam → Nieuwe naam" and event.user == owner.user
    assert "Nieuwe naam" in client.get(reverse("statements:dashboard")).content.decode()
    client.force_login(MembershipFactory().user)
    assert client.post(url, {"name": "Overgenomen"}).status_code == 404
    organisation.refresh_from_db()
    assert organisation.name == "Nieuwe naam"


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
