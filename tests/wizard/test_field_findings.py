"""What blocks publishing shows at the field that fixes it, as soon as the step is saved: a "je"
typed into a purpose of a formal statement (R30) is marked at that purpose, the step stays
open once to show it, and publishing refuses it even when acknowledged."""

import pytest
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.statements.models import Statement
from generator.statements.services import PublishRefused, organisation_create, statement_publish
from tests.conftest import example_data
from tests.factories import MembershipFactory
from tests.wizard.helpers import step_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    membership = MembershipFactory()
    org = organisation_create(workspace=membership.workspace, name="ipcall.me B.V.")
    answers = parse_answers(example_data("ipcall")).model_dump(mode="json")
    Statement.objects.filter(organisation=org).update(answers=answers)
    org.owner = membership.user
    return org


def step_url(organisation, step: str) -> str:
    return reverse("wizard:step", args=[organisation.pk, step])


def post_purpose(client, organisation, purpose: str):
    statement = Statement.objects.get(organisation=organisation)
    answers = statement.answers
    # The example is also in English; the English purpose stays as it was.
    answers["activities"][0]["purpose"] = {"nl": purpose, "en": "Creating an account."}
    data = step_data("verwerkingen", answers, pk=organisation.pk, revision=statement.revision)
    return client.post(step_url(organisation, "verwerkingen"), data)


def test_a_je_in_a_purpose_is_saved_and_shown_at_that_field(client, organisation):
    client.force_login(organisation.owner)
    response = post_purpose(client, organisation, "Je account aanmaken.")
    # Saved, nothing lost, but the step stays open to show what blocks publishing.
    assert response["Location"] == step_url(organisation, "verwerkingen")
    statement = Statement.objects.get(organisation=organisation)
    assert statement.answers["activities"][0]["purpose"]["nl"] == "Je account aanmaken."
    page = client.get(response["Location"]).content.decode()
    field = page.split('id="div_id_verwerkingen-0-purpose"', 1)[1].split('id="div_id_', 1)[0]
    assert "Blokkeert publiceren:" in field and "past niet in een verklaring" in field
    assert 'href="#div_id_verwerkingen-0-purpose"' in page  # listed at the top, with a link
    assert "Controleer de gemarkeerde velden" in page
    # Saving again without change goes on: the finding stays marked, but nobody is trapped.
    again = post_purpose(client, organisation, "Je account aanmaken.")
    assert again["Location"] == step_url(organisation, "ontvangers")


def test_a_neutral_purpose_moves_on_and_marks_nothing(client, organisation):
    client.force_login(organisation.owner)
    response = post_purpose(client, organisation, "Een account aanmaken voor klanten.")
    assert response["Location"] == step_url(organisation, "ontvangers")
    page = client.get(step_url(organisation, "verwerkingen")).content.decode()
    assert "past niet in een verklaring" not in page


def test_publishing_a_mixed_text_is_refused_even_when_acknowledged(client, organisation):
    client.force_login(organisation.owner)
    post_purpose(client, organisation, "Je account aanmaken.")
    statement = Statement.objects.get(organisation=organisation)
    with pytest.raises(PublishRefused) as refused:
        statement_publish(statement=statement, user=None, acknowledge_blocking=True)
    assert [f["path"] for f in refused.value.findings] == ["activities.0.purpose"]
    response = client.post(
        reverse("statements:publish", args=[organisation.pk]), {"acknowledge_blocking": "on"}
    )
    assert not statement.versions.exists()
    review = client.get(response["Location"]).content.decode()
    assert "Niet gepubliceerd: 1 punt moet eerst worden opgelost" in review
    assert "data-publish-refused" in review and "eerst oplossen" in review
    assert 'href="/organisaties/' in review and "#div_id_verwerkingen-0-purpose" in review
