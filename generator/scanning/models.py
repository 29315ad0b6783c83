"""A cookie scan of an organisation's site, run by the task worker; its result proposes
cookies and recipients in the wizard (views.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from generator.statements.models import Organisation


class SiteScan(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="scans")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    url = models.URLField(_("adres"), max_length=500)
    pages = models.PositiveSmallIntegerField(default=5)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveSmallIntegerField(default=0)
    total = models.PositiveSmallIntegerField(default=0)
    result = models.JSONField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("cookiescan")
        verbose_name_plural = _("cookiescans")

    def __str__(self) -> str:
        return f"Scan {self.pk} van {self.url} ({self.status})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return round(100 * self.done / self.total) if self.total else 0
