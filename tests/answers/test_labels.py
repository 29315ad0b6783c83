"""Every choice has words in the statement, and those words fit both registers."""

import re
from enum import StrEnum

import pytest

from generator.answers import choices
from generator.answers.labels import LABELS, label

LABELLED = [
    obj
    for obj in vars(choices).values()
    if isinstance(obj, type) and issubclass(obj, StrEnum) and obj in LABELS["nl"]
]
# Document settings, and choices the clause templates word themselves in full sentences.
UNLABELLED_BY_DESIGN = {
    StrEnum,
    choices.Language,
    choices.Register,
    choices.Source,
    choices.Provision,
    choices.ChildrenPolicy,
}


def test_every_choice_list_has_labels():
    all_enums = {
        obj for obj in vars(choices).values() if isinstance(obj, type) and issubclass(obj, StrEnum)
    }
    assert all_enums - UNLABELLED_BY_DESIGN == set(LABELLED)


@pytest.mark.parametrize("enum", LABELLED, ids=lambda e: e.__name__)
def test_every_member_has_a_dutch_label(enum):
    assert {member: label(member) for member in enum}


def test_members_with_the_same_value_in_different_lists_keep_their_own_label():
    # StrEnum members hash like their value; a flat label table let these overwrite each other.
    assert label(choices.LegalBasis.CONTRACT) == "de uitvoering van een overeenkomst"
    assert label(choices.DecisionGround.CONTRACT).startswith("het besluit")
    assert label(choices.DataCategory.PHONE) == "telefoonnummer"
    assert label(choices.RequestChannel.PHONE) == "telefoon"


@pytest.mark.parametrize("enum", LABELLED, ids=lambda e: e.__name__)
def test_labels_contain_no_form_of_address(enum):
    for member in enum:
        assert not re.search(r"\b(u|uw|je|jij|jou|jouw)\b", label(member), re.IGNORECASE), member
