"""Common processors and cookies, maintained in the admin, so users need not know that Google
Analytics sets `_ga` for two years or where Mailchimp keeps its data.

Picking an entry in the wizard copies its facts into the answers, with a fingerprint of those
facts; a later edit here never changes a statement by itself, it only flags it.
"""

import hashlib
import json

from django.db import models
from django.utils.translation import gettext_lazy as _

# The same values as generator.answers.choices (a test proves every entry validates as
# answers); spelled out here because the catalog depends on no other part of the project.
TRANSFER_MECHANISMS = [(v, v) for v in ("adequacy", "dpf", "scc", "bcr", "derogation")]
COOKIE_PARTIES = [(v, v) for v in ("first", "third")]
COOKIE_CATEGORIES = [
    (v, v)
    for v in (
        "functional",
        "preferences",
        "analytics",
        "marketing",
        "tracking",
        "advertising",
        "social",
    )
]


class ByKeyManager(models.Manager):
    def get_by_natural_key(self, key: str):
        return self.get(key=key)


class CatalogProcessor(models.Model):
    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=200, help_text=_("De dienst, zoals Mailchimp."))
    company = models.CharField(
        _("bedrijf"), max_length=200, help_text=_("De rechtspersoon waarmee u contracteert.")
    )
    category = models.CharField(_("soort"), max_length=100)
    description = models.CharField(_("wat zij doen"), max_length=500)
    country = models.CharField(_("land van verwerking"), max_length=2)
    transfer_mechanism = models.CharField(
        _("doorgifte"), max_length=20, blank=True, choices=TRANSFER_MECHANISMS
    )
    dpf_certified = models.BooleanField(_("DPF-gecertificeerd"), null=True, blank=True)
    privacy_url = models.URLField(_("privacyvoorwaarden"), max_length=300)
    data_categories = models.JSONField(_("gebruikelijke gegevens"), default=list, blank=True)
    sources = models.JSONField(
        _("bronnen"), default=list, help_text=_("Adressen waar de feiten vandaan komen.")
    )
    note = models.TextField(
        _("onzekerheden"),
        blank=True,
        help_text=_("Wat niet zeker is, staat hier in plaats van gegokt."),
    )

    objects = ByKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("verwerker in de catalogus")
        verbose_name_plural = _("verwerkers in de catalogus")

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.key,)

    def facts(self) -> dict:
        """What picking this entry copies into the answers' recipient row."""
        return {
            "name": self.company if self.company != self.name else self.name,
            "category": self.category,
            "description": self.description,
            "country": self.country,
            "transfer_mechanism": self.transfer_mechanism or None,
            "safeguard_copy": self.privacy_url
            if self.transfer_mechanism in ("scc", "bcr")
            else None,
        }


class CatalogCookie(models.Model):
    key = models.SlugField(_("sleutel"), max_length=80, unique=True)
    name = models.CharField(
        _("naam of patroon"), max_length=200, help_text=_("Bijvoorbeeld _ga of _hjSession_*.")
    )
    processor = models.ForeignKey(
        CatalogProcessor, on_delete=models.PROTECT, null=True, blank=True, related_name="cookies"
    )
    provider = models.CharField(
        _("aanbieder"),
        max_length=200,
        blank=True,
        help_text=_("Als er geen verwerker is, zoals bij sessiecookies van een platform."),
    )
    party = models.CharField(_("partij"), max_length=10, choices=COOKIE_PARTIES)
    category = models.CharField(_("soort"), max_length=20, choices=COOKIE_CATEGORIES)
    purpose = models.CharField(_("doel"), max_length=500)
    duration = models.CharField(_("duur"), max_length=100)
    sources = models.JSONField(_("bronnen"), default=list)
    note = models.TextField(_("onzekerheden"), blank=True)

    objects = ByKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cookie in de catalogus")
        verbose_name_plural = _("cookies in de catalogus")

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.key,)

    def facts(self) -> dict:
        """What picking this cookie copies into the answers' cookie row."""
        return {
            "name": self.name,
            "party": self.party,
            "provider": (self.processor.name if self.processor else self.provider) or None,
            "category": self.category,
            "purpose": self.purpose,
            "duration": self.duration,
        }


def fingerprint(facts: dict) -> str:
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()[:16]
