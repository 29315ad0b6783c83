from django.urls import path, register_converter

from generator.lib.urls import choice_converter
from generator.statements import views, views_batch, views_versions

register_converter(choice_converter("html", "pdf", "md", "docx", "json"), "download")
register_converter(choice_converter("xlsx", "pdf"), "register")

app_name = "statements"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("organisaties/nieuw/", views.organisation_new, name="organisation_new"),
    path("organisaties/importeren/", views.organisation_import, name="organisation_import"),
    path("organisaties/<int:pk>/kopieren/", views.organisation_clone_view, name="clone"),
    path("organisaties/<int:pk>/naam/", views.organisation_rename_view, name="rename"),
    path(
        "organisaties/<int:pk>/verklaring.<download:fmt>", views.statement_download, name="download"
    ),
    path("organisaties/<int:pk>/publiceren/", views.statement_publish_view, name="publish"),
    path("organisaties/<int:pk>/versies/", views_versions.version_list, name="versions"),
    path(
        "organisaties/<int:pk>/versies/verschil/", views_versions.version_diff, name="version_diff"
    ),
    path(
        "organisaties/<int:pk>/versies/<int:number>.<download:fmt>",
        views_versions.version_download,
        name="version_download",
    ),
    path("werkruimtes/<int:pk>/logboek/", views.audit_log, name="audit_log"),
    path(
        "organisaties/<int:pk>/verwerkingsregister.<register:fmt>",
        views.register_download,
        name="register",
    ),
    path("exports/nieuw/", views_batch.batch_new, name="batch_new"),
    path("exports/<str:token>/", views_batch.batch_detail, name="batch"),
    path("exports/<str:token>/status/", views_batch.batch_status, name="batch_status"),
    path("exports/<str:token>/download/", views_batch.batch_download, name="batch_download"),
]
