"""From a finding's answers path to the wizard step and field that fixes it, read from the
steps' declarations of where their fields live in the answers (forms/base.py, Declared): a
new question needs no entry here.

Anchors point at crispy-forms' wrapper of the field (`div_id_…`), which exists for every kind
of field, also for a group of checkboxes that has no element with the field's own id."""

from dataclasses import dataclass
from functools import cache

from django.forms import BaseFormSet, HiddenInput

from generator.answers.schema import Answers

# Stored the other way round: an activity's recipients are ticked per recipient.
INVERSE = {("activities", "recipients"): "ontvangers"}


@dataclass(frozen=True)
class Place:
    step: str
    prefix: str  # of the field's html id: "organisatie", "cookies-main", "verwerkingen-{row}"
    list_path: str  # "" for a single form
    fields: tuple[tuple[str, str], ...]  # (field, path), in the order of the form
    formset: type | None


@cache
def places() -> tuple[Place, ...]:
    from generator.wizard.steps import STEPS  # the steps import the forms, which import this

    found = []
    for step in STEPS:
        form = step.form
        if isinstance(form, type) and issubclass(form, BaseFormSet):
            if form.main_form_class is not None:
                found.append(_place(step.name, f"{step.name}-main", "", form.main_form_class))
            found.append(_place(step.name, step.name + "-{row}", form.list_path, form.form, form))
        else:
            found.append(_place(step.name, step.name, "", form))
    return tuple(found)


def _place(step, prefix, list_path, form, formset=None) -> Place:
    visible = [
        (name, path)
        for name, path in form.field_paths().items()
        if not isinstance(form.base_fields[name].widget, HiddenInput)
    ]
    return Place(step, prefix, list_path, tuple(visible), formset)


def _match(rest: str, fields) -> str | None:
    """The field for a path inside a form: the one declared there, else the one whose place
    holds the path (a finding on `analytics.dpa` is fixed in `analytics`), else the first
    field inside the path (a finding on `representative` is fixed in its name)."""
    for name, path in fields:
        if path == rest:
            return name
    for name, path in fields:
        if rest.startswith(path + "."):
            return name
    for name, path in fields:
        if not rest or path.startswith(rest + "."):
            return name
    return None


def fix_target(path: str | None, answers: Answers) -> tuple[str, str]:
    """(step, field id) for an answers path such as "activities.2.retention.period"."""
    if not path:
        return "controle", ""
    candidates = []  # (rank, order, step, anchor)
    for order, place in enumerate(places()):
        if not place.list_path:
            name = _match(path, place.fields)
            if name is not None:
                rank = 0 if dict(place.fields)[name] == path else 1
                candidates.append((rank, order, place.step, f"div_id_{place.prefix}-{name}"))
            continue
        if not path.startswith(place.list_path + "."):
            continue
        index, _, rest = path.removeprefix(place.list_path + ".").partition(".")
        if not index.isdigit():
            continue
        if (place.list_path, rest.split(".")[0]) in INVERSE:
            candidates.append((0, order, INVERSE[place.list_path, rest.split(".")[0]], ""))
            continue
        rows = place.formset.row_indexes(answers)
        if rows is not None and int(index) not in rows:
            continue
        row = rows.index(int(index)) if rows is not None else int(index)
        name = _match(rest, place.fields)
        rank = 0 if name and dict(place.fields)[name] == rest else 1 if name else 2
        name = name or place.fields[0][0]
        prefix = place.prefix.format(row=row)
        candidates.append((rank, order, place.step, f"div_id_{prefix}-{name}"))
    if not candidates:
        return "controle", ""
    _rank, _order, step, anchor = min(candidates)
    return step, anchor


def finding_target(finding: dict, answers: Answers) -> tuple[str, str]:
    """fix_target for a finding: a missing translation (R31) is fixed in the field for the
    other language, right below the text (TranslatedFields names it `<field>__en`)."""
    step, field = fix_target(finding["path"], answers)
    if finding["rule"] == "R31" and field:
        main = answers.document.language
        other = next((lang for lang in answers.document.extra_languages if lang != main), None)
        if other:
            field = f"{field}__{other}"
    return step, field


def findings_at_step(step: str, findings: list[dict], answers: Answers) -> dict[str, list[dict]]:
    """The findings whose fix is a field of this step, by the field's wrapper id."""
    at_step: dict[str, list[dict]] = {}
    for finding in findings:
        target, field = finding_target(finding, answers)
        if target == step and field:
            at_step.setdefault(field, []).append(finding)
    return at_step
