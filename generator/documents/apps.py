from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "generator.documents"
