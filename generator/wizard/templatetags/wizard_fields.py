"""Faster rendering of checkbox and radio groups for crispy-forms.

crispy-bootstrap5 renders each option through a template include of its attributes; the
activities step has several hundred options (every data category, data subject and channel
for every activity, plus the empty row for "toevoegen"), and those includes made it by far the
slowest page under load (docs/benchmarks.md). This builds the same markup in Python, escaped
by format_html, and leaves the rest of crispy's field template alone.
"""

from crispy_forms.templatetags.crispy_forms_filters import optgroups
from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


def _attributes(attrs: dict) -> str:
    shown = [(name, value) for name, value in attrs.items() if value is not False]
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in shown
        ),
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
def choice_options(context, field, inline_class: str = "") -> str:
    """Every option of a radio or checkbox group, in crispy-bootstrap5's markup."""
    invalid = " is-invalid" if field.errors else ""
    wrapper = "form-check form-check-inline" if inline_class else "form-check"
    groups = optgroups(field)
    parts = []
    for number, (group, options, _index) in enumerate(groups, 1):
        if group:
            parts.append(format_html("<strong>{}</strong>", group))
        for position, option in enumerate(options, 1):
            last = number == len(groups) and position == len(options)
            show_errors = last and field.errors and not inline_class
            show_errors = show_errors and context.get("form_show_errors", True)
            parts.append(
                format_html(
                    '<div class="{}"><input type="{}" class="form-check-input{}" name="{}" '
                    'value="{}"{}><label for="{}" class="form-check-label">{}</label>{}</div>',
                    wrapper,
                    option["type"],
                    invalid,
                    field.html_name,
                    str(option["value"]),
                    _attributes(option["attrs"]),
                    option["attrs"].get("id", ""),
                    str(option["label"]),
                    _errors_block(field) if show_errors else "",
                )
            )
    return format_html_join("\n", "{}", ((part,) for part in parts))
