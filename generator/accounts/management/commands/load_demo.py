"""Creates the demo account that `make run` logs in with, in a workspace with the example
organisations. Development only: a known password on a public server would be an open door,
so this refuses to run with DEBUG off."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from generator.accounts.models import Membership, Workspace
from generator.answers.loading import load_answers_file
from generator.statements.services import organisation_create
from generator.wizard.steps import required_steps

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105 - documented development account
DEMO_WORKSPACE = "Demo-werkruimte"


class Command(BaseCommand):
    help = "Maakt het demo-account met de voorbeeldorganisaties aan (alleen met DEBUG=1)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("load_demo werkt alleen met DEBUG=1 (het wachtwoord is openbaar).")
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "demo@example.com", "is_staff": True, "is_superuser": True},
        )
        if not created:
            self.stdout.write(f"Demo-account bestaat al: {DEMO_USERNAME}")
            return
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        workspace = Workspace.objects.create(name=DEMO_WORKSPACE)
        Membership.objects.create(workspace=workspace, user=user, role=Membership.Role.OWNER)
        for path in sorted(settings.EXAMPLES_DIR.glob("*.json")):
            if "." in path.stem:
                continue  # the .facts.json files
            answers = load_answers_file(path)
            data = answers.model_dump(mode="json")
            # A demo is a finished statement: every step it answers shows as done.
            organisation_create(
                workspace=workspace,
                name=answers.controller.legal_name,
                answers=data,
                completed_steps=required_steps(data),
            )
        self.stdout.write(f"Demo-account aangemaakt: {DEMO_USERNAME} / {DEMO_PASSWORD}")
