from django.urls import path, register_converter

from generator.public import views


class FormatConverter:
    regex = "pdf|md"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "fmt")

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("voorbeelden/<slug:slug>/", views.example_statement, name="example"),
    path("voorbeelden/<slug:slug>.<fmt:fmt>", views.example_statement, name="example_file"),
]
