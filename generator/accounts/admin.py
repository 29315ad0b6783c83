from django.contrib import admin

from generator.accounts.models import Invitation, Membership, Workspace


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Workspace)
class WorkspaceAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name", "memberships__user__email"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "workspace", "invited_by", "created_at", "accepted_at"]
    list_select_related = ["workspace", "invited_by"]
    search_fields = ["email", "workspace__name"]
    readonly_fields = ["token"]
