"""Creates the demo account that `make run` logs in with. Development only: a known password
on a public server would be an open door, so this refuses to run with DEBUG off."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105 - documented development account


class Command(BaseCommand):
    help = "Maakt het demo-account aan (alleen met DEBUG=1)."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("load_demo werkt alleen met DEBUG=1 (het wachtwoord is openbaar).")
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "demo@example.com", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            self.stdout.write(f"Demo-account aangemaakt: {DEMO_USERNAME} / {DEMO_PASSWORD}")
        else:
            self.stdout.write(f"Demo-account bestaat al: {DEMO_USERNAME}")
