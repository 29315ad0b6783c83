"""Organisations (the controllers a workspace keeps statements for), their draft answers, and
the published versions, which never change (design.md, invariant 2)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from generator.accounts.models import Workspace
from generator.documents.document import Document


class OrganisationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Every user-facing lookup starts here (design.md, invariant 5)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(workspace__memberships__user=user)


class Organisation(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("naam"), max_length=200)
    # For the public page (a later issue): unguessable, unlike the primary key.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class StatementQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__workspace__memberships__user=user)


class Statement(models.Model):
    """The draft: the answers as the wizard has saved them so far."""

    class State(models.TextChoices):
        DRAFT = "draft", _("concept")
        COMPLETE = "complete", _("compleet")
        PUBLISHED = "published", _("gepubliceerd")

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="statement"
    )
    answers = models.JSONField(default=dict)
    # Raised on every save; a save that names an older revision is a conflict, not an overwrite.
    revision = models.PositiveIntegerField(default=0)
    completed_steps = models.JSONField(default=list)
    # Every step that applies to these answers has been saved at least once (set by the wizard).
    complete = models.BooleanField(default=False)
    last_step = models.CharField(max_length=40, blank=True)
    # The checker's verdict on the saved answers, kept for the dashboard (None: not checked,
    # for instance because the answers cannot be rendered yet).
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    blocking = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Verklaring van {self.organisation}"

    def latest_version(self) -> "StatementVersion | None":
        # all() rather than a new query, so a dashboard's prefetch_related is used.
        return max(self.versions.all(), key=lambda version: version.number, default=None)

    @property
    def state(self) -> str:
        latest = self.latest_version()
        if latest is not None and latest.answers == self.answers:
            return self.State.PUBLISHED
        return self.State.COMPLETE if self.complete else self.State.DRAFT

    def get_state_display(self) -> str:
        return self.State(self.state).label


class StatementVersion(models.Model):
    """A published statement: append-only, never edited, never deleted through the ORM."""

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    answers = models.JSONField()
    clause_revisions = models.JSONField()
    language = models.CharField(max_length=5)
    register = models.CharField(max_length=10)
    effective_date = models.DateField(null=True)
    change_note = models.CharField(max_length=300, blank=True)
    # The Document as published (metadata and sections), so every export of this version is
    # made from what was published, never from today's clauses or code.
    document = models.JSONField(default=dict)
    summary_html = models.TextField(default="")
    # The same version in the extra languages of the answers: {language: Document as data}.
    translations = models.JSONField(default=dict)
    html = models.TextField()
    content_hash = models.CharField(max_length=64)
    # The checker's report at publication, and whether blocking findings were acknowledged.
    findings = models.JSONField(default=dict)
    acknowledged_blocking = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "number"], name="one_number_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.statement.organisation} v{self.number}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("Een gepubliceerde versie verandert nooit.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Een gepubliceerde versie wordt nooit verwijderd.")

    def as_document(self, language: str | None = None):
        """The Document as it was published (in `language`, if it was also published in that
        one); every export of this version starts here."""
        if language and language != self.language and language in self.translations:
            return Document.from_dict(self.translations[language])
        return Document.from_dict(self.document)

    @property
    def languages(self) -> list[str]:
        return [self.language, *sorted(self.translations)]


class AuditEventQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(workspace__memberships__user=user)


class AuditEvent(models.Model):
    """Who created, edited, published or exported what, and when; shown to the workspace."""

    class Action(models.TextChoices):
        CREATED = "created", _("aangemaakt")
        IMPORTED = "imported", _("geïmporteerd")
        CLONED = "cloned", _("gekopieerd")
        EDITED = "edited", _("bewerkt")
        PUBLISHED = "published", _("gepubliceerd")
        EXPORTED = "exported", _("geëxporteerd")

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="audit_events")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_events"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.organisation}"


def _export_token() -> str:
    import secrets

    return secrets.token_urlsafe(16)


class BatchExport(models.Model):
    """A ZIP of the PDFs of chosen organisations, made by a background task: each one's
    latest published version (its draft when it has none), or with `drafts` every draft."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        PACKING = "packing", _("ZIP maken")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisations = models.ManyToManyField(Organisation, related_name="+")
    drafts = models.BooleanField(default=False)
    token = models.CharField(max_length=40, unique=True, default=_export_token, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    manifest = models.JSONField(default=list)
    file_name = models.CharField(max_length=200, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The last time a client was finished (or the batch was resumed): a batch that has not
    # moved for BATCH_STALL_SECONDS lost its worker and is resumed (tasks.batch_export_resume).
    progressed_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Export {self.pk} ({self.status}, {self.done}/{self.total})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


class BatchExportItem(models.Model):
    """One client's PDF in a batch export. Each is its own task, so every worker process helps
    with one batch; the worker that finishes the last one writes the ZIP."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("wacht")
        OK = "ok", _("klaar")
        FAILED = "failed", _("mislukt")

    batch = models.ForeignKey(BatchExport, on_delete=models.CASCADE, related_name="items")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    # The PDF's file name inside the ZIP and its path in the content-addressed PDF cache.
    name = models.CharField(max_length=200, blank=True)
    cache_path = models.CharField(max_length=200, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "organisation"], name="one_item_per_client")
        ]

    def __str__(self) -> str:
        return f"{self.batch_id}/{self.position} ({self.status})"
