"""The clause editor: every save is a new revision, validated against every example in both
registers first; a preview of the whole statement, a diff between revisions, rollback, and the
published statements that still use an older revision (counted for every editor; named only to
members of their workspace).

Editors need staff status and the "Clausebeheerders" group (migration 0002), not superuser.
Every save and rollback is recorded in Django's admin log (who, when) and on the revision.
"""

import difflib
from collections import Counter

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from generator.clauses.files import ClauseSpec
from generator.clauses.models import ClauseRevision, ClauseTemplate
from generator.clauses.rendering import ClauseError
from generator.clauses.services import (
    active_clauses,
    clause_approve,
    clause_rollback,
    clause_save,
    clause_validate,
    examples,
)
from generator.lib.isolation import IsolatedFailure, run_isolated

# The whole statement with every clause: a second or two of real work on a slow machine.
PREVIEW_CPU_SECONDS = 20


class ClauseTemplateForm(forms.ModelForm):
    body = forms.CharField(
        label=_("Tekst (Jinja2)"),
        widget=forms.Textarea(
            attrs={
                "rows": 24,
                "cols": 100,
                "class": "vLargeTextField",
                "spellcheck": "false",
                "style": "font-family: monospace",
            }
        ),
        help_text=_("Zie docs/clauses.md voor de variabelen en hulpmiddelen."),
    )
    note = forms.CharField(
        label=_("Toelichting bij deze wijziging"), max_length=300, required=False
    )
    approve = forms.BooleanField(
        label=_("Meteen in gebruik nemen"),
        required=False,
        initial=True,
        help_text=_("Uit: bewaar als concept; een beheerder keurt het later goed."),
    )

    class Meta:
        model = ClauseTemplate
        fields = ["key", "language", "title", "order", "condition"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            revision = self.instance.active_revision() or self.instance.revisions.first()
            if revision:
                self.fields["body"].initial = revision.body

    def spec(self) -> ClauseSpec:
        data = self.cleaned_data
        key = data.get("key") or self.instance.key
        language = data.get("language") or self.instance.language
        return ClauseSpec(
            key, language, data["title"], data["order"], data["condition"], data["body"], ""
        )

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        for problem in clause_validate(self.spec()):
            self.add_error("body", problem)
        return data


@admin.register(ClauseTemplate)
class ClauseTemplateAdmin(admin.ModelAdmin):
    form = ClauseTemplateForm
    list_display = ["key", "language", "title", "order", "active_number", "revision_count"]
    list_filter = ["language"]
    search_fields = ["key", "title", "revisions__body"]
    ordering = ["language", "order"]
    change_form_template = "admin/clauses/clausetemplate/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("revisions")

    def get_readonly_fields(self, request, obj=None):
        return ["key", "language"] if obj else []

    def has_delete_permission(self, request, obj=None) -> bool:
        # Published versions name these clauses; a clause's history is never removed.
        return False

    @admin.display(description=_("actieve revisie"))
    def active_number(self, template: ClauseTemplate) -> int | None:
        approved = [r.number for r in template.revisions.all() if r.approved]
        return max(approved, default=None)

    @admin.display(description=_("revisies"))
    def revision_count(self, template: ClauseTemplate) -> int:
        return len(template.revisions.all())

    def save_model(self, request, obj, form, change) -> None:
        data = form.cleaned_data
        revision = clause_save(
            spec=form.spec(), author=request.user, note=data["note"], approved=data["approve"]
        )
        # The admin logs and redirects with this object: make it the saved template.
        saved = revision.template
        obj.pk, obj.key, obj.language = saved.pk, saved.key, saved.language
        obj._state.adding = False

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/change/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="clauses_clausetemplate_preview",
            ),
            path(
                "<int:pk>/change/diff/",
                self.admin_site.admin_view(self.diff_view),
                name="clauses_clausetemplate_diff",
            ),
            path(
                "<int:pk>/change/rollback/<int:revision>/",
                self.admin_site.admin_view(self.rollback_view),
                name="clauses_clausetemplate_rollback",
            ),
            path(
                "<int:pk>/change/approve/<int:revision>/",
                self.admin_site.admin_view(self.approve_view),
                name="clauses_clausetemplate_approve",
            ),
        ]
        return urls + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        template = get_object_or_404(ClauseTemplate, pk=object_id)
        extra = {
            "examples": examples(template.language),
            "affected": affected_statements(template, request.user),
            "revisions": template.revisions.order_by("-number"),
        }
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **extra})

    def _template(self, request: HttpRequest, pk: int, *, change: bool = False) -> ClauseTemplate:
        template = get_object_or_404(ClauseTemplate, pk=pk)
        allowed = (
            self.has_change_permission(request, template)
            if change
            else self.has_view_permission(request, template)
        )
        if not allowed:
            raise PermissionDenied
        return template

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The whole statement for a chosen example, with a stored revision (GET) or with the
        unsaved text of the edit form (POST), which is validated first and never saved."""
        from generator.documents.formats import FORMATS
        from generator.documents.options import OutputOptions
        from generator.statements.exports import statement_document

        template = self._template(request, pk, change=request.method == "POST")
        source = request.POST if request.method == "POST" else request.GET
        if request.method == "POST":
            data = request.POST.copy()
            data.setdefault("key", template.key)  # read-only on the change page, so not posted
            data.setdefault("language", template.language)
            form = ClauseTemplateForm(data, instance=template)
            if not form.is_valid():
                problems = [str(e) for errors in form.errors.values() for e in errors]
                return render(
                    request,
                    "admin/clauses/clausetemplate/preview_refused.html",
                    {"template": template, "problems": problems},
                    status=400,
                )
            spec = form.spec()
        else:
            revision = (
                get_object_or_404(template.revisions, pk=source.get("revision"))
                if source.get("revision")
                else template.active_revision()
            )
            if revision is None:
                raise Http404
            spec = revision.as_spec()
        choices = {example.name: example for example in examples(template.language)}
        example = choices.get(source.get("example")) or next(iter(choices.values()), None)
        if example is None:
            raise Http404("Geen voorbeelden voor deze taal")
        register = (
            source.get("register") if source.get("register") in ("formal", "informal") else None
        )
        clauses = [s for s in active_clauses(template.language) if s.key != spec.key] + [spec]
        clauses.sort(key=lambda s: s.order)

        def rendered() -> dict:
            try:
                document = statement_document(example.answers, register=register, clauses=clauses)
            except ClauseError as error:
                return {"problems": [str(error)]}
            return {"html": FORMATS["html"].render(document, OutputOptions()).decode()}

        # In a child process with memory and CPU limits, like validation (lib/isolation.py).
        try:
            result = run_isolated(
                rendered, cpu_seconds=PREVIEW_CPU_SECONDS, wall_seconds=3 * PREVIEW_CPU_SECONDS
            )
        except IsolatedFailure as failure:
            result = {"problems": [failure.reason]}
        if "problems" in result:
            return render(
                request,
                "admin/clauses/clausetemplate/preview_refused.html",
                {"template": template, "problems": result["problems"]},
                status=400,
            )
        return HttpResponse(result["html"])

    def diff_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        template = self._template(request, pk)
        a = get_object_or_404(template.revisions, pk=request.GET.get("a"))
        b = get_object_or_404(template.revisions, pk=request.GET.get("b"))
        # difflib escapes the texts; the table is safe to show as HTML.
        table = difflib.HtmlDiff(wrapcolumn=70).make_table(
            f"titel: {a.title}\nvoorwaarde: {a.condition}\n\n{a.body}".splitlines(),
            f"titel: {b.title}\nvoorwaarde: {b.condition}\n\n{b.body}".splitlines(),
            f"revisie {a.number}",
            f"revisie {b.number}",
        )
        context = {
            **self.admin_site.each_context(request),
            "template": template,
            "a": a,
            "b": b,
            "table": table,
            "opts": self.model._meta,
        }
        return render(request, "admin/clauses/clausetemplate/diff.html", context)

    @staticmethod
    def _redirect(template: ClauseTemplate) -> HttpResponse:
        return redirect("admin:clauses_clausetemplate_change", template.pk)

    def rollback_view(self, request: HttpRequest, pk: int, revision: int) -> HttpResponse:
        template = self._template(request, pk, change=True)
        old = get_object_or_404(template.revisions, pk=revision)
        return require_POST(self._rollback)(request, template, old)

    def _rollback(
        self, request: HttpRequest, template: ClauseTemplate, old: ClauseRevision
    ) -> HttpResponse:
        new = clause_rollback(revision=old, author=request.user)
        self.log_change(
            request, template, f"Teruggezet naar revisie {old.number} (nieuwe revisie {new.number})"
        )
        messages.success(
            request, f"Revisie {new.number} gemaakt met de tekst van revisie {old.number}."
        )
        return self._redirect(template)

    def approve_view(self, request: HttpRequest, pk: int, revision: int) -> HttpResponse:
        template = self._template(request, pk, change=True)
        draft = get_object_or_404(template.revisions, pk=revision, approved=False)
        return require_POST(self._approve)(request, template, draft)

    def _approve(
        self, request: HttpRequest, template: ClauseTemplate, draft: ClauseRevision
    ) -> HttpResponse:
        clause_approve(revision=draft)
        self.log_change(request, template, f"Revisie {draft.number} goedgekeurd")
        messages.success(request, f"Revisie {draft.number} is nu in gebruik.")
        return self._redirect(template)


def affected_statements(template: ClauseTemplate, user) -> dict:
    """Published statements whose latest version used another revision of this clause, so
    they may want to publish again: `counts` per revision for every editor, and `rows` (the
    organisations by name) only from workspaces the viewer is a member of, because editors
    serve every tenant and must not learn one tenant's clients from another's. (The admin is
    the one place that joins the two apps.)"""
    from generator.statements.models import Organisation, Statement

    revisions = list(template.revisions.all())
    numbers = {revision.revision_id: revision.number for revision in revisions}
    active = max((r for r in revisions if r.approved), key=lambda r: r.number, default=None)
    current = active.revision_id if active else None
    # The membership rule is the scoped QuerySet's, evaluated in the same query.
    own = Organisation.objects.for_user(user).filter(pk=OuterRef("organisation_id"))
    statements = (
        Statement.objects.filter(versions__isnull=False)
        .distinct()
        .annotate(own=Exists(own))
        .select_related("organisation")
        .prefetch_related("versions")
    )
    counts: Counter[str] = Counter()
    rows = []
    for statement in statements:
        latest = statement.latest_version()
        used = (
            latest.clause_revisions.get(template.key)
            if latest and latest.language == template.language
            else None
        )
        if used and used != current:
            counts[used] += 1
            if statement.own:
                rows.append(
                    {
                        "organisation": statement.organisation,
                        "version": latest,
                        "revision": numbers.get(used, used),
                    }
                )
    order = sorted(counts, key=lambda used: (used not in numbers, numbers.get(used, 0), used))
    return {
        "counts": [{"revision": numbers.get(used, used), "count": counts[used]} for used in order],
        "rows": rows,
    }


@admin.register(ClauseRevision)
class ClauseRevisionAdmin(admin.ModelAdmin):
    """Read-only history of every revision: who changed what, when."""

    list_display = ["template", "number", "approved", "author", "created_at", "note"]
    list_filter = ["approved", "template__language"]
    list_select_related = ["template", "author"]
    search_fields = ["template__key", "body", "note"]
    readonly_fields = [
        "template",
        "number",
        "title",
        "order",
        "condition",
        "body",
        "note",
        "approved",
        "author",
        "created_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
