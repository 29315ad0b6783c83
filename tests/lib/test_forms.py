"""The faster form rendering (issue 9) gives the markup the slower one gave: the Jinja2 widget
renderer against Django's template renderer, and our checkbox/radio group template against
crispy-bootstrap5's original, compared with whitespace between tags ignored."""

import re
from pathlib import Path

import crispy_bootstrap5
import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.template import Context, engines
from django.template.loader import render_to_string

from generator.lib.forms import WidgetRenderer

CHOICES = [("a", "Één <b>"), ("b", "Twee & drie"), ("c", "Vier")]


class Everything(forms.Form):
    name = forms.CharField(help_text="Hulp", max_length=20)
    text = forms.CharField(widget=forms.Textarea, initial="<script>")
    when = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    pick = forms.ChoiceField(choices=CHOICES, initial="b")
    many = forms.MultipleChoiceField(
        choices=CHOICES, widget=forms.CheckboxSelectMultiple, initial=["a", "c"]
    )
    one = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, required=False)
    yes = forms.BooleanField(required=False, initial=True)


def squeeze(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", re.sub(r"\s+<", "<", str(html)))).strip()


@pytest.mark.parametrize("name", list(Everything.base_fields))
@pytest.mark.parametrize("bound", [False, True])
def test_jinja2_widgets_give_the_same_markup(name, bound):
    data = {"many": ["b"], "pick": "x"} if bound else None
    slow = Everything(data, renderer=DjangoTemplates())[name].as_widget()
    fast = Everything(data, renderer=WidgetRenderer())[name].as_widget()
    assert squeeze(fast) == squeeze(slow)


def test_the_admins_own_widget_templates_still_render():
    template = WidgetRenderer().get_template("admin/widgets/related_widget_wrapper.html")
    assert template is not None


@pytest.mark.parametrize("name", ["many", "one"])
@pytest.mark.parametrize("bound", [False, True])
@pytest.mark.parametrize("inline_class", ["", "inline"])
def test_our_choice_group_template_matches_crispys(name, bound, inline_class):
    form = Everything({"one": "zzz", "many": ["zzz"]} if bound else None)
    field = form[name]
    if bound:
        assert field.errors
    context = {"field": field, "form_show_errors": True, "inline_class": inline_class}
    original = (
        Path(crispy_bootstrap5.__file__).parent
        / "templates/bootstrap5/layout/radio_checkbox_select.html"
    ).read_text()
    slow = engines["django"].engine.from_string(original).render(Context(context))
    fast = render_to_string("bootstrap5/layout/radio_checkbox_select.html", context)
    assert squeeze(fast) == squeeze(slow)
    assert "&lt;b&gt;" in fast and "<b>" not in fast  # labels escaped


class Extra(Everything):
    secret = forms.CharField(widget=forms.HiddenInput, initial="x")
    upload = forms.FileField(required=False, help_text="Een bestand")
    note = forms.CharField(required=False, label="")


def crispy_form(form) -> str:
    return (
        engines["django"]
        .from_string("{% load crispy_forms_tags %}{{ form|crispy }}")
        .render({"form": form})
    )


@pytest.mark.parametrize(
    "data",
    [None, {"name": "x" * 30, "pick": "zzz", "many": ["zzz"], "one": "zzz", "when": "gisteren"}],
    ids=["empty", "errors"],
)
def test_our_field_template_matches_crispys_for_every_kind_of_field(data, monkeypatch):
    from generator.wizard.templatetags import fast_crispy

    form = Extra(data)
    fast = crispy_form(form)
    # With no context counted as simple, every field takes crispy's own template.
    monkeypatch.setattr(fast_crispy, "SIMPLE", {"form_show_labels": ("never",)})
    slow = crispy_form(Extra(data))
    assert squeeze(fast) == squeeze(slow)
    assert 'id="div_id_name"' in fast
    if data:
        assert "is-invalid" in fast and "invalid-feedback" in fast
    else:
        assert "&lt;script&gt;" in fast and "<script>" not in fast
