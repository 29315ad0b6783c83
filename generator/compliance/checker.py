"""Run every rule: over the Answers, and over the statement's text."""

from generator.answers.choices import Register
from generator.answers.schema import Answers
from generator.compliance import (  # noqa: F401 - importing registers the rules
    rules_language,
    rules_organisation,
    rules_processing,
    rules_recipients,
    rules_register,
    rules_text,
)
from generator.compliance.findings import RULES, TEXT_RULES, Finding, Report
from generator.compliance.readability import Score, score_blocks
from generator.compliance.rules_text import TextSubject, readability_blocks
from generator.compliance.text import Block, document_blocks, plain_blocks
from generator.documents.document import Document


def check_answers(answers: Answers) -> list[Finding]:
    return [finding for spec in RULES.values() for finding in spec.check(answers)]


def check_text(
    blocks: list[Block],
    answers: Answers | None = None,
    *,
    language: str | None = None,
    register: str | None = None,
    translations: dict[str, list[Block]] | None = None,
) -> list[Finding]:
    subject = TextSubject(blocks, answers, language, register, translations)
    return [finding for spec in TEXT_RULES.values() for finding in spec.check(subject)]


def check_statement(
    answers: Answers, document: Document, translations: dict[str, Document] | None = None
) -> Report:
    """`translations`: the same statement in its other languages (document.extra_languages)."""
    meta = document.metadata
    # The statement may be rendered in another register than the answers name (a consultant
    # trying the other one); the rules judge the text that was made.
    if meta.register != answers.document.register.value:
        document_info = answers.document.model_copy(update={"register": Register(meta.register)})
        answers = answers.model_copy(update={"document": document_info})
    findings = check_answers(answers) + check_text(
        document_blocks(document),
        answers,
        language=meta.language,
        register=meta.register,
        translations={lang: document_blocks(doc) for lang, doc in (translations or {}).items()},
    )
    return Report(sorted(findings, key=lambda f: (not f.blocking, _rule_number(f.rule))))


def check_translations(answers: Answers, translations: dict[str, Document]) -> list[Finding]:
    """Only what the statement's other languages add (R31), without the rules over its own
    text: what the wizard shows at the fields while someone types."""
    subject = TextSubject(
        [],
        answers,
        answers.document.language.value,
        answers.document.register.value,
        {lang: document_blocks(doc) for lang, doc in translations.items()},
    )
    return list(TEXT_RULES["R31"].check(subject))


def check_plain_text(text: str) -> Report:
    """Any statement as plain text (no answers): only the text rules apply."""
    findings = check_text(plain_blocks(text))
    return Report(sorted(findings, key=lambda f: (not f.blocking, _rule_number(f.rule))))


def readability_by_section(document: Document) -> tuple[Score, dict[str, Score]]:
    blocks = document_blocks(document)
    overall = score_blocks(readability_blocks(blocks))
    sections = {
        section.key: score_blocks(
            readability_blocks([b for b in blocks if b.section == section.key])
        )
        for section in document.sections
    }
    return overall, sections


def _rule_number(rule_id: str) -> int:
    return int(rule_id.lstrip("R"))
