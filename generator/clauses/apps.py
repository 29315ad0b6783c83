from django.apps import AppConfig


class ClausesConfig(AppConfig):
    name = "generator.clauses"
    verbose_name = "Clausules"
