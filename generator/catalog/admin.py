from django.contrib import admin

from generator.catalog.models import CatalogCookie, CatalogProcessor


class CookieInline(admin.TabularInline):
    model = CatalogCookie
    extra = 0
    fields = ["key", "name", "party", "category", "purpose", "duration"]


@admin.register(CatalogProcessor)
class CatalogProcessorAdmin(admin.ModelAdmin):
    list_display = ["name", "company", "category", "country", "transfer_mechanism", "dpf_certified"]
    list_filter = ["category", "country", "transfer_mechanism", "dpf_certified"]
    search_fields = ["name", "company", "category", "key"]
    inlines = [CookieInline]


@admin.register(CatalogCookie)
class CatalogCookieAdmin(admin.ModelAdmin):
    list_display = ["name", "processor", "provider", "party", "category", "duration"]
    list_filter = ["category", "party"]
    list_select_related = ["processor"]
    search_fields = ["name", "processor__name", "provider", "key"]
