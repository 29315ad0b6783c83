from django.urls import path, register_converter

from generator.lib.urls import choice_converter
from generator.public import views

register_converter(choice_converter("pdf", "md"), "fmt")
register_converter(choice_converter("pdf", "md", "docx"), "publicfmt")

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("voorbeelden/<slug:slug>/", views.example_statement, name="example"),
    path("voorbeelden/<slug:slug>.<fmt:fmt>", views.example_statement, name="example_file"),
    path("p/<uuid:public_id>/", views.public_statement, name="statement"),
    path("p/<uuid:public_id>/versies/", views.public_archive, name="archive"),
    path("p/<uuid:public_id>/versie/<int:number>/", views.public_version, name="version"),
    path(
        "p/<uuid:public_id>/versie/<int:number>.<publicfmt:fmt>",
        views.public_download,
        name="download",
    ),
    path("p/<uuid:public_id>/fragment/", views.public_fragment, name="fragment"),
    path("p/<uuid:public_id>/cookies/", views.public_cookies, name="cookies"),
]
