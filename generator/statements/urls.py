from django.urls import path, register_converter

from generator.statements import views


class DownloadFormat:
    regex = "html|pdf|md"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DownloadFormat, "download")

app_name = "statements"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("organisaties/nieuw/", views.organisation_new, name="organisation_new"),
    path(
        "organisaties/<int:pk>/verklaring.<download:fmt>", views.statement_download, name="download"
    ),
    path("organisaties/<int:pk>/publiceren/", views.statement_publish_view, name="publish"),
]
