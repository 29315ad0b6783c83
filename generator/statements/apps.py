from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "generator.statements"
