from django.apps import AppConfig


class ScanningConfig(AppConfig):
    name = "generator.scanning"
    verbose_name = "Cookiescan"
