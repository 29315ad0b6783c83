from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "generator.public"
