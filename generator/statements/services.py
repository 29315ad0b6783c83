"""Workflows that write several objects (style.md: `<thing>_<action>`, keyword-only)."""

import hashlib
from collections.abc import Callable

from django.db import transaction
from django.db.models import F

from generator.accounts.models import Workspace
from generator.answers.loading import parse_answers
from generator.documents.formats import FORMATS
from generator.documents.options import OutputOptions
from generator.statements.exports import statement_document
from generator.statements.models import Organisation, Statement, StatementVersion


class StatementConflict(Exception):
    """The draft changed since the form was shown (another tab, another colleague)."""


@transaction.atomic
def organisation_create(*, workspace: Workspace, name: str) -> Organisation:
    organisation = Organisation.objects.create(workspace=workspace, name=name)
    # The name typed on the dashboard is the first answer, so the wizard starts with it.
    answers = parse_answers({"controller": {"legal_name": name}}).model_dump(mode="json")
    Statement.objects.create(organisation=organisation, answers=answers)
    return organisation


def statement_save_step(
    *,
    statement: Statement,
    revision: int,
    answers: dict,
    step: str,
    required_steps: Callable[[dict], list[str]],
) -> Statement:
    """Validate the whole draft with the step's answers merged in, and save it only if nobody
    saved in between. Raises AnswersError (nothing saved) or StatementConflict.

    `required_steps` tells which steps apply to the new answers; the wizard owns that rule."""
    normalised = parse_answers(answers).model_dump(mode="json")
    completed = statement.completed_steps + (
        [step] if step not in statement.completed_steps else []
    )
    complete = all(name in completed for name in required_steps(normalised))
    updated = Statement.objects.filter(pk=statement.pk, revision=revision).update(
        answers=normalised,
        revision=F("revision") + 1,
        completed_steps=completed,
        complete=complete,
        last_step=step,
    )
    if not updated:
        raise StatementConflict
    statement.refresh_from_db()
    return statement


@transaction.atomic
def statement_publish(*, statement: Statement, user) -> StatementVersion:
    """Snapshot the answers, the clause revisions and the rendered page (design.md, invariant 2)."""
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    answers = parse_answers(statement.answers)
    document = statement_document(answers)
    html = FORMATS["html"].render(document, OutputOptions()).decode()
    last = statement.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return StatementVersion.objects.create(
        statement=statement,
        number=last + 1,
        answers=statement.answers,
        clause_revisions={section.key: section.revision for section in document.sections},
        language=document.metadata.language,
        register=document.metadata.register,
        html=html,
        content_hash=hashlib.sha256(html.encode()).hexdigest(),
        created_by=user,
    )
