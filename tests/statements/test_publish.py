"""Publishing: an immutable version with the answers, clause revisions and HTML it was made from."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from generator.answers.loading import parse_answers
from generator.statements.models import Statement, StatementVersion
from generator.statements.services import (
    organisation_create,
    statement_publish,
    statement_save_step,
)
from tests.conftest import example_data, missing_facts
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement():
    membership = MembershipFactory()
    organisation = organisation_create(workspace=membership.workspace, name="ipcall.me B.V.")
    answers = parse_answers(example_data("ipcall")).model_dump(mode="json")
    Statement.objects.filter(organisation=organisation).update(answers=answers)
    return Statement.objects.get(organisation=organisation)


def test_a_version_snapshots_answers_clause_revisions_and_html(statement):
    version = statement_publish(statement=statement, user=None)
    assert version.number == 1 and version.answers == statement.answers
    assert set(version.clause_revisions) >= {"verantwoordelijke", "rechten", "contact"}
    assert all(value.startswith("sha256:") for value in version.clause_revisions.values())
    assert "ipcall.me B.V." in version.html and len(version.content_hash) == 64
    # The same again is the same version (a double submit); a new note is a new version.
    assert statement_publish(statement=statement, user=None).number == 1
    assert statement_publish(statement=statement, user=None, change_note="Nieuw").number == 2


def test_a_published_version_never_changes_when_the_draft_does(statement):
    version = statement_publish(statement=statement, user=None)
    html, answers = version.html, version.answers
    changed = dict(
        statement.answers, controller={**statement.answers["controller"], "city": "Anders"}
    )
    statement_save_step(
        statement=statement,
        revision=statement.revision,
        answers=changed,
        step="organisatie",
        required_steps=lambda a: [],
    )
    version.refresh_from_db()
    assert version.html == html and version.answers == answers and "Anders" not in version.html


def test_versions_cannot_be_edited_or_deleted_through_the_orm(statement):
    version = statement_publish(statement=statement, user=None)
    version.html = "vervalst"
    with pytest.raises(ValueError, match="verandert nooit"):
        version.save()
    with pytest.raises(ValueError, match="nooit verwijderd"):
        version.delete()
    assert StatementVersion.objects.get(pk=version.pk).html != "vervalst"


def test_the_state_goes_from_draft_to_complete_to_published(statement):
    assert statement.state == Statement.State.DRAFT
    statement_save_step(
        statement=statement,
        revision=0,
        answers=statement.answers,
        step="x",
        required_steps=lambda a: ["x"],
    )
    assert statement.state == Statement.State.COMPLETE
    statement_publish(statement=statement, user=None)
    assert statement.state == Statement.State.PUBLISHED


def test_the_draft_downloads_as_a_pdf_with_the_facts(client, statement):
    member = statement.organisation.workspace.memberships.get().user
    client.force_login(member)
    response = client.get(reverse("statements:download", args=[statement.organisation.pk, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert missing_facts("ipcall", text) == []


def test_publishing_through_the_page(client, statement):
    client.force_login(statement.organisation.workspace.memberships.get().user)
    response = client.post(
        reverse("statements:publish", args=[statement.organisation.pk]), follow=True
    )
    assert "Versie 1 is gepubliceerd." in response.content.decode()
    assert (
        client.get(reverse("statements:publish", args=[statement.organisation.pk])).status_code
        == 405
    )


def test_blocking_findings_stop_publication_unless_acknowledged(statement):
    from generator.statements.services import BlockingFindings

    broken = dict(statement.answers, controller={**statement.answers["controller"], "street": None})
    statement_save_step(
        statement=statement,
        revision=0,
        answers=broken,
        step="organisatie",
        required_steps=lambda a: [],
    )
    assert statement.blocking == 1 and statement.score == 80
    with pytest.raises(BlockingFindings):
        statement_publish(statement=statement, user=None)
    assert not statement.versions.exists()
    version = statement_publish(statement=statement, user=None, acknowledge_blocking=True)
    assert version.acknowledged_blocking is True
    assert [f["rule"] for f in version.findings["findings"] if f["severity"] == "E"] == ["R1"]


def test_a_clean_statement_is_published_with_its_report(statement):
    version = statement_publish(statement=statement, user=None)
    assert version.acknowledged_blocking is False
    assert (
        version.findings["blocking"] == 0
        and version.findings["readability"]["overall"]["flesch_douma"] >= 60
    )


def test_publishing_through_the_page_asks_for_acknowledgement(client, statement):
    broken = dict(statement.answers, controller={**statement.answers["controller"], "city": None})
    statement_save_step(
        statement=statement,
        revision=0,
        answers=broken,
        step="organisatie",
        required_steps=lambda a: [],
    )
    client.force_login(statement.organisation.workspace.memberships.get().user)
    url = reverse("statements:publish", args=[statement.organisation.pk])
    response = client.post(url, follow=True)
    assert "1 blokkerende punten" in response.content.decode() and not statement.versions.exists()
    client.post(url, {"acknowledge_blocking": "on"})
    assert statement.versions.get().acknowledged_blocking is True
