from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "generator.catalog"
    verbose_name = "Catalogus"
