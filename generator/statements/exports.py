"""From Answers to a file in any output format: the engine's one entry point.

Clauses are the active revisions of the clause library (the default files in git when the
database has none), unless a caller passes its own (the clause editor's preview).
"""

import json
import logging

from django.http import HttpResponse
from django.utils.text import slugify

from generator.answers.choices import Language
from generator.answers.loading import AnswersError, parse_answers
from generator.answers.schema import Answers
from generator.clauses.files import ClauseFileError, ClauseSpec
from generator.clauses.rendering import ClauseError, build_document
from generator.clauses.services import active_clauses
from generator.compliance.checker import (
    check_answers,
    check_statement,
    check_translations,
    readability_by_section,
)
from generator.documents import pdf
from generator.documents.document import Document
from generator.documents.formats import FORMATS, render_for_web
from generator.documents.html import page_context
from generator.documents.options import OutputOptions

logger = logging.getLogger(__name__)


class StatementError(Exception):
    """Saved answers that cannot be turned into a statement, with a message to show."""


def statement_document(
    answers: Answers,
    *,
    register: str | None = None,
    clauses: list[ClauseSpec] | None = None,
    changes: dict | None = None,
) -> Document:
    if clauses is None:
        clauses = active_clauses(answers.document.language.value)
    return build_document(answers, clauses, register, changes)


def statement_export(
    answers: Answers,
    *,
    fmt: str,
    register: str | None = None,
    options: OutputOptions | None = None,
    in_worker: bool = False,
) -> bytes:
    """`in_worker=True` for web requests: a PDF is then made by the task worker."""
    if fmt not in FORMATS:
        raise ValueError(f"Onbekend formaat {fmt!r}; kies uit {', '.join(FORMATS)}")
    document = statement_document(answers, register=register)
    if in_worker:
        return render_for_web(fmt, document, options or OutputOptions())
    return FORMATS[fmt].render(document, options or OutputOptions())


def answers_in_language(answers: Answers, language: str) -> Answers:
    """The same answers for the statement in another of its languages."""
    document = answers.document.model_copy(update={"language": Language(language)})
    return answers.model_copy(update={"document": document})


def other_languages(answers: Answers) -> list[str]:
    main = answers.document.language
    return [lang.value for lang in answers.document.extra_languages if lang != main]


def statement_check(
    answers: Answers,
    document: Document | None = None,
    translations: dict[str, Document] | None = None,
) -> dict:
    """The checker's report and the readability scores, as plain data for pages and storage.
    The statement's other languages are checked too (R31): `translations`, or made here."""
    document = document or statement_document(answers)
    if translations is None:
        translations = _translations(answers)
    report = check_statement(answers, document, translations)
    overall, sections = readability_by_section(document)
    titles = {section.key: section.title for section in document.sections}
    return {
        **report.as_dict(),
        "readability": {
            "overall": overall.as_dict(),
            "sections": [
                {"key": key, "title": titles[key], **score.as_dict()}
                for key, score in sections.items()
                if score.sentences
            ],
            "longest": [{"words": n, "sentence": s} for n, s in overall.longest(5)],
        },
    }


def statement_findings(answers_data: dict) -> list[dict]:
    """The checker's findings over the answers, for the wizard to show at the fields, and what
    the statement's other languages still miss (R31: they are rendered for it, which is quick
    without a PDF); empty when the draft does not validate."""
    try:
        answers = parse_answers(answers_data)
    except AnswersError:
        return []
    findings = check_answers(answers)
    try:
        translations = _translations(answers)
    except (ClauseError, ClauseFileError):
        translations = {}  # the review says what is wrong with the clauses
    if translations:
        findings += check_translations(answers, translations)
    return [finding.as_dict() for finding in findings]


def _translations(answers: Answers) -> dict[str, Document]:
    return {
        language: statement_document(answers_in_language(answers, language))
        for language in other_languages(answers)
    }


def statement_review(answers_data: dict, *, register: str | None = None) -> dict:
    """What the review page shows: the statement (as page context) and the checker's report."""
    try:
        answers = parse_answers(answers_data)
        document = statement_document(answers, register=register)
    except (AnswersError, ClauseError, ClauseFileError) as error:
        raise StatementError(str(error)) from error
    return {"page": page_context(document), "check": statement_check(answers, document)}


def version_export(version, fmt: str, language: str | None = None) -> HttpResponse:
    """A published version in any format, made from its stored Document (or its answers, for
    json), so downloads of an old version never pick up today's clauses."""
    organisation = version.statement.organisation
    name = f"privacyverklaring-{slugify(organisation.name) or 'organisatie'}-v{version.number}"
    if language and language != version.language and language in version.translations:
        name += f"-{language}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(version.answers, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response
    output = FORMATS[fmt]
    data = render_for_web(fmt, version.as_document(language), OutputOptions())
    response = HttpResponse(data, content_type=output.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{output.EXTENSION}"'
    return response


def version_pdfs_enqueue(version) -> int:
    """Have the task worker make this version's PDFs, one per language, unless the cache has
    them (a render already queued or running is not queued twice); returns how many are not
    in the cache. The other formats are made in the request when asked for (DOCX, the
    slowest, in about a tenth of a second; docs/benchmarks.md, issue 19)."""
    queued = 0
    for language in version.languages:
        html = pdf.print_html(version.as_document(language))
        if pdf.enqueue(html, OutputOptions(), version_id=version.pk) is not None:
            queued += 1
    return queued


def version_pdfs_queue(version) -> None:
    """version_pdfs_enqueue when a version is published, so that the first download is as
    fast as every later one. Never raises: the version is published either way, and a PDF that
    is not made now is made at its first download."""
    try:
        version_pdfs_enqueue(version)
    except Exception:
        logger.exception("PDFs of %s not queued; they are made at the first download", version)
