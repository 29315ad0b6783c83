"""The facts a row copied from the catalog (issue 17): `catalog.facts` took any text, so a NUL
(which PostgreSQL refuses: a server error), a 100,000-character value or 2 MB of facts went
into the answers. They are checked as every other text of the answers, with limits on their
number and names, by the import with their path and by the wizard at the row."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from generator.answers import limits
from generator.answers.loading import AnswersError, parse_answers
from generator.answers.schema import CatalogRef
from generator.catalog.models import CatalogCookie, CatalogProcessor
from generator.statements.models import Organisation, Statement
from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.factories import MembershipFactory
from tests.wizard.helpers import step_data

HUGE = "x" * 100_000
FACTS = {
    "a NUL": ({"name": "Goo\x00gle"}, "facts.name: Deze tekst bevat onzichtbare stuurtekens."),
    "a right-to-left override": (
        {"name": "Goo\u202egle"},
        "facts.name: Deze tekst bevat onzichtbare stuurtekens.",
    ),
    "a 100,000-character value": ({"description": HUGE}, "facts.description: Te lang"),
    "too many facts": (
        {f"fact_{i}": "x" for i in range(limits.SHORT_LIST + 1)},
        f"facts: Te veel: ten hoogste {limits.SHORT_LIST}.",
    ),
    "2 MB of facts": ({f"fact_{i}": "y" * 5000 for i in range(400)}, "facts: Te veel"),
    "a 100,000-character name": ({HUGE: "x"}, "facts: Namen van feiten"),
    "a name with a NUL": ({"na\x00me": "x"}, "facts: Namen van feiten"),
    "a number": ({"name": 5}, "facts.name: Verwacht tekst."),
}


def with_facts(facts: dict) -> dict:
    data = example_data("qlinx")
    data["recipients"][0]["catalog"] = {"key": "google", "facts": facts}
    data["cookies"]["items"][0]["catalog"] = {"key": "ga", "facts": facts}
    return data


@pytest.mark.parametrize(("facts", "problem"), FACTS.values(), ids=FACTS.keys())
def test_the_import_refuses_them_with_the_path(facts, problem):
    with pytest.raises(AnswersError) as refused:
        parse_answers(with_facts(facts))
    lines = str(refused.value).splitlines()
    for row in ("recipients.0.catalog", "cookies.items.0.catalog"):
        assert any(line.startswith(f"{row}.{problem}") for line in lines), lines
    assert all(len(line) < 200 and "\x00" not in line for line in lines)  # no fact echoed


def test_the_facts_of_every_catalog_entry_pass(db):
    call_command("load_catalog")
    entries = [*CatalogProcessor.objects.all(), *CatalogCookie.objects.select_related("processor")]
    for entry in entries:
        assert CatalogRef.model_validate({"key": entry.key, "facts": entry.facts()}).facts == (
            entry.facts()
        )


@pytest.mark.django_db
def test_the_import_page_says_so_and_creates_nothing(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    content = json.dumps(with_facts({"name": "Goo\x00gle"})).encode()
    response = client.post(
        reverse("statements:organisation_import"),
        {
            "file": SimpleUploadedFile("a.json", content, content_type="application/json"),
            "workspace": owner.workspace.pk,
        },
    )
    assert response.status_code == 200
    assert (
        "recipients.0.catalog.facts.name: Deze tekst bevat onzichtbare stuurtekens."
        in (response.context["form"].errors["file"])
    )
    assert not Organisation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("step", "facts", "problem"),
    [
        ("ontvangers", {"name": "Goo\x00gle"}, "facts.name: Deze tekst bevat onzichtbare"),
        ("ontvangers", {"description": HUGE}, "facts.description: Te lang"),
        ("cookies", {f"f{i}": "x" for i in range(100)}, "facts: Te veel"),
    ],
    ids=["a NUL", "a huge value", "too many facts"],
)
def test_the_wizard_refuses_them_at_the_row_and_saves_nothing(client, step, facts, problem):
    owner = MembershipFactory()
    client.force_login(owner.user)
    answers = parse_answers(example_data("qlinx")).model_dump(mode="json")
    organisation = organisation_create(workspace=owner.workspace, name="Q", answers=answers)
    data = step_data(step, answers, pk=organisation.pk, revision=0)
    data[f"{step}-0-catalog"] = json.dumps({"key": "google", "facts": facts})
    response = client.post(reverse("wizard:step", args=[organisation.pk, step]), data)
    assert response.status_code == 200
    message = response.context["form"].forms[0].non_field_errors()[0]
    assert message.startswith(f"Ongeldige verwijzing naar de catalogus. {problem}"), message
    assert Statement.objects.get(organisation=organisation).revision == 0
