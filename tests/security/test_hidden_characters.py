"""Addresses and names that read otherwise than they are (issue 17): a mailto address with a
query adds recipients, a right-to-left override or a zero-width space makes a name look like
another. Each is refused by the answers, with its path, and in the wizard at its field."""

import pytest
from django.urls import reverse

from generator.answers.loading import AnswersError, parse_answers
from generator.lib import validators
from generator.statements.models import Statement
from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.factories import MembershipFactory
from tests.wizard.helpers import step_data


@pytest.mark.parametrize(
    "address",
    [
        "info@voorbeeld.nl?bcc=aanvaller.example",
        "info@voorbeeld.nl&cc=aanvaller.example",
        "info%40x@voorbeeld.nl",
        "info?subject=x@voorbeeld.nl",
        "info@voor_beeld.nl",
    ],
)
def test_an_address_with_a_query_or_odd_domain_is_refused(address):
    with pytest.raises(ValueError):
        validators.normalise_email(address)


@pytest.mark.parametrize("address", ["jan.de-vries+privacy@voorbeeld.nl", "fg@sub.voorbeeld.co.uk"])
def test_ordinary_addresses_still_pass(address):
    assert validators.normalise_email(address) == address


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2066", "\ufeff", "\u200f"])
def test_a_name_with_an_invisible_character_is_refused_with_its_path(char):
    data = example_data("qlinx")
    data["controller"]["legal_name"] = f"Media{char} IP B.V."
    data["recipients"][0]["name"] = f"Goo{char}gle"
    with pytest.raises(AnswersError) as error:
        parse_answers(data)
    paths = {problem.path for problem in error.value.problems}
    assert {"controller.legal_name", "recipients.0.name"} <= paths


@pytest.mark.django_db
def test_the_wizard_refuses_it_at_the_field_and_saves_nothing(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    answers = parse_answers(example_data("qlinx")).model_dump(mode="json")
    organisation = organisation_create(workspace=owner.workspace, name="Q", answers=answers)
    data = step_data("organisatie", answers, pk=organisation.pk, revision=0)
    data["organisatie-legal_name"] = "Media\u202eIP B.V."
    response = client.post(reverse("wizard:step", args=[organisation.pk, "organisatie"]), data)
    assert response.status_code == 200
    assert "onzichtbare tekens" in response.context["form"].errors["legal_name"][0]
    assert Statement.objects.get(organisation=organisation).revision == 0
    data = step_data("contact", answers, pk=organisation.pk, revision=0)
    data["contact-email"] = "info@qlinx.nl?bcc=aanvaller.example"
    response = client.post(reverse("wizard:step", args=[organisation.pk, "contact"]), data)
    assert response.status_code == 200 and "email" in response.context["form"].errors
