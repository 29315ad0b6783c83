"""Awkward input (issue 10; notes/security.md, tests 10 and 15): Unicode edge cases are
accepted or refused at the field, never a server error, and what is accepted makes a PDF;
a NUL is refused; a form post with a foreign Origin or without a token is refused."""

import pytest
from django.test import Client
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.statements.exports import statement_export
from generator.statements.models import Statement
from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.factories import MembershipFactory
from tests.wizard.helpers import step_data

pytestmark = pytest.mark.django_db

EDGES = {
    "right-to-left override": "Amsterdam\u202egpj.exe",
    "zero-width characters": "Am\u200bster\u200ddam\ufeff",
    "emoji": "Amsterdam 🔒👩‍💻",
    "a 10,000-character word": "A" * 10_000,
    "combining marks": "Ams\u0301\u0301\u0301terdam",
}


@pytest.fixture
def setup(client):
    owner = MembershipFactory()
    organisation = organisation_create(
        workspace=owner.workspace, name="Rand", answers=example_data("qlinx")
    )
    client.force_login(owner.user)
    return owner, organisation


def save_about(client, organisation, text: str):
    answers = Statement.objects.get(organisation=organisation).answers
    revision = Statement.objects.get(organisation=organisation).revision
    data = step_data("organisatie", answers, pk=organisation.pk, revision=revision)
    data["organisatie-about"] = text
    return client.post(reverse("wizard:step", args=[organisation.pk, "organisatie"]), data)


@pytest.mark.parametrize("text", EDGES.values(), ids=EDGES.keys())
def test_unicode_edges_are_accepted_or_refused_at_the_field_and_never_break_the_pdf(
    client, setup, text
):
    _owner, organisation = setup
    response = save_about(client, organisation, text)
    if response.status_code == 200:  # refused: said at the field
        assert "invalid-feedback" in response.content.decode()
        return
    assert response.status_code == 302
    answers = Statement.objects.get(organisation=organisation).answers
    assert answers["controller"]["about"]["nl"] == text  # the English "about" stays
    assert statement_export(parse_answers(answers), fmt="pdf").startswith(b"%PDF-")


def test_a_nul_character_is_refused_at_the_field(client, setup):
    _owner, organisation = setup
    response = save_about(client, organisation, "Amster\x00dam")
    assert response.status_code == 200
    assert "Null-tekens zijn niet toegestaan" in response.content.decode()
    assert "\x00" not in str(Statement.objects.get(organisation=organisation).answers)


def test_a_post_from_another_site_is_refused(setup):
    owner, organisation = setup
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner.user)
    page = reverse("wizard:step", args=[organisation.pk, "organisatie"])
    browser.get(page)
    token = browser.cookies["csrftoken"].value
    data = step_data(
        "organisatie", organisation.statement.answers, pk=organisation.pk, revision=0
    ) | {"csrfmiddlewaretoken": token}
    foreign = browser.post(page, data, HTTP_ORIGIN="https://aanvaller.example")
    assert foreign.status_code == 403
    assert (
        browser.post(
            page, {k: v for k, v in data.items() if k != "csrfmiddlewaretoken"}
        ).status_code
        == 403
    )
    assert browser.post(page, data, HTTP_ORIGIN="http://testserver").status_code == 302
