"""The clause library in the database: a template per section per language, and its revisions.

A revision is immutable: its text never changes after it is saved; an edit, or a rollback,
is a new revision. The active revision is the newest approved one. Published statements keep
the HTML and the revision ids they were made with, so nothing here can change them.
"""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from generator.clauses.files import ClauseSpec

EDITORS_GROUP = "Clausebeheerders"


class ClauseTemplateQuerySet(models.QuerySet):
    def with_active_revision(self):
        newest = ClauseRevision.objects.filter(template=OuterRef("pk"), approved=True).order_by(
            "-number"
        )
        return self.annotate(active_revision_id=Subquery(newest.values("pk")[:1]))


class ClauseTemplate(models.Model):
    key = models.SlugField(_("sleutel"), max_length=50)
    language = models.CharField(
        _("taal"), max_length=5, choices=[("nl", "Nederlands"), ("en", "English")]
    )
    # The newest revision's title, order and condition, kept here for lists and sorting.
    title = models.CharField(_("titel"), max_length=300)
    order = models.PositiveIntegerField(_("volgorde"))
    condition = models.CharField(_("voorwaarde"), max_length=500, default="true")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClauseTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["language", "order", "key"]
        verbose_name = _("clausule")
        verbose_name_plural = _("clausules")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "language"], name="one_clause_per_key_and_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.language})"

    def active_revision(self) -> "ClauseRevision | None":
        return self.revisions.filter(approved=True).order_by("-number").first()


class ClauseRevision(models.Model):
    template = models.ForeignKey(ClauseTemplate, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField(_("revisie"))
    title = models.CharField(_("titel"), max_length=300)
    order = models.PositiveIntegerField(_("volgorde"))
    condition = models.CharField(_("voorwaarde"), max_length=500)
    body = models.TextField(_("tekst"))
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    approved = models.BooleanField(_("goedgekeurd"), default=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["template", "-number"]
        verbose_name = _("clausulerevisie")
        verbose_name_plural = _("clausulerevisies")
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="one_number_per_revision")
        ]

    _FROZEN = ("template_id", "number", "title", "order", "condition", "body", "note", "author_id")

    def __str__(self) -> str:
        return f"{self.template.key} ({self.template.language}) r{self.number}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            stored = ClauseRevision.objects.get(pk=self.pk)
            if any(getattr(stored, name) != getattr(self, name) for name in self._FROZEN):
                raise ValueError("Een clausulerevisie verandert nooit; maak een nieuwe revisie.")
            if stored.approved and not self.approved:
                raise ValueError(
                    "Een goedgekeurde revisie blijft goedgekeurd; maak een nieuwe revisie."
                )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Een clausulerevisie wordt nooit verwijderd.")

    @property
    def revision_id(self) -> str:
        """What a Document and a published version record for this text."""
        return f"rev:{self.pk}"

    def as_spec(self) -> ClauseSpec:
        return ClauseSpec(
            key=self.template.key,
            language=self.template.language,
            title=self.title,
            order=self.order,
            condition=self.condition,
            body=self.body,
            revision=self.revision_id,
        )
