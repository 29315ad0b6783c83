"""Workflows that write several objects (style.md: `<thing>_<action>`, keyword-only)."""

import copy
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from generator.accounts.models import Workspace
from generator.answers.loading import parse_answers
from generator.clauses.files import ClauseFileError
from generator.clauses.rendering import ClauseError
from generator.documents.formats import FORMATS
from generator.documents.options import OutputOptions
from generator.lib import dutch
from generator.statements.changes import PHRASES, describe_changes
from generator.statements.exports import (
    answers_in_language,
    other_languages,
    statement_check,
    statement_document,
    version_pdfs_queue,
)
from generator.statements.models import AuditEvent, Organisation, Statement, StatementVersion


class StatementConflict(Exception):
    """The draft changed since the form was shown (another tab, another colleague)."""


class BlockingFindings(Exception):
    """Publishing was asked without acknowledging the checker's blocking findings."""

    def __init__(self, count: int):
        self.count = count
        super().__init__(f"{count} blokkerende punten")


class PublishRefused(Exception):
    """Findings that no acknowledgement overrides (such as a text in the other register):
    nothing is published until they are fixed. `findings` are the checker's dicts."""

    def __init__(self, findings: list[dict]):
        self.findings = findings
        super().__init__("; ".join(f["message_nl"] for f in findings))


def _check(answers) -> dict | None:
    try:
        return statement_check(answers)
    except (ClauseError, ClauseFileError):
        return None


def audit_record(
    *,
    workspace: Workspace,
    user,
    action: str,
    organisation: Organisation | None = None,
    detail: str = "",
) -> AuditEvent:
    return AuditEvent.objects.create(
        workspace=workspace,
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        organisation=organisation,
        detail=detail[:300],
    )


@transaction.atomic
def organisation_create(
    *,
    workspace: Workspace,
    name: str,
    answers: dict | None = None,
    user=None,
    action: str = AuditEvent.Action.CREATED,
    completed_steps: list[str] | None = None,
) -> Organisation:
    """A new organisation with its draft: the given answers, or just the name typed on the
    dashboard, so the wizard starts with it. `completed_steps`: the steps the answers already
    fill in (a demo or an imported file), shown as done. Raises AnswersError (nothing
    created)."""
    parsed = parse_answers(answers if answers is not None else {"controller": {"legal_name": name}})
    report = _check(parsed)
    with transaction.atomic():
        organisation = Organisation.objects.create(workspace=workspace, name=name)
        Statement.objects.create(
            organisation=organisation,
            answers=parsed.model_dump(mode="json"),
            score=report["score"] if report else None,
            blocking=report["blocking"] if report else None,
            completed_steps=completed_steps or [],
            complete=bool(completed_steps),
        )
        audit_record(workspace=workspace, user=user, action=action, organisation=organisation)
    return organisation


def organisation_rename(*, organisation: Organisation, name: str, user) -> Organisation:
    """The name on the dashboard; the statement's own legal name is an answer of the wizard."""
    with transaction.atomic():
        old = organisation.name
        organisation.name = name
        organisation.save(update_fields=["name"])
        audit_record(
            workspace=organisation.workspace,
            user=user,
            action=AuditEvent.Action.EDITED,
            organisation=organisation,
            detail=f"naam: {old} → {name}"[:300],
        )
    return organisation


def organisation_clone(
    *, organisation: Organisation, user, name: str | None = None, workspace: Workspace | None = None
) -> Organisation:
    """A copy of a client's draft answers as the start of another (design.md: consultants reuse
    answers between clients). Versions are not copied: the new client has published nothing,
    so neither its effective date nor its version label carry over."""
    answers = copy.deepcopy(organisation.statement.answers)
    document = answers.setdefault("document", {})
    document["effective_date"] = None
    document["version_label"] = None
    return organisation_create(
        workspace=workspace or organisation.workspace,
        name=name or f"{organisation.name} (kopie)",
        answers=answers,
        user=user,
        action=AuditEvent.Action.CLONED,
    )


def statement_save_step(
    *,
    statement: Statement,
    revision: int,
    answers: dict,
    step: str,
    required_steps: Callable[[dict], list[str]],
    user=None,
    mark_done: bool = True,
) -> Statement:
    """Validate the whole draft with the step's answers merged in, and save it only if nobody
    saved in between. Raises AnswersError (nothing saved) or StatementConflict.

    `required_steps` tells which steps apply to the new answers; the wizard owns that rule.
    `mark_done=False`: rows added from elsewhere (the cookie scan) leave the step for the user
    to check and save."""
    parsed = parse_answers(answers)
    normalised = parsed.model_dump(mode="json")
    report = _check(parsed)
    completed = statement.completed_steps + (
        [step] if mark_done and step not in statement.completed_steps else []
    )
    complete = all(name in completed for name in required_steps(normalised))
    updated = Statement.objects.filter(pk=statement.pk, revision=revision).update(
        answers=normalised,
        revision=F("revision") + 1,
        completed_steps=completed,
        complete=complete,
        last_step=step,
        score=report["score"] if report else None,
        blocking=report["blocking"] if report else None,
    )
    if not updated:
        raise StatementConflict
    statement.refresh_from_db()
    organisation = statement.organisation
    audit_record(
        workspace=organisation.workspace,
        user=user,
        action=AuditEvent.Action.EDITED,
        organisation=organisation,
        detail=f"stap {step}",
    )
    return statement


@transaction.atomic
def statement_changes(statement: Statement, answers, *, note: str = "") -> dict | None:
    """What changed since the latest published version, for the "Wijzigingen" section."""
    previous = statement.latest_version()
    if previous is None:
        return None
    language = answers.document.language.value
    date = dutch.format_date(previous.effective_date or previous.created_at.date(), language)
    return {
        "since": PHRASES[language]["since"].format(number=previous.number, date=date),
        "note": note or None,
        "lines": describe_changes(parse_answers(previous.answers), answers, language),
    }


@transaction.atomic
def statement_publish(
    *, statement: Statement, user, acknowledge_blocking: bool = False, change_note: str = ""
) -> StatementVersion:
    """Snapshot the answers, the clause revisions, the Document (its first layer, the summary,
    is one of its sections), the rendered page and the checker's report (design.md, invariant 2). With blocking findings, only when
    they are acknowledged.

    Idempotent: publishing what the latest version already is (same answers, clause revisions
    and note) returns that version, so a double-clicked or resent "Publiceren" makes one
    version. The row lock makes the second request wait for the first and then see it."""
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    answers = parse_answers(statement.answers)
    document = statement_document(
        answers, changes=statement_changes(statement, answers, note=change_note)
    )
    latest = statement.versions.order_by("-number").first()
    revisions = {section.key: section.revision for section in document.sections}
    if (
        latest is not None
        and latest.answers == statement.answers
        and latest.clause_revisions == revisions
        and latest.change_note == change_note
    ):
        return latest
    translated = {}
    for language in other_languages(answers):
        other = answers_in_language(answers, language)
        changes = statement_changes(statement, other, note=change_note)
        translated[language] = statement_document(other, changes=changes)
    report = statement_check(answers, document, translated)
    refusing = [f for f in report["findings"] if f["severity"] == "E" and not f["overridable"]]
    if refusing:
        raise PublishRefused(refusing)
    if report["blocking"] and not acknowledge_blocking:
        raise BlockingFindings(report["blocking"])
    html = FORMATS["html"].render(document, OutputOptions()).decode()
    translations = {language: doc.as_dict() for language, doc in translated.items()}
    last = statement.versions.order_by("-number").values_list("number", flat=True).first() or 0
    organisation = statement.organisation
    audit_record(
        workspace=organisation.workspace,
        user=user,
        action=AuditEvent.Action.PUBLISHED,
        organisation=organisation,
        detail=f"versie {last + 1}",
    )
    version = StatementVersion.objects.create(
        statement=statement,
        number=last + 1,
        answers=statement.answers,
        clause_revisions=revisions,
        language=document.metadata.language,
        register=document.metadata.register,
        effective_date=answers.document.effective_date or timezone.localdate(),
        change_note=change_note,
        document=document.as_dict(),
        translations=translations,
        html=html,
        content_hash=hashlib.sha256(html.encode()).hexdigest(),
        findings=report,
        acknowledged_blocking=bool(report["blocking"]),
        created_by=user,
    )
    if settings.PDFS_ON_PUBLISH:
        # After the commit, so that the worker finds the version and a rollback queues nothing.
        transaction.on_commit(lambda: version_pdfs_queue(version))
    return version
