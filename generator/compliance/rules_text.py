"""Rules over the statement's text (R6-R8, R16, R19, R25-R28): they run on our own Documents
and on any statement given as plain text, such as the originals of the examples. A statement
is read in its own language: each pattern has a Dutch and an English form, and plain text
without a language is Dutch."""

import re
from dataclasses import dataclass

from generator.answers import choices as c
from generator.answers.schema import Answers
from generator.compliance import readability
from generator.compliance.findings import E, W, rule
from generator.compliance.text import Block, full_text

WITHDRAWAL = {
    "nl": re.compile(r"afbreuk (doet )?aan de rechtmatigheid", re.IGNORECASE),
    "en": re.compile(r"(not|without) affect(s|ing)? the lawfulness", re.IGNORECASE),
}
CHECK_REGULARLY = {
    "nl": re.compile(
        r"(regelmatig|periodiek|geregeld).{0,40}(raadpleg|bekijk|controleer|kijk)"
        r"|(raadpleeg|bekijk|controleer|kijk)\w*\s+(regelmatig|periodiek|geregeld)",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(regularly|periodically|from time to time).{0,40}(check|consult|review|visit)"
        r"|(check|consult|review|visit)\w*\s+(this page\s+)?(regularly|periodically)",
        re.IGNORECASE,
    ),
}
COMPLAINT = {
    "nl": re.compile(r"autoriteit persoonsgegevens", re.IGNORECASE),
    "en": re.compile(r"autoriteit persoonsgegevens|dutch data protection authority", re.IGNORECASE),
}
AUTOMATED = {
    "nl": re.compile(r"geautomatiseerde besluit", re.IGNORECASE),
    "en": re.compile(r"automated decision", re.IGNORECASE),
}
# R7: the prominent objection to direct marketing names both the objection and the advertising.
OBJECTION = {
    "nl": (re.compile(r"bezwaar", re.IGNORECASE), re.compile(r"reclame", re.IGNORECASE)),
    "en": (
        re.compile(r"\bobject", re.IGNORECASE),
        re.compile(r"advertising|direct marketing", re.IGNORECASE),
    ),
}
OUTDATED = re.compile(
    r"Wet bescherming persoonsgegevens|\bWbp\b|bewerker|\bCBP\b|College bescherming|Privacy Shield",
    re.IGNORECASE,
)
VAGUE = re.compile(
    r"\b(kunnen|kan|mogelijk|eventueel|bepaalde|sommige|onder andere|o\.a\.|bijvoorbeeld)\b",
    re.IGNORECASE,
)
# "Klanten kunnen inloggen" says what a person can do, not what the organisation may do.
PERSON_CAN = re.compile(
    r"\b(u|je|jij|wie|iemand|mensen|zij|klanten?|gebruikers?|bezoekers?|deelnemers?|leden|lid|"
    r"abonnees?|sollicitanten?|medewerkers?|patiënten?|cliënten?|ouders?)\s+(kunnen|kan|kunt)\s*$",
    re.IGNORECASE,
)


# C9: the rights that always apply, each with the words a statement may use for it.
RIGHTS = [
    ({"nl": r"inzage|inzien", "en": r"\baccess"}, "inzage", "access"),
    (
        {"nl": r"rectificatie|corrigeren|verbeteren", "en": r"rectif|correct"},
        "rectificatie",
        "rectification",
    ),
    (
        {"nl": r"verwijder|wissen|vergetelheid", "en": r"erase|erasure|delet"},
        "verwijdering",
        "erasure",
    ),
    ({"nl": r"beperk", "en": r"restrict"}, "beperking", "restriction"),
]


@dataclass(frozen=True)
class TextSubject:
    blocks: list[Block]
    answers: Answers | None = None
    # The statement's language and register when it is our own Document; None for plain text.
    language: str | None = None
    register: str | None = None
    # The same statement in its other languages, by language (a version with translations).
    translations: dict[str, list[Block]] | None = None

    @property
    def text(self) -> str:
        return full_text(self.blocks)

    @property
    def reading_language(self) -> str:
        """The language the patterns read: plain text without one is Dutch."""
        return "en" if self.language == "en" else "nl"


def _excerpt(text: str, match: re.Match) -> str:
    return text[max(0, match.start() - 40) : match.end() + 40].strip()


@rule(
    "R6",
    article="Art. 7(3) AVG",
    summary="De intrekking van toestemming, met de zin over de rechtmatigheid",
    text=True,
)
def withdrawal_clause(subject: TextSubject):
    answers = subject.answers
    consent = answers and any(a.legal_basis == c.LegalBasis.CONSENT for a in answers.activities)
    if consent and not WITHDRAWAL[subject.reading_language].search(subject.text):
        yield (
            E,
            "De verklaring moet zeggen dat intrekken van toestemming geen afbreuk doet aan de rechtmatigheid van de verwerking daarvoor.",
            "The statement must say that withdrawing consent does not affect the lawfulness of earlier processing.",
            None,
        )


@rule(
    "R7",
    article="Art. 15-21 AVG",
    summary="De rechten, en een apart, opvallend bezwaar tegen direct marketing",
    text=True,
)
def rights(subject: TextSubject):
    for patterns, nl, en in RIGHTS:
        if not re.search(patterns[subject.reading_language], subject.text, re.IGNORECASE):
            yield (
                E,
                f"Het recht op {nl} ontbreekt in de verklaring.",
                f"The right to {en} is missing from the statement.",
                None,
            )
    answers = subject.answers
    if answers and any(a.direct_marketing for a in answers.activities):
        objection, advertising = OBJECTION[subject.reading_language]
        highlighted = any(
            objection.search(b.text) and advertising.search(b.text) for b in subject.blocks
        )
        if not highlighted:
            yield (
                E,
                "Bij direct marketing hoort een aparte, opvallende zin over het onvoorwaardelijke recht van bezwaar.",
                "Direct marketing needs a separate, prominent statement of the unconditional right to object.",
                None,
            )


@rule(
    "R8",
    article="Art. 13(2)(d), 77 AVG",
    summary="Het recht op een klacht bij de Autoriteit Persoonsgegevens",
    text=True,
)
def complaint(subject: TextSubject):
    if not COMPLAINT[subject.reading_language].search(subject.text):
        yield (
            E,
            "De verklaring moet het recht noemen om te klagen bij de Autoriteit Persoonsgegevens.",
            "The statement must mention the right to complain to the Autoriteit Persoonsgegevens.",
            None,
        )


@rule(
    "R19",
    article="Art. 13(2)(f) AVG",
    summary="Zeg het als er geen geautomatiseerde besluiten zijn",
    text=True,
)
def automated_decisions_said(subject: TextSubject):
    if not AUTOMATED[subject.reading_language].search(subject.text):
        yield (
            W,
            "Zeg of u geautomatiseerde besluiten neemt, ook als dat niet zo is.",
            "Say whether you take automated decisions, also when you do not.",
            None,
        )


@rule(
    "R25",
    article="WP260 §29-31",
    summary="Een datum en een actieve melding van wijzigingen; niet 'kijk regelmatig'",
    text=True,
)
def changes(subject: TextSubject):
    answers = subject.answers
    if answers is not None:
        if answers.document.effective_date is None:
            yield (
                E,
                "Geef de verklaring een datum.",
                "Give the statement a date.",
                "document.effective_date",
            )
        if not answers.other.change_notice:
            yield (
                E,
                "Zeg hoe u belangrijke wijzigingen actief meldt, bijvoorbeeld per e-mail.",
                "Say how you actively announce important changes, for example by e-mail.",
                "other.change_notice",
            )
    active = bool(answers and answers.other.change_notice)
    match = CHECK_REGULARLY[subject.reading_language].search(subject.text)
    if match and not active:
        yield (
            E,
            "'Kijk regelmatig op deze pagina' is niet genoeg: meld wijzigingen actief.",
            "'Check this page regularly' is not enough: announce changes actively.",
            "other.change_notice",
            _excerpt(subject.text, match),
        )


@rule(
    "R26",
    article="AVG (Nederlandse tekst)",
    summary="Geen verouderde termen (Wbp, bewerker, CBP, Privacy Shield)",
    text=True,
)
def outdated_terms(subject: TextSubject):
    for match in OUTDATED.finditer(subject.text):
        yield (
            E,
            f"Verouderde term '{match.group()}': gebruik de termen van de AVG.",
            f"Outdated term '{match.group()}': use the GDPR's terms.",
            None,
            _excerpt(subject.text, match),
        )


@rule(
    "R27",
    article="Art. 12(1) AVG; WP260 §13",
    summary="Geen vage woorden in doelen en ontvangers",
    text=True,
)
def vague_words(subject: TextSubject):
    answers = subject.answers
    if answers is None:
        return
    texts = [(f"activities.{i}.purpose", a.purpose) for i, a in enumerate(answers.activities)]
    texts += [
        (f"recipients.{i}.description", r.description or "")
        for i, r in enumerate(answers.recipients)
    ]
    for path, text in texts:
        match = next(
            (m for m in VAGUE.finditer(text) if not PERSON_CAN.search(text[: m.end()])),
            None,
        )
        if match:
            yield (
                W,
                f"Vaag woord '{match.group()}': zeg precies wat u doet.",
                f"Vague word '{match.group()}': say exactly what you do.",
                path,
                _excerpt(text, match),
            )


def readability_blocks(blocks: list[Block]) -> list[str]:
    # Table cells are fragments, not sentences; counting them would flatter the score.
    return [block.text for block in blocks if block.kind != "cell"]


@rule(
    "R28",
    article="Art. 12(1) AVG",
    summary="Leesbaar: Flesch-Douma ≥ 60, Brouwer ≥ 50, zinnen ≤ 25 woorden",
    text=True,
)
def plain_language(subject: TextSubject):
    if subject.reading_language != "nl":
        # Flesch-Douma and Brouwer are Dutch formulas; an English text is not scored by them.
        return
    score = readability.score_blocks(readability_blocks(subject.blocks))
    if not score.sentences:
        return
    if score.flesch_douma < readability.FD_MINIMUM:
        yield (
            W,
            f"Moeilijk leesbaar: Flesch-Douma {score.flesch_douma:.0f} (minimaal {readability.FD_MINIMUM}).",
            f"Hard to read: Flesch-Douma {score.flesch_douma:.0f} (minimum {readability.FD_MINIMUM}).",
            None,
        )
    if score.brouwer < readability.BROUWER_MINIMUM:
        yield (
            W,
            f"Moeilijk leesbaar: Brouwer {score.brouwer:.0f} (minimaal {readability.BROUWER_MINIMUM}).",
            f"Hard to read: Brouwer {score.brouwer:.0f} (minimum {readability.BROUWER_MINIMUM}).",
            None,
        )
    for length, sentence in score.longest(3):
        if length > readability.TOO_LONG_SENTENCE:
            yield (
                W,
                f"Zin van {length} woorden; maak er twee zinnen van.",
                f"A sentence of {length} words; split it.",
                None,
                sentence[:200],
            )
    if score.long_share > readability.LONG_SHARE_MAXIMUM:
        yield (
            W,
            f"{score.long_share:.0%} van de zinnen is langer dan {readability.LONG_SENTENCE} woorden (maximaal 10%).",
            f"{score.long_share:.0%} of sentences are longer than {readability.LONG_SENTENCE} words (at most 10%).",
            None,
        )


@rule(
    "R16",
    article="Art. 12(1) AVG; WP260 §14",
    summary="Voor kinderen: extra eenvoudige taal (Flesch-Douma ≥ 70)",
    text=True,
)
def child_language(subject: TextSubject):
    answers = subject.answers
    if subject.reading_language != "nl":
        return  # Dutch formula, as in R28
    if answers and answers.other.children == c.ChildrenPolicy.DIRECTED:
        score = readability.score_blocks(readability_blocks(subject.blocks))
        if score.sentences and score.flesch_douma < 70:
            yield (
                W,
                f"De verklaring richt zich ook op kinderen: maak hem eenvoudiger (Flesch-Douma {score.flesch_douma:.0f}, doel 70).",
                "The statement also addresses children: simplify it (Flesch-Douma target 70).",
                None,
            )
