"""Writes docs/answers.schema.json and docs/answers.md from the Answers model."""

from django.conf import settings
from django.core.management.base import BaseCommand

from generator.answers.docs import schema_json, schema_markdown


class Command(BaseCommand):
    help = "Schrijft docs/answers.schema.json en docs/answers.md opnieuw uit het Answers-model."

    def handle(self, *args, **options) -> None:
        docs = settings.BASE_DIR / "docs"
        (docs / "answers.schema.json").write_text(schema_json(), encoding="utf-8")
        (docs / "answers.md").write_text(schema_markdown(), encoding="utf-8")
        self.stdout.write("docs/answers.schema.json en docs/answers.md bijgewerkt.")
