"""Every URL that shows or changes an organisation, its statement or its workspace, for the
three personas: the owner, a colleague in the same workspace, and an outsider (who gets 404)."""

import pytest
from django.test import Client
from django.urls import reverse

from generator.accounts.models import Membership
from generator.answers.loading import parse_answers
from generator.statements.models import Statement
from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.factories import MembershipFactory
from tests.wizard.helpers import step_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    owner = MembershipFactory()
    colleague = MembershipFactory(workspace=owner.workspace, role=Membership.Role.MEMBER)
    outsider = MembershipFactory()  # owner of a workspace of their own
    organisation = organisation_create(workspace=owner.workspace, name="Media IP B.V.")
    answers = parse_answers(example_data("qlinx")).model_dump(mode="json")
    Statement.objects.filter(organisation=organisation).update(answers=answers)
    organisation.statement.refresh_from_db()
    return {
        "owner": owner.user,
        "colleague": colleague.user,
        "outsider": outsider.user,
        "org": organisation,
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def get_urls(org) -> list[str]:
    pk = org.pk
    return [
        reverse("wizard:start", args=[pk]),
        *[
            reverse("wizard:step", args=[pk, step])
            for step in ("organisatie", "verwerkingen", "controle")
        ],
        *[reverse("statements:download", args=[pk, fmt]) for fmt in ("html", "pdf", "md")],
        reverse("accounts:members", args=[org.workspace.pk]),
    ]


@pytest.mark.parametrize("persona", ["owner", "colleague"])
def test_members_of_the_workspace_can_open_everything(world, persona):
    client = client_for(world[persona])
    for url in get_urls(world["org"]):
        assert client.get(url).status_code in (200, 302), url


def test_an_outsider_gets_404_on_every_url(world):
    client = client_for(world["outsider"])
    org = world["org"]
    for url in get_urls(org):
        assert client.get(url).status_code == 404, url
    data = step_data("organisatie", org.statement.answers, pk=org.pk, revision=0)
    assert (
        client.post(reverse("wizard:step", args=[org.pk, "organisatie"]), data).status_code == 404
    )
    assert client.post(reverse("statements:publish", args=[org.pk])).status_code == 404
    assert (
        client.post(
            reverse("accounts:members", args=[org.workspace.pk]), {"email": "x@y.nl"}
        ).status_code
        == 404
    )
    statement = Statement.objects.get(organisation=org)
    assert statement.revision == 0 and not statement.versions.exists()


def test_an_outsider_never_sees_the_organisation_in_lists(world):
    html = client_for(world["outsider"]).get(reverse("statements:dashboard")).content.decode()
    assert "Media IP B.V." not in html
    assert (
        "Media IP B.V."
        in client_for(world["colleague"]).get(reverse("statements:dashboard")).content.decode()
    )


def test_a_colleague_can_save_a_step_and_publish(world):
    client = client_for(world["colleague"])
    org = world["org"]
    data = step_data("organisatie", org.statement.answers, pk=org.pk, revision=0)
    assert (
        client.post(reverse("wizard:step", args=[org.pk, "organisatie"]), data).status_code == 302
    )
    assert client.post(reverse("statements:publish", args=[org.pk])).status_code == 302
    assert Statement.objects.get(organisation=org).versions.count() == 1


def test_only_the_owner_can_invite(world):
    url = reverse("accounts:members", args=[world["org"].workspace.pk])
    assert client_for(world["colleague"]).post(url, {"email": "x@y.nl"}).status_code == 404
    assert client_for(world["owner"]).post(url, {"email": "x@y.nl"}).status_code == 302


@pytest.mark.parametrize(
    "url",
    [
        reverse("statements:dashboard"),
        reverse("statements:organisation_new"),
        "/organisaties/1/wizard/",
        "/organisaties/1/wizard/organisatie/",
        "/organisaties/1/verklaring.pdf",
        "/werkruimtes/1/leden/",
    ],
)
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
