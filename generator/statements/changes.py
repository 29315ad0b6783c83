"""What changed between two sets of answers, in plain Dutch, for the statement's "Wijzigingen"
section and the version list. Pure functions over Answers."""

from generator.answers.labels import label
from generator.answers.schema import Activity, Answers, Recipient

ACTIVITY_PARTS = {
    "purpose": "het doel",
    "data_categories": "de gegevens",
    "data_categories_other": "de gegevens",
    "special_categories": "de gevoelige gegevens",
    "legal_basis": "de grondslag",
    "legitimate_interest": "het gerechtvaardigd belang",
    "retention": "de bewaartermijn",
    "recipients": "de ontvangers",
    "source": "de herkomst",
    "source_name": "de herkomst",
    "automated_decision": "de geautomatiseerde besluiten",
    "direct_marketing": "de reclame",
}
SECTIONS = {
    "controller": "Onze gegevens als organisatie zijn gewijzigd.",
    "dpo": "De gegevens van de Functionaris Gegevensbescherming zijn gewijzigd.",
    "cookies": "De cookies zijn gewijzigd.",
    "rights": "De uitleg over het gebruik van de rechten is gewijzigd.",
    "security": "De beveiligingsmaatregelen zijn gewijzigd.",
    "services": "De diensten waarover deze verklaring gaat, zijn gewijzigd.",
    "other": "Wat wij zeggen over kinderen, wijzigingen of de verkoop van ons bedrijf, is gewijzigd.",
}


def _by_id(items: list) -> dict:
    return {item.id: item for item in items}


def _activity_changes(old: Activity, new: Activity) -> list[str]:
    parts = []
    for field, words in ACTIVITY_PARTS.items():
        if getattr(old, field) != getattr(new, field) and words not in parts:
            parts.append(words)
    if not parts:
        return []
    listed = ", ".join(parts[:-1]) + (" en " if len(parts) > 1 else "") + parts[-1]
    return [f"Bij ‘{new.name}’ is {listed} gewijzigd."]


def _recipient_changes(old: Recipient, new: Recipient) -> list[str]:
    if old.country != new.country:
        return [f"{new.name} verwerkt de gegevens nu in een ander land."]
    if old.model_dump() != new.model_dump():
        return [f"De afspraken met {new.name} zijn gewijzigd."]
    return []


def describe_changes(old: Answers, new: Answers) -> list[str]:
    """Sentences for a reader of the statement: new, removed and changed activities and
    recipients first (what matters most), then the other sections."""
    lines: list[str] = []
    old_activities, new_activities = _by_id(old.activities), _by_id(new.activities)
    for key, activity in new_activities.items():
        if key not in old_activities:
            lines.append(f"Nieuw: wij gebruiken gegevens voor ‘{activity.name}’.")
        else:
            lines.extend(_activity_changes(old_activities[key], activity))
    lines += [
        f"Wij gebruiken geen gegevens meer voor ‘{a.name}’."
        for k, a in old_activities.items()
        if k not in new_activities
    ]
    old_recipients, new_recipients = _by_id(old.recipients), _by_id(new.recipients)
    for key, recipient in new_recipients.items():
        if key not in old_recipients:
            lines.append(f"Nieuwe ontvanger: {recipient.name} ({label(recipient.role)}).")
        else:
            lines.extend(_recipient_changes(old_recipients[key], recipient))
    lines += [
        f"{r.name} krijgt geen gegevens meer."
        for k, r in old_recipients.items()
        if k not in new_recipients
    ]
    for section, sentence in SECTIONS.items():
        if getattr(old, section) != getattr(new, section):
            lines.append(sentence)
    return lines
