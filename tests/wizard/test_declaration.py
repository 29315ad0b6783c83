"""One declaration (issue 16, part 1): every wizard field says where it lives in the answers;
those places exist in the answers schema, every field of the schema is asked somewhere, and a
finding's fix link is computed from the same declarations, to the field's own wrapper."""

import typing

import pytest
from django.urls import reverse
from pydantic import BaseModel

from generator.answers.loading import parse_answers
from generator.answers.schema import Answers
from generator.statements.services import organisation_create
from generator.wizard.fixes import fix_target, places
from tests.factories import MembershipFactory
from tests.wizard.test_round_trip import EVERY_FIELD

# Set elsewhere than in a field of their own: the schema version by the program, an
# activity's recipients by ticking activities per recipient, row ids from the names, a
# catalog reference by the catalog search and a scan sighting by the cookie scan (hidden fields).
NOT_ASKED = {"schema_version", "activities.recipients", "activities.id", "recipients.id",
             "recipients.catalog", "cookies.items.catalog", "cookies.items.scan"}  # fmt: skip


def model_of(annotation):
    """The pydantic model inside an annotation (Optional, list), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = model_of(argument)
        if found is not None:
            return found
    return None


def is_list(annotation) -> bool:
    return typing.get_origin(annotation) is list or any(
        typing.get_origin(a) is list for a in typing.get_args(annotation)
    )


def schema_paths(model=Answers, prefix="") -> set[str]:
    """Every leaf of the schema, lists written as `name[]`: activities[].retention.period."""
    found = set()
    for name, field in model.model_fields.items():
        nested = model_of(field.annotation)
        here = f"{prefix}{name}{'[]' if is_list(field.annotation) and nested else ''}"
        if nested is not None and nested.__name__ not in ("LocalText",):
            found |= schema_paths(nested, here + ".")
            found.add(here)
        else:
            found.add(here)
    return found


def declared_paths() -> dict[str, tuple[str, str]]:
    """Every declared place, in schema notation, with the step and field that edit it."""
    found = {}
    for place in places():
        for name, path in place.fields:
            full = f"{place.list_path}[].{path}" if place.list_path else path
            found[full] = (place.step, name)
    return found


def plain(path: str) -> str:
    # A list is one field when its items are typed one per line (contacts, lines).
    return path.replace("[]", "")


SCHEMA = {plain(path) for path in schema_paths()}


def test_every_declared_place_exists_in_the_answers():
    assert [path for path in declared_paths() if plain(path) not in SCHEMA] == []


def test_every_answer_is_asked_in_the_wizard():
    declared = {plain(path) for path in declared_paths()}
    # A field counts when it, or an object around it, is declared (the catalog reference is one
    # hidden value; representative.address.street is under its own field).
    missing = [
        path
        for path in SCHEMA
        if not any(path == n or path.startswith(n + ".") for n in NOT_ASKED)
        and not any(
            path == d or path.startswith(d + ".") or d.startswith(path + ".") for d in declared
        )
    ]
    assert missing == []


@pytest.mark.django_db
def test_a_fix_link_from_each_declared_place_opens_its_field(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    answers = parse_answers(EVERY_FIELD)
    organisation = organisation_create(
        workspace=membership.workspace, name="Alles B.V.", answers=answers.model_dump(mode="json")
    )
    pages = {}
    abroad = next(i for i, r in enumerate(answers.recipients) if r.outside_eea)
    for place in places():
        for name, path in place.fields:
            index = abroad if place.step == "doorgifte" else 0
            full = f"{place.list_path}.{index}.{path}" if place.list_path else path
            step, anchor = fix_target(full, answers)
            assert step == place.step, full
            assert anchor.endswith(f"-{name}"), (full, anchor)
            if step not in pages:
                url = reverse("wizard:step", args=[organisation.pk, step])
                pages[step] = client.get(url).content.decode()
            assert f'id="{anchor}"' in pages[step], (full, anchor)


def test_paths_the_forms_do_not_declare_still_lead_somewhere_useful():
    answers = parse_answers(EVERY_FIELD)
    assert fix_target("controller", answers) == ("organisatie", "div_id_organisatie-legal_name")
    assert fix_target("controller.representative", answers) == (
        "organisatie",
        "div_id_organisatie-rep_name",
    )
    assert fix_target("activities.0.recipients", answers) == ("ontvangers", "")
    assert fix_target("cookies.items.0.analytics.dpa", answers) == (
        "cookies",
        "div_id_cookies-0-analytics",
    )
    assert fix_target(None, answers) == ("controle", "")
    assert fix_target("nergens.0", answers) == ("controle", "")
    home = next(i for i, r in enumerate(answers.recipients) if not r.outside_eea)
    # A recipient in the EEA has no Doorgifte row: its name in Ontvangers.
    assert fix_target(f"recipients.{home}.transfer_mechanism", answers) == (
        "ontvangers",
        f"div_id_ontvangers-{home}-name",
    )
