"""Deeply nested JSON (issue 17): Python's json parser recurses once per list or object and
stopped 200,000 "[" with a RecursionError, a server error in the import view and a traceback
from the commands. Nesting deeper than the schema can use is refused before parsing, with
where it is, by the import (service, view, commands) and by the wizard's catalog field."""

import json
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from generator.answers import limits
from generator.answers.loading import AnswersError, parse_answers, parse_answers_json
from generator.statements.models import Organisation, Statement
from generator.statements.services import organisation_create
from tests.conftest import EXAMPLES_DIR, ROOT, example_data
from tests.factories import MembershipFactory
from tests.wizard.helpers import step_data
from tests.wizard.test_round_trip import EVERY_FIELD

BRACKETS = "[" * 200_000
UNDER_ABOUT = '{"controller": {"about": ' + "[" * 50_000 + "]" * 50_000 + "}}"


def depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


def test_the_limit_is_far_above_what_the_answers_use_and_far_below_the_parser_s():
    used = [depth(example_data(p.stem)) for p in EXAMPLES_DIR.glob("*.json")]
    used.append(depth(parse_answers(EVERY_FIELD).model_dump(mode="json")))
    assert max(used) == 6  # a cookie's catalog facts: answers.cookies.items.0.catalog.facts
    assert max(used) * 3 <= limits.NESTING <= sys.getrecursionlimit() // 20


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (BRACKETS, "(bestand): Te diep genest"),
        (UNDER_ABOUT, "controller.about: Te diep genest"),
        (UNDER_ABOUT.encode(), "controller.about: Te diep genest"),
    ],
    ids=["200,000 brackets", "50,000 levels under controller.about", "the same as bytes"],
)
def test_deep_nesting_is_refused_before_parsing_with_where_it_is(text, where):
    with pytest.raises(AnswersError) as refused:
        parse_answers_json(text)
    message = str(refused.value)
    assert message.startswith(where)
    assert f"meer dan {limits.NESTING} lijsten en objecten in elkaar" in message
    assert "(regel 1, kolom " in message


def test_brackets_inside_texts_do_not_count():
    data = example_data("qlinx")
    data["controller"]["about"] = "[" * 1000 + '{"\\"[' * 100
    assert parse_answers_json(json.dumps(data)).controller.about.startswith("[[[")


def test_nesting_at_the_limit_is_parsed_and_then_checked_as_usual():
    nested = "[" * (limits.NESTING - 2) + "]" * (limits.NESTING - 2)
    with pytest.raises(AnswersError) as refused:
        parse_answers_json('{"controller": {"about": ' + nested + "}}")
    assert str(refused.value) == "controller.about: Verwacht tekst."


def test_a_file_that_is_not_utf8_is_refused_not_a_server_error():
    with pytest.raises(AnswersError, match=r"^\(bestand\): Geen geldige JSON: geen UTF-8"):
        parse_answers_json(b'{"controller": {"legal_name": "\xff"}}')


@pytest.mark.django_db
@pytest.mark.parametrize("content", [BRACKETS, UNDER_ABOUT], ids=["brackets", "under about"])
def test_the_import_view_says_so_at_the_file_and_creates_nothing(client, content):
    owner = MembershipFactory()
    client.force_login(owner.user)
    upload = SimpleUploadedFile("diep.json", content.encode(), content_type="application/json")
    response = client.post(
        reverse("statements:organisation_import"),
        {"file": upload, "workspace": owner.workspace.pk},
    )
    assert response.status_code == 200
    assert "Te diep genest" in response.context["form"].errors["file"][0]
    assert not Organisation.objects.exists()


# Each command that reads an answers file, with the options it needs besides the file.
COMMANDS = {
    "render_statement": ["--format", "html", "--output"],
    "export_register": ["--format", "xlsx", "--output"],
    "check_statement": [],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_the_commands_exit_2_with_the_message_and_write_nothing(tmp_path, command):
    deep = tmp_path / "diep.json"
    deep.write_text(UNDER_ABOUT)
    output = tmp_path / "uit"
    options = COMMANDS[command] + ([str(output)] if COMMANDS[command] else [])
    result = subprocess.run(
        [sys.executable, "manage.py", command, str(deep), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stderr.startswith("controller.about: Te diep genest")
    assert "Traceback" not in result.stderr and not output.exists()


@pytest.mark.django_db
def test_the_wizard_refuses_a_deep_catalog_field_at_its_row_and_saves_nothing(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    answers = parse_answers(example_data("qlinx")).model_dump(mode="json")
    organisation = organisation_create(workspace=owner.workspace, name="Q", answers=answers)
    data = step_data("ontvangers", answers, pk=organisation.pk, revision=0)
    data["ontvangers-0-catalog"] = '{"key": "aws", "facts": ' + "[" * 50_000 + "]" * 50_000 + "}"
    response = client.post(reverse("wizard:step", args=[organisation.pk, "ontvangers"]), data)
    assert response.status_code == 200
    row = response.context["form"].forms[0]
    message = "Ongeldige verwijzing naar de catalogus. facts: Te diep genest"
    assert row.non_field_errors()[0].startswith(message)
    assert message in response.content.decode()  # shown at the top of the row
    assert Statement.objects.get(organisation=organisation).revision == 0
