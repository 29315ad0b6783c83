from django.contrib import admin

from generator.statements.models import Organisation, Statement, StatementVersion


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "workspace", "created_at"]
    list_select_related = ["workspace"]
    search_fields = ["name", "workspace__name"]
    readonly_fields = ["public_id"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["organisation", "revision", "complete", "last_step", "updated_at"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name"]
    readonly_fields = ["revision", "completed_steps", "complete", "last_step"]


@admin.register(StatementVersion)
class StatementVersionAdmin(admin.ModelAdmin):
    """Read-only: a published version never changes (design.md, invariant 2)."""

    list_display = ["statement", "number", "language", "register", "created_at", "created_by"]
    list_select_related = ["statement__organisation", "created_by"]
    search_fields = ["statement__organisation__name"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
