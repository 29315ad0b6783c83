from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "generator.accounts"
    verbose_name = "Accounts"
