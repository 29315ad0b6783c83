"""The scan's card on the wizard's cookies step, so the wizard's code needs no scanning."""

from django import template

from generator.scanning.forms import ScanForm

register = template.Library()


@register.inclusion_tag("scanning/_card.html")
def scan_card(organisation) -> dict:
    website = organisation.statement.answers.get("controller", {}).get("website")
    return {
        "organisation": organisation,
        "form": ScanForm(initial={"url": website, "pages": 5}),
        "latest": organisation.scans.first(),
    }
