"""crispy-bootstrap5's field and choice-group templates, built in Python.

The wizard's activities step has a few hundred fields and several hundred checkbox options
(every activity's row, plus the empty row for "toevoegen"); crispy-bootstrap5 renders each
through Django templates with several includes (one per option for its attributes), which made
that step the slowest page under load (docs/benchmarks.md). Our templates/bootstrap5/field.html
calls `fast_field` and layout/radio_checkbox_select.html calls `choice_options`: for the layout
we use everywhere (labels above fields, errors and help text below, no horizontal form, no file
fields) they build the same markup here; any other field renders crispy's own template, read
from the installed package. tests/lib/test_forms.py compares both with the originals for every
kind of field, with and without errors.

Options are escaped as Django's conditional_escape does (html.escape unless already safe)
without its per-call overhead, since one page has hundreds of them.
"""

import html
from functools import cache
from pathlib import Path

import crispy_bootstrap5
from crispy_forms.templatetags.crispy_forms_field import (
    is_checkbox,
    is_checkboxselectmultiple,
    is_file,
    is_radioselect,
    is_select,
)
from crispy_forms.templatetags.crispy_forms_filters import optgroups
from django import template
from django.conf import settings
from django.template import Template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from generator.wizard.forms.base import shown_when

register = template.Library()

# Context values of crispy's default helper; other values take the original template.
SIMPLE = {
    "tag": (None, ""),
    "form_class": (None, ""),
    "label_class": (None, ""),
    "field_class": (None, ""),
    "help_text_inline": (None, False),
    "error_text_inline": (None, False, True),
    "form_show_labels": (True,),
    "form_show_errors": (True,),
}


@cache
def _original() -> Template:
    path = Path(crispy_bootstrap5.__file__).parent / "templates" / "bootstrap5" / "field.html"
    return template.engines["django"].engine.from_string(path.read_text(encoding="utf-8"))


def _widget(field, extra: str) -> SafeString:
    # What crispy's {% crispy_field field 'class' '...' %} does: the widget's own class name,
    # then the Bootstrap classes, added to the widget's attributes, then the widget rendered.
    widget = field.field.widget
    converters = getattr(settings, "CRISPY_CLASS_CONVERTERS", {})
    name = converters.get(type(widget).__name__.lower(), type(widget).__name__.lower())
    css = widget.attrs.get("class", "")
    css = (css + f" {name}" if name not in css else css) if css else name
    for word in extra.split():
        if word not in css.split():
            css += " " + word
    widget.attrs["class"] = css
    return mark_safe(str(field))  # noqa: S308 - Django's widget rendering escapes the values


def _errors(field, inline: bool) -> SafeString:
    # crispy's field_errors.html (inline: <span>) or field_errors_block.html (<p>).
    element = "span" if inline else "p"
    return format_html(
        '<div id="{}_error" class="invalid-feedback">{}</div>',
        field.errors.field_id,
        format_html_join(
            "",
            f'<{element} id="error_{{}}_{{}}"><strong>{{}}</strong></{element}>',
            ((n, field.auto_id, error) for n, error in enumerate(field.errors, 1)),
        ),
    )


def _findings(field) -> SafeString:
    """The checker's findings for this field (wizard.views.mark_fields), below its errors."""
    found = getattr(field.form, "field_findings", {}).get(field.auto_id)
    if not found:
        return ""
    return format_html_join(
        "",
        '<div class="form-text field-finding {}" role="note"><strong>{}</strong> {}</div>',
        (
            (
                "text-danger-emphasis" if item["severity"] == "E" else "text-warning-emphasis",
                _("Blokkeert publiceren:") if item["severity"] == "E" else _("Let op:"),
                item["message"],
            )
            for item in found
        ),
    )


def _help_and_errors(field, inline_errors: bool) -> SafeString:
    errors = _errors(field, inline_errors) if field.errors else ""
    help_text = ""
    if field.help_text:
        help_text = format_html(
            '<div {}class="form-text">{}</div>',
            format_html('id="{}_helptext" ', field.auto_id) if field.auto_id else "",
            mark_safe(field.help_text),  # noqa: S308 - crispy marks it safe too; our own texts
        )
    return format_html("{}{}{}", errors, _findings(field), help_text)


def _label(field) -> SafeString:
    required = " requiredField" if field.field.required else ""
    asterisk = mark_safe('<span class="asteriskField">*</span>') if field.field.required else ""
    element = "legend" if field.use_fieldset else "label"
    return format_html(
        '<{} {}class="form-label{}{}">{}{}</{}>',
        element,
        format_html('for="{}" ', field.id_for_label) if field.id_for_label else "",
        required,
        " fs-6" if field.use_fieldset else "",
        field.label,
        asterisk,
        element,
    )


@register.simple_tag(takes_context=True)
def fast_field(context) -> SafeString:
    field = context["field"]
    if any(context.get(key) not in allowed for key, allowed in SIMPLE.items()) or is_file(field):
        return _original().render(context)
    if field.is_hidden:
        return mark_safe(str(field))  # noqa: S308 - a rendered widget
    inline_errors = bool(context.get("error_text_inline"))
    checkbox = is_checkbox(field)
    classes = "form-check" if checkbox else "mb-3"
    classes += f" {context['wrapper_class']}" if context.get("wrapper_class") else ""
    css_classes = field.css_classes()
    classes += f" {css_classes}" if css_classes else ""
    inner = []
    if field.label and not checkbox:
        if field.use_fieldset:
            described = field.aria_describedby
            inner.append(
                format_html('<fieldset aria-describedby="{}">', described)
                if described
                else mark_safe("<fieldset>")
            )
        inner.append(_label(field))
    if is_checkboxselectmultiple(field) or is_radioselect(field):
        inner.append(
            mark_safe(  # noqa: S308 - a Django template with autoescape
                context.template.engine.get_template(
                    "bootstrap5/layout/radio_checkbox_select.html"
                ).render(context)
            )
        )
        inner.append(_findings(field))
    elif checkbox:
        invalid = " is-invalid" if field.errors else ""
        inner.append(_widget(field, "form-check-input" + invalid))
        inner.append(
            format_html(
                '<label for="{}" class="form-check-label{}">{}{}</label>',
                field.id_for_label,
                " requiredField" if field.field.required else "",
                field.label,
                mark_safe('<span class="asteriskField">*</span>') if field.field.required else "",
            )
        )
        inner.append(_help_and_errors(field, inline_errors))
    else:
        base = "form-select" if is_select(field) else "form-control"
        inner.append(_widget(field, base + (" is-invalid" if field.errors else "")))
        inner.append(_help_and_errors(field, inline_errors))
    if field.use_fieldset and field.label:
        inner.append(mark_safe("</fieldset>"))
    rule = shown_when(field.form, field.name)
    condition = (
        format_html(' data-show-when="{}" data-show-values="{}"', rule[0], " ".join(rule[1]))
        if rule
        else ""
    )
    if checkbox:
        # The outer box holds the margin, so it is the one that is hidden.
        html = format_html(
            '<div id="div_{}" class="{}">{}</div>',
            field.auto_id,
            classes,
            format_html_join("", "{}", ((part,) for part in inner)),
        )
        return format_html('<div class="mb-3"{}>{}</div>', condition, html)
    return format_html(
        '<div id="div_{}" class="{}"{}>{}</div>',
        field.auto_id,
        classes,
        condition,
        format_html_join("", "{}", ((part,) for part in inner)),
    )


def _escape(value) -> str:
    return str(value) if hasattr(value, "__html__") else html.escape(str(value))


def _attributes(attrs: dict) -> str:
    return "".join(
        f" {_escape(name)}" if value is True else f' {_escape(name)}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


@register.simple_tag(takes_context=True)
def choice_options(context, field, inline_class: str = "") -> SafeString:
    """Every option of a radio or checkbox group, in crispy-bootstrap5's markup."""
    invalid = " is-invalid" if field.errors else ""
    wrapper = "form-check form-check-inline" if inline_class else "form-check"
    name = _escape(field.html_name)
    groups = optgroups(field)
    parts = []
    for number, (group, options, _index) in enumerate(groups, 1):
        if group:
            parts.append(f"<strong>{_escape(group)}</strong>")
        for position, option in enumerate(options, 1):
            last = number == len(groups) and position == len(options)
            show_errors = last and field.errors and not inline_class
            show_errors = show_errors and context.get("form_show_errors", True)
            attrs = option["attrs"]
            parts.append(
                f'<div class="{wrapper}"><input type="{_escape(option["type"])}" '
                f'class="form-check-input{invalid}" name="{name}" value="{_escape(option["value"])}"'
                f'{_attributes(attrs)}><label for="{_escape(attrs.get("id", ""))}" '
                f'class="form-check-label">{_escape(option["label"])}</label>'
                f"{_errors(field, inline=False) if show_errors else ''}</div>"
            )
    return mark_safe("\n".join(parts))  # noqa: S308 - every value above is escaped
