"""Run every rule: over the Answers, and over the statement's text."""

from generator.answers.schema import Answers
from generator.compliance import (  # noqa: F401 - importing registers the rules
    rules_organisation,
    rules_processing,
    rules_recipients,
    rules_text,
)
from generator.compliance.findings import RULES, TEXT_RULES, Finding, Report
from generator.compliance.readability import Score, score_blocks
from generator.compliance.rules_text import TextSubject, readability_blocks
from generator.compliance.text import Block, document_blocks, plain_blocks
from generator.documents.document import Document


def check_answers(answers: Answers) -> list[Finding]:
    return [finding for spec in RULES.values() for finding in spec.check(answers)]


def check_text(blocks: list[Block], answers: Answers | None = None) -> list[Finding]:
    subject = TextSubject(blocks, answers)
    return [finding for spec in TEXT_RULES.values() for finding in spec.check(subject)]


def check_statement(answers: Answers, document: Document) -> Report:
    findings = check_answers(answers) + check_text(document_blocks(document), answers)
    return Report(sorted(findings, key=lambda f: (not f.blocking, _rule_number(f.rule))))


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
