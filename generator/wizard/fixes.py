"""From a finding's answers path to the wizard step and field that fixes it.

Anchors point at crispy-forms' wrapper of the field (`div_id_…`), which exists for every kind
of field, also for a group of checkboxes that has no element with the field's own id."""

from generator.answers.schema import Answers

CONTACT_FIELDS = {"email", "phone", "website", "contact_form_url", "contact_hours", "contacts"}
ACTIVITY_FIELDS = {"retention": "retention_period", "automated_decision": "adm_description"}


def fix_target(path: str | None, answers: Answers) -> tuple[str, str]:
    """(step, field id) for an answers path such as "activities.2.retention.period"."""
    if not path:
        return "controle", ""
    parts = path.split(".")
    head = parts[0]
    if head == "controller":
        field = parts[1] if len(parts) > 1 else "legal_name"
        if field in CONTACT_FIELDS:
            return "contact", f"div_id_contact-{field}"
        return (
            "organisatie",
            "div_id_organisatie-rep_name"
            if field == "representative"
            else f"div_id_organisatie-{field}",
        )
    if head == "dpo":
        return "contact", f"div_id_contact-dpo_{parts[1]}"
    if head in ("rights", "security"):
        field = {"other": "other_measures"}.get(parts[-1], parts[-1]) if len(parts) > 1 else ""
        return "rechten", f"div_id_rechten-{field}" if field else ""
    if head == "document":
        return "document", f"div_id_document-{parts[1]}"
    if head == "other":
        return "overig", f"div_id_overig-main-{parts[1]}"
    if head == "services":
        return "diensten", f"div_id_diensten-{parts[1]}-name"
    if head == "activities":
        index = parts[1]
        if len(parts) > 2 and parts[2] == "recipients":
            return "ontvangers", ""
        field = "_".join(parts[2:]) if len(parts) > 2 else "name"
        return "verwerkingen", f"div_id_verwerkingen-{index}-{ACTIVITY_FIELDS.get(field, field)}"
    if head == "recipients":
        index = int(parts[1])
        field = parts[2] if len(parts) > 2 else "name"
        if field in ("transfer_mechanism", "derogation_ground", "derogation", "safeguard_copy"):
            abroad = [i for i, r in enumerate(answers.recipients) if r.outside_eea]
            if index in abroad:
                return "doorgifte", f"div_id_doorgifte-{abroad.index(index)}-{field}"
        return "ontvangers", f"div_id_ontvangers-{index}-{field}"
    if head == "cookies":
        if parts[1] == "settings_url":
            return "cookies", "div_id_cookies-main-settings_url"
        field = parts[3] if len(parts) > 3 else "name"
        return "cookies", f"div_id_cookies-{parts[2]}-{field}"
    return "controle", ""


def finding_target(finding: dict, answers: Answers) -> tuple[str, str]:
    """fix_target for a finding: a missing translation (R31) is fixed in the field for the
    other language, right below the text (TranslatedFields names it `<field>__en`)."""
    step, field = fix_target(finding["path"], answers)
    if finding["rule"] == "R31" and field:
        main = answers.document.language
        other = next((lang for lang in answers.document.extra_languages if lang != main), None)
        if other:
            field = f"{field}__{other}"
    return step, field


def findings_at_step(step: str, findings: list[dict], answers: Answers) -> dict[str, list[dict]]:
    """The findings whose fix is a field of this step, by the field's wrapper id."""
    at_step: dict[str, list[dict]] = {}
    for finding in findings:
        target, field = finding_target(finding, answers)
        if target == step and field:
            at_step.setdefault(field, []).append(finding)
    return at_step
