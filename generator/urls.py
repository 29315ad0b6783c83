from django.contrib import admin
from django.urls import include, path

from generator.accounts.urls import auth_urlpatterns

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    *auth_urlpatterns,
    path("", include("generator.accounts.urls")),
    path("", include("generator.statements.urls")),
    path("", include("generator.wizard.urls")),
    path("", include("generator.catalog.urls")),
    path("", include("generator.scanning.urls")),
    path("", include("generator.public.urls")),
]
