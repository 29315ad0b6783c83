"""The plain data a clause template sees: dicts, lists, strings, numbers and booleans only.

Templates never receive the pydantic objects (design.md, invariant 4), so nothing a template
does can reach a method, a class or a module. Everything derived from the answers (labels,
which rights apply, which recipients are abroad) is computed here once, in Python, so that
clause texts stay about wording and the rules are testable without Jinja2.
"""

from enum import StrEnum
from typing import Any

from generator.answers import choices as c
from generator.answers.labels import label
from generator.answers.schema import Activity, Answers, Recipient
from generator.lib import countries, dutch
from generator.lib.validators import format_phone

ART6 = {"nl": "artikel 6 lid 1 sub {letter} AVG", "en": "Article 6(1)({letter}) GDPR"}


def _label(value: StrEnum | None, language: str) -> str | None:
    return label(value, language) if value is not None else None


def _phone(value: str | None) -> str | None:
    return format_phone(value) if value else None


def _address(obj: Any, language: str) -> dict[str, Any]:
    return {
        "street": obj.street,
        "postcode": obj.postcode,
        "city": obj.city,
        "country": obj.country,
        "country_name": countries.country_name(obj.country, language),
        "abroad": obj.country != "NL",
    }


def _retention(activity: Activity, language: str) -> dict[str, Any]:
    retention = activity.retention
    duration = None
    if retention.period and retention.unit:
        duration = dutch.format_duration(retention.period, retention.unit.value, language)
    return {
        "duration": duration,
        "trigger": retention.trigger,
        "criterion": retention.criterion,
        "fiscal": retention.fiscal,
        "per_category": retention.per_category,
        "fiscal_duration": dutch.format_duration(7, "years", language),
    }


def _activity(activity: Activity, answers: Answers, language: str) -> dict[str, Any]:
    basis = activity.legal_basis
    recipients = [answers.recipient(key) for key in activity.recipients]
    decision = activity.automated_decision
    return {
        "id": activity.id,
        "name": activity.name,
        "purpose": activity.purpose,
        "subjects": [label(s, language) for s in activity.data_subjects]
        + activity.data_subjects_other,
        "data": [label(d, language) for d in activity.data_categories]
        + activity.data_categories_other,
        "special": [label(s, language) for s in activity.special_categories],
        "special_exception": _label(activity.special_category_exception, language),
        "criminal": activity.criminal_data,
        "criminal_basis": activity.criminal_data_basis,
        "bsn": activity.bsn,
        "bsn_law": activity.bsn_law,
        "basis": basis.value if basis else None,
        "basis_label": _label(basis, language),
        "basis_article": ART6[language].format(letter=basis.article_letter()) if basis else None,
        "legal_obligation": activity.legal_obligation,
        "legitimate_interest": activity.legitimate_interest,
        "consent_withdrawal": activity.consent_withdrawal,
        "source": activity.source.value,
        "source_name": activity.source_name,
        "source_public": activity.source_public,
        "provision": activity.provision.value if activity.provision else None,
        "provision_consequence": activity.provision_consequence,
        "retention": _retention(activity, language),
        "recipients": [r.name for r in recipients],
        "no_recipients": activity.no_recipients,
        "automated": {
            "description": decision.description,
            "logic": decision.logic,
            "consequences": decision.consequences,
            "ground": label(decision.ground, language),
            "profiling": decision.profiling,
        }
        if decision
        else None,
        "direct_marketing": activity.direct_marketing,
        "marketing_channels": [label(ch, language) for ch in activity.marketing_channels],
        "existing_customers_only": activity.marketing_existing_customers_only,
    }


def _recipient(recipient: Recipient, answers: Answers, language: str) -> dict[str, Any]:
    outside = not countries.in_eea(recipient.country)
    return {
        "id": recipient.id,
        "name": recipient.name,
        "role": recipient.role.value,
        "role_label": label(recipient.role, language),
        "category": recipient.category,
        "description": recipient.description,
        "country": recipient.country,
        "country_name": countries.country_name(recipient.country, language),
        "outside_eea": outside,
        "mechanism": recipient.transfer_mechanism.value if recipient.transfer_mechanism else None,
        "mechanism_label": _label(recipient.transfer_mechanism, language),
        "derogation": recipient.derogation,
        "safeguard_copy": recipient.safeguard_copy,
        "dpa_signed": recipient.dpa_signed,
        "activities": [a.name for a in answers.activities if recipient.id in a.recipients],
    }


def _cookies(answers: Answers, language: str) -> dict[str, Any]:
    items = []
    for cookie in answers.cookies.items:
        if cookie.recipient:
            provider = answers.recipient(cookie.recipient).name
        elif cookie.provider:
            provider = cookie.provider
        else:
            provider = answers.controller.legal_name
        items.append(
            {
                "name": cookie.name,
                "provider": provider,
                "party": cookie.party.value,
                "party_label": label(cookie.party, language),
                "category": cookie.category.value,
                "category_label": label(cookie.category, language),
                "purpose": cookie.purpose,
                "duration": cookie.duration,
                "requires_consent": cookie.requires_consent,
                "privacy_friendly_analytics": cookie.category == c.CookieCategory.ANALYTICS
                and not cookie.requires_consent,
            }
        )
    return {
        "all": items,
        "settings_url": answers.cookies.settings_url,
        "any_consent": any(item["requires_consent"] for item in items),
        "categories": sorted({item["category"] for item in items}),
    }


def _rights(answers: Answers, activities: list[dict[str, Any]], language: str) -> dict[str, Any]:
    rights = answers.rights
    bases = {a.legal_basis for a in answers.activities}
    consent = c.LegalBasis.CONSENT in bases or any(
        a.special_category_exception == c.Art9Exception.EXPLICIT_CONSENT for a in answers.activities
    )
    marketing = any(a.direct_marketing for a in answers.activities)
    unit = rights.response_term_unit.value
    return {
        "channels": [ch.value for ch in rights.channels],
        "channel_labels": [label(ch, language) for ch in rights.channels],
        "email": rights.email or answers.controller.email,
        "form_url": rights.form_url,
        "term": dutch.format_duration(rights.response_term, unit, language),
        "id_check": rights.id_check,
        "complaint_email": rights.complaint_email,
        # C9 / R7: which rights follow from which bases.
        "objection": bool(bases & {c.LegalBasis.PUBLIC_TASK, c.LegalBasis.LEGITIMATE_INTERESTS})
        or marketing,
        "portability": bool(bases & {c.LegalBasis.CONSENT, c.LegalBasis.CONTRACT}),
        "erasure_limited": bool(bases & {c.LegalBasis.LEGAL_OBLIGATION, c.LegalBasis.PUBLIC_TASK}),
        "consent": consent,
        "consent_activities": [a["name"] for a in activities if a["basis"] == "consent"],
        "marketing": marketing,
        "marketing_activities": [a["name"] for a in activities if a["direct_marketing"]],
    }


def build_context(
    answers: Answers, register: str | None = None, changes: dict | None = None
) -> dict[str, Any]:
    """`changes`: what changed since the previous published version ({"since", "note",
    "lines"}), or None for a first version or a statement outside the version history."""
    language = answers.document.language.value
    register = register or answers.document.register.value
    org = answers.controller
    activities = [_activity(a, answers, language) for a in answers.activities]
    recipients = [_recipient(r, answers, language) for r in answers.recipients]
    representative = org.representative
    document = answers.document
    return {
        "language": language,
        "register": register,
        "document": {
            "title": document.title,
            "version": document.version_label,
            "date": dutch.format_date(document.effective_date, language)
            if document.effective_date
            else None,
        },
        "org": {
            "name": org.legal_name,
            "legal_form": _label(org.legal_form, language),
            "trade_names": list(org.trade_names),
            **_address(org, language),
            "kvk": org.kvk_number,
            "vat": org.vat_id,
            "iban": org.iban,
            "email": org.email,
            "phone": _phone(org.phone),
            "website": org.website,
            "contact_form_url": org.contact_form_url,
            "contact_hours": org.contact_hours,
            "about": org.about,
            "outside_eu": org.outside_eu,
            "representative": {
                "name": representative.name,
                "email": representative.email,
                **_address(representative.address, language),
            }
            if representative
            else None,
        },
        "dpo": {
            "designated": answers.dpo.designated,
            "name": answers.dpo.name,
            "email": answers.dpo.email,
            "phone": _phone(answers.dpo.phone),
        },
        "services": [
            {
                "name": s.name,
                "kind": s.kind.value,
                "kind_label": label(s.kind, language),
                "url": s.url,
                "description": s.description,
            }
            for s in answers.services
        ],
        "activities": activities,
        "recipients": recipients,
        "processors": [r for r in recipients if r["role"] == "processor"],
        "transfers": [r for r in recipients if r["outside_eea"]],
        "special_activities": [a for a in activities if a["special"] or a["criminal"] or a["bsn"]],
        "automated_activities": [a for a in activities if a["automated"]],
        "any_indirect": any(a["source"] != "data_subject" for a in activities),
        "cookies": _cookies(answers, language),
        "rights": _rights(answers, activities, language),
        "security": {
            "measures": [label(m, language) for m in answers.security.measures],
            "other": list(answers.security.other),
            "report_email": answers.security.report_email,
        },
        "changes": changes,
        "other": {
            "children": answers.other.children.value if answers.other.children else None,
            "parental_consent": answers.other.parental_consent,
            "change_notice": [label(n, language) for n in answers.other.change_notice],
            "sells_data": answers.other.sells_data,
            "business_transfer": answers.other.business_transfer,
        },
    }
