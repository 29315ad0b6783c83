"""What the checker reports: findings with the rule's ID (avg-checklist.md (b)), the article it
rests on, a severity, a plain message in Dutch and English, and where in the answers to fix it."""

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from generator.answers.types import text_of


class Severity(StrEnum):
    BLOCKING = "E"  # blocks publication unless acknowledged (or always, if not overridable)
    WARNING = "W"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    article: str
    message_nl: str
    message_en: str
    path: str | None = None  # answers path of the field that fixes it, e.g. "activities.2.purpose"
    excerpt: str | None = None  # for text rules: the words that triggered it
    # False: publishing is refused until it is fixed; acknowledging it is not enough.
    overridable: bool = True

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.BLOCKING

    def message(self, language: str = "nl") -> str:
        return self.message_en if language == "en" else self.message_nl

    def as_dict(self) -> dict:
        return asdict(self) | {"severity": self.severity.value}


@dataclass(frozen=True)
class RuleSpec:
    rule: str
    article: str
    summary: str  # what the rule checks, for docs and the command's output
    check: Callable


# Rules over the Answers, and rules over the statement's text (which may also look at the
# answers when there are any). One ID can have a part in each.
RULES: dict[str, RuleSpec] = {}
TEXT_RULES: dict[str, RuleSpec] = {}


def in_english(text: str) -> str:
    """A name or text the organisation typed, in its English version when it has one: what an
    English message quotes ("Describe the purpose of 'Handling orders'")."""
    return text_of(text, "en")


def rule(rule_id: str, *, article: str, summary: str, text: bool = False, overridable: bool = True):
    """Register a rule; the function yields (severity, message_nl, message_en, path[, excerpt]).
    `overridable=False`: its blocking findings cannot be acknowledged away at publication."""

    def register(func: Callable) -> Callable:
        def run(subject) -> Iterator[Finding]:
            for severity, nl, en, path, *rest in func(subject):
                excerpt = rest[0] if rest else None
                yield Finding(rule_id, severity, article, nl, en, path, excerpt, overridable)

        (TEXT_RULES if text else RULES)[rule_id] = RuleSpec(rule_id, article, summary, run)
        run.__name__ = func.__name__
        return run

    return register


E = Severity.BLOCKING
W = Severity.WARNING


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def refusing(self) -> list[Finding]:
        """Blocking findings that no acknowledgement overrides."""
        return [f for f in self.blocking if not f.overridable]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.blocking]

    @property
    def score(self) -> int:
        """100 minus 20 per blocking finding and 5 per warning, never below 0: a statement with
        one blocking gap can score at most 80, and warnings alone never drop it below 0."""
        return max(0, 100 - 20 * len(self.blocking) - 5 * len(self.warnings))

    def ordered(self) -> list[Finding]:
        return self.blocking + self.warnings

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "blocking": len(self.blocking),
            "refusing": len(self.refusing),
            "warnings": len(self.warnings),
            "findings": [f.as_dict() for f in self.ordered()],
        }
