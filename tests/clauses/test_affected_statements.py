"""The clause page's "published statements with an older revision" (issue 17): every editor
sees how many statements use each older revision, but organisation names only from the
workspaces they are a member of, so the admin never shows one tenant's clients to another."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.clauses.admin import affected_statements
from generator.clauses.files import ClauseSpec
from generator.clauses.models import EDITORS_GROUP, ClauseTemplate
from generator.clauses.services import clause_save, load_default_clauses
from generator.statements.models import Organisation
from generator.statements.services import organisation_create, statement_publish
from tests.conftest import example_data
from tests.factories import MembershipFactory, UserFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


def editor(workspace=None):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    if workspace is not None:
        MembershipFactory(user=user, workspace=workspace, role="member")
    return user


@pytest.fixture
def klacht():
    """Two workspaces, each with a client published on revision 1 of "klacht", which then
    gets a revision 2."""
    load_default_clauses()
    answers = parse_answers(example_data("qlinx")).model_dump(mode="json")
    for name in ("Eigen Klant B.V.", "Andermans Klant B.V."):
        organisation = organisation_create(workspace=WorkspaceFactory(), name=name, answers=answers)
        statement_publish(statement=organisation.statement, user=None)
    template = ClauseTemplate.objects.get(key="klacht", language="nl")
    first = template.active_revision()
    clause_save(
        spec=ClauseSpec("klacht", "nl", first.title, first.order, first.condition,
                        "<p>Nieuwe klachttekst, Autoriteit Persoonsgegevens.</p>", "")
    )  # fmt: skip
    return template


def change_page(client, user, template) -> str:
    client.force_login(user)
    response = client.get(reverse("admin:clauses_clausetemplate_change", args=[template.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_editor_outside_both_workspaces_sees_the_count_and_no_names(client, klacht):
    html = change_page(client, editor(), klacht)
    assert "Eigen Klant B.V." not in html and "Andermans Klant B.V." not in html
    assert "revisie 1: 2 gepubliceerde verklaringen" in html


def test_a_member_sees_the_name_of_their_own_client_only(client, klacht):
    own = Organisation.objects.get(name="Eigen Klant B.V.").workspace
    html = change_page(client, editor(own), klacht)
    assert "revisie 1: 2 gepubliceerde verklaringen" in html
    assert "Eigen Klant B.V.: versie 1 (revisie 1)" in html
    assert "Andermans Klant B.V." not in html


def test_after_publishing_again_the_statement_is_no_longer_counted(client, klacht):
    own = Organisation.objects.get(name="Eigen Klant B.V.")
    statement_publish(statement=own.statement, user=None)
    html = change_page(client, editor(own.workspace), klacht)
    assert "revisie 1: 1 gepubliceerde verklaring<" in html
    assert "Eigen Klant B.V." not in html and "Andermans Klant B.V." not in html


def test_the_list_takes_three_queries_names_included(klacht, django_assert_num_queries):
    member = editor(Organisation.objects.get(name="Eigen Klant B.V.").workspace)
    # The clause's revisions, the statements (with "own" in the same query), their versions.
    with django_assert_num_queries(3):
        affected = affected_statements(klacht, member)
        names = [row["organisation"].name for row in affected["rows"]]
    assert names == ["Eigen Klant B.V."]
