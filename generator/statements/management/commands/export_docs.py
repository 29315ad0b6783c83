"""Writes the generated documentation: docs/answers.schema.json, docs/answers.md,
docs/checker.md and docs/clauses.md (`make docs`). Tests fail when they are out of date."""

from django.conf import settings
from django.core.management.base import BaseCommand

from generator.answers.docs import schema_json, schema_markdown
from generator.clauses.docs import clauses_markdown
from generator.compliance.docs import rules_markdown


class Command(BaseCommand):
    help = "Schrijft docs/answers.schema.json, docs/answers.md en docs/checker.md opnieuw."

    def handle(self, *args, **options) -> None:
        docs = settings.BASE_DIR / "docs"
        outputs = {
            "answers.schema.json": schema_json(),
            "answers.md": schema_markdown(),
            "checker.md": rules_markdown(),
            "clauses.md": clauses_markdown(),
        }
        for name, text in outputs.items():
            (docs / name).write_text(text, encoding="utf-8")
        self.stdout.write("Bijgewerkt: " + ", ".join(f"docs/{name}" for name in outputs))
