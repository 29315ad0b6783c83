"""Faster rendering of checkbox and radio groups for crispy-forms.

crispy-bootstrap5 renders each option through a template include of its attributes; the
activities step has several hundred options (every data category, data subject and channel
for every activity, plus the empty row for "toevoegen"), and those includes made it by far the
slowest page under load (docs/benchmarks.md). This builds the same markup in Python and
leaves the rest of crispy's field template alone. Every value is escaped as Django's
conditional_escape does (html.escape unless already safe), without its per-call overhead:
an option costs a few string joins.
"""

import html

from crispy_forms.templatetags.crispy_forms_filters import optgroups
from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _escape(value) -> str:
    return str(value) if hasattr(value, "__html__") else html.escape(str(value))


def _attributes(attrs: dict) -> str:
    return "".join(
        f" {_escape(name)}" if value is True else f' {_escape(name)}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _errors_block(field) -> str:
    # crispy-bootstrap5's field_errors_block.html, inside the last option so Bootstrap shows it.
    return format_html(
        '<div id="{}_error" class="invalid-feedback">{}</div>',
        field.errors.field_id,
        format_html_join(
            "",
            '<p id="error_{}_{}"><strong>{}</strong></p>',
            ((number, field.auto_id, error) for number, error in enumerate(field.errors, 1)),
        ),
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
                f"{_errors_block(field) if show_errors else ''}</div>"
            )
    return mark_safe("\n".join(parts))  # noqa: S308 - every value above is escaped
