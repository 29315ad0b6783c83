"""Turn answers into the POST data a person would send for a wizard step."""

from django.forms import BaseFormSet, CheckboxInput

from generator.wizard.forms.base import LinesField
from generator.wizard.steps import STEPS_BY_NAME, form_kwargs


def build_form(step: str, answers: dict):
    form_class = STEPS_BY_NAME[step].form
    return form_class(
        prefix=step, initial=form_class.initial_from(answers), **form_kwargs(step, answers)
    )


def fields_data(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        key = bound.html_name
        if isinstance(field.widget, CheckboxInput):
            if value:
                data[key] = "on"
        elif isinstance(field, LinesField):
            data[key] = field.prepare_value(value or [])
        elif isinstance(value, (list, tuple)):
            data[key] = [str(item) for item in value]
        else:
            data[key] = "" if value is None else str(value)
    return data


def step_data(step: str, answers: dict, *, pk: int, revision: int) -> dict:
    form = build_form(step, answers)
    data = {f"wizard_{pk}-current_step": step, "revision": str(revision)}
    if isinstance(form, BaseFormSet):
        data |= {
            f"{step}-TOTAL_FORMS": str(len(form.forms)),
            # As the page renders it: rows shown from the draft are initial forms, so an
            # unchanged row is kept, not mistaken for an empty extra row.
            f"{step}-INITIAL_FORMS": str(form.initial_form_count()),
            f"{step}-MIN_NUM_FORMS": "0",
            f"{step}-MAX_NUM_FORMS": "1000",
        }
        for row in form.forms:
            data |= fields_data(row)
        if form.main is not None:
            data |= fields_data(form.main)
    else:
        data |= fields_data(form)
    return data
