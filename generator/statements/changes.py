"""What changed between two sets of answers, in plain words, for the statement's "Wijzigingen"
section and the version list. Pure functions over Answers."""

from generator.answers.free_text import in_language
from generator.answers.labels import label
from generator.answers.schema import Activity, Answers, Recipient
from generator.lib.dutch import capfirst

ACTIVITY_PARTS = {
    "purpose": ("het doel", "the purpose"),
    "data_categories": ("de gegevens", "the data"),
    "data_categories_other": ("de gegevens", "the data"),
    "special_categories": ("de gevoelige gegevens", "the sensitive data"),
    "legal_basis": ("de grondslag", "the legal basis"),
    "legitimate_interest": ("het gerechtvaardigd belang", "the legitimate interest"),
    "retention": ("de bewaartermijn", "the retention period"),
    "recipients": ("de ontvangers", "the recipients"),
    "sources": ("de herkomst", "the source"),
    "source_name": ("de herkomst", "the source"),
    "source_notice": ("de herkomst", "the source"),
    "provision": ("of de gegevens verplicht zijn", "whether the data is required"),
    "automated_decision": ("de geautomatiseerde besluiten", "the automated decisions"),
    "direct_marketing": ("de reclame", "the advertising"),
}
SECTIONS = {
    "controller": ("Onze gegevens als organisatie zijn gewijzigd.", "Our details as an organisation have changed."),
    "dpo": ("De gegevens van de Functionaris Gegevensbescherming zijn gewijzigd.", "The data protection officer's details have changed."),
    "cookies": ("De cookies zijn gewijzigd.", "The cookies have changed."),
    "rights": ("De uitleg over het gebruik van de rechten is gewijzigd.", "How to use the rights has changed."),
    "security": ("De beveiligingsmaatregelen zijn gewijzigd.", "The security measures have changed."),
    "services": ("De diensten waarover deze verklaring gaat, zijn gewijzigd.", "The services this statement covers have changed."),
    "other": ("Wat wij zeggen over kinderen, wijzigingen of de verkoop van ons bedrijf, is gewijzigd.",
              "What we say about children, changes or the sale of our business has changed."),
}  # fmt: skip
PHRASES = {
    "nl": {
        "and": " en ",
        "changed": "Bij ‘{name}’ is {parts} gewijzigd.",
        "new_activity": "Nieuw: wij gebruiken gegevens voor ‘{name}’.",
        "gone_activity": "Wij gebruiken geen gegevens meer voor ‘{name}’.",
        "new_recipient": "Nieuwe ontvanger: {name} ({role}).",
        "gone_recipient": "{name} krijgt geen gegevens meer.",
        "moved": "{name} verwerkt de gegevens nu in een ander land.",
        "terms": "De afspraken met {name} zijn gewijzigd.",
        "since": "versie {number} van {date}",
    },
    "en": {
        "and": " and ",
        "changed": "For ‘{name}’, {parts} changed.",
        "new_activity": "New: we use data for ‘{name}’.",
        "gone_activity": "We no longer use data for ‘{name}’.",
        "new_recipient": "New recipient: {name} ({role}).",
        "gone_recipient": "{name} no longer receives data.",
        "moved": "{name} now processes the data in another country.",
        "terms": "The arrangements with {name} have changed.",
        "since": "version {number} of {date}",
    },
}
INDEX = {"nl": 0, "en": 1}


def _by_id(items: list) -> dict:
    return {item.id: item for item in items}


def _activity_changes(old: Activity, new: Activity, language: str) -> list[str]:
    parts: list[str] = []
    for field, words in ACTIVITY_PARTS.items():
        word = words[INDEX[language]]
        if getattr(old, field) != getattr(new, field) and word not in parts:
            parts.append(word)
    if not parts:
        return []
    listed = (
        ", ".join(parts[:-1]) + (PHRASES[language]["and"] if len(parts) > 1 else "") + parts[-1]
    )
    return [PHRASES[language]["changed"].format(name=new.name, parts=listed)]


def _recipient_changes(old: Recipient, new: Recipient, language: str) -> list[str]:
    if old.country != new.country:
        return [PHRASES[language]["moved"].format(name=capfirst(new.name))]
    if old.model_dump() != new.model_dump():
        return [PHRASES[language]["terms"].format(name=new.name)]
    return []


def describe_changes(old: Answers, new: Answers, language: str = "nl") -> list[str]:
    """Sentences for a reader of the statement: new, removed and changed activities and
    recipients first (what matters most), then the other sections."""
    say = PHRASES[language]
    old, new = in_language(old, language), in_language(new, language)
    lines: list[str] = []
    old_activities, new_activities = _by_id(old.activities), _by_id(new.activities)
    for key, activity in new_activities.items():
        if key not in old_activities:
            lines.append(say["new_activity"].format(name=activity.name))
        else:
            lines.extend(_activity_changes(old_activities[key], activity, language))
    lines += [
        say["gone_activity"].format(name=a.name)
        for k, a in old_activities.items()
        if k not in new_activities
    ]
    old_recipients, new_recipients = _by_id(old.recipients), _by_id(new.recipients)
    for key, recipient in new_recipients.items():
        if key not in old_recipients:
            lines.append(
                say["new_recipient"].format(
                    name=recipient.name, role=label(recipient.role, language)
                )
            )
        else:
            lines.extend(_recipient_changes(old_recipients[key], recipient, language))
    lines += [
        say["gone_recipient"].format(name=capfirst(r.name))
        for k, r in old_recipients.items()
        if k not in new_recipients
    ]
    for section, sentences in SECTIONS.items():
        if getattr(old, section) != getattr(new, section):
            lines.append(sentences[INDEX[language]])
    return lines
