"""The plain data a clause template sees: dicts, lists, strings, numbers and booleans only.

Templates never receive the pydantic objects (design.md, invariant 4), so nothing a template
does can reach a method, a class or a module. Everything derived from the answers (labels,
which rights apply, which recipients are abroad) is computed here once, in Python, so that
clause texts stay about wording and the rules are testable without Jinja2.

An answer that was not given is `None` (or an empty list) here, never a default that reads as
a claim: the clauses say something about the organisation only when an answer supports it
(docs/clauses.md lists each claim and its answer; tests/clauses/test_claims.py keeps it true).
"""

import re
from enum import StrEnum
from typing import Any

from generator.answers import choices as c
from generator.answers.free_text import in_language
from generator.answers.labels import SUMMARY_BASIS, SUMMARY_DATA, label
from generator.answers.schema import Activity, Answers, Cookie, Recipient
from generator.lib import countries, dutch
from generator.lib.validators import format_phone

ART6 = {"nl": "artikel 6 lid 1 sub {letter} AVG", "en": "Article 6(1)({letter}) GDPR"}
DPF_LIST_URL = "https://www.dataprivacyframework.gov/list"

# Data that no one types: it arises from using a website, app or service.
OBSERVED_DATA = (
    c.DataCategory.IP_ADDRESS,
    c.DataCategory.DEVICE,
    c.DataCategory.USAGE,
    c.DataCategory.TRAFFIC,
    c.DataCategory.ONLINE_IDENTIFIERS,
    c.DataCategory.LOCATION,
)
OBJECTION_BASES = {c.LegalBasis.PUBLIC_TASK, c.LegalBasis.LEGITIMATE_INTERESTS}
FISCAL_SHORT = {"nl": "; administratie: {fiscal}", "en": "; financial records: {fiscal}"}
PORTABILITY_BASES = {c.LegalBasis.CONSENT, c.LegalBasis.CONTRACT}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _label(value: StrEnum | None, language: str) -> str | None:
    return label(value, language) if value is not None else None


def _service_called(name: str, kind_label: str, language: str) -> str:
    """A service as a sentence names it: "het online platform FaceTalk"; English puts the name
    before the kind, "the FaceTalk online platform"."""
    if language == "en":
        return f"the {name} {kind_label.removeprefix('the ')}"
    return f"{kind_label} {name}"


def _phone(value: str | None) -> str | None:
    return format_phone(value) if value else None


def _link(text: str | None) -> str | None:
    """A web address or an e-mail address typed as free text, as a link target."""
    if not text:
        return None
    text = text.strip().rstrip(".")
    if re.match(r"^https?://\S+$", text):
        return text
    if _EMAIL.match(text):
        return f"mailto:{text}"
    return None


def _address(obj: Any, language: str) -> dict[str, Any]:
    return {
        "street": obj.street,
        "postcode": obj.postcode,
        "city": obj.city,
        "country": obj.country,
        "country_name": countries.country_name(obj.country, language),
        "abroad": obj.country != "NL",
    }


def _legal_form_shown(name: str, form: c.LegalForm | None, language: str) -> str | None:
    """The legal form in words, unless the name already says it ("ipcall.me B.V.")."""
    if form is None or form == c.LegalForm.OTHER:
        return None
    text = label(form, language)
    short = re.search(r"\(([^)]+)\)", text)
    said = (short.group(1) if short else text).lower().replace(".", "")
    return None if said in name.lower().replace(".", "") else text


def _retention(activity: Activity, language: str) -> dict[str, Any]:
    retention = activity.retention
    duration = None
    if retention.period and retention.unit:
        duration = dutch.format_duration(retention.period, retention.unit.value, language)
    fiscal = dutch.format_duration(7, "years", language)
    if duration:
        short = " ".join(filter(None, [duration, retention.trigger]))
    else:
        short = retention.criterion or (fiscal if retention.fiscal else None)
    if short:
        short = short.rstrip(".")
        if retention.fiscal and (duration or retention.criterion):
            # The summary and the overview table must not understate how long anything is kept.
            short += FISCAL_SHORT[language].format(fiscal=fiscal)
    return {
        "duration": duration,
        "trigger": retention.trigger,
        "criterion": retention.criterion,
        "fiscal": retention.fiscal,
        "per_category": retention.per_category,
        "fiscal_duration": fiscal,
        "short": short,
    }


def _activity(activity: Activity, answers: Answers, language: str) -> dict[str, Any]:
    basis = activity.legal_basis
    recipients = [answers.recipient(key) for key in activity.recipients]
    decision = activity.automated_decision
    sources = activity.sources
    return {
        "id": activity.id,
        "name": activity.name,
        "purpose": activity.purpose,
        "subjects": [label(s, language) for s in activity.data_subjects]
        + activity.data_subjects_other,
        "data": [label(d, language) for d in activity.data_categories]
        + activity.data_categories_other,
        "observed_data": [
            label(d, language) for d in OBSERVED_DATA if d in activity.data_categories
        ],
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
        "objection": basis in OBJECTION_BASES,
        "sources": [s.value for s in sources],
        "from_person": c.Source.DATA_SUBJECT in sources,
        "from_usage": c.Source.USAGE in sources,
        "from_others": c.Source.THIRD_PARTY in sources,
        "source_name": activity.source_name,
        "source_public": activity.source_public,
        "source_notice": activity.source_notice.value if activity.source_notice else None,
        "source_notice_label": _label(activity.source_notice, language),
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


def _with_category(name: str, category: str | None) -> str:
    """ "Mollie B.V. (betaalprovider)"; "Google LLC (Google Analytics, webstatistieken)"."""
    if not category:
        return name
    if name.endswith(")"):
        return f"{name[:-1]}, {category})"
    return f"{name} ({category})"


def _recipient(recipient: Recipient, answers: Answers, language: str) -> dict[str, Any]:
    outside = recipient.outside_eea
    category = recipient.category
    # "ICT-leverancier (hosting) (ICT-leverancier)" says the category twice.
    if category and category.lower() in recipient.name.lower():
        category = None
    return {
        "id": recipient.id,
        "name": recipient.name,
        "display": _with_category(recipient.name, category),
        "role": recipient.role.value,
        "role_label": label(recipient.role, language),
        "category": recipient.category,
        "description": recipient.description,
        "country": recipient.country,
        "country_name": countries.country_name(recipient.country, language),
        "outside_eea": outside,
        "mechanism": recipient.transfer_mechanism.value if recipient.transfer_mechanism else None,
        "mechanism_label": _label(recipient.transfer_mechanism, language),
        "derogation_ground": _label(recipient.derogation_ground, language),
        "derogation": recipient.derogation,
        "safeguard_copy": recipient.safeguard_copy,
        "safeguard_copy_link": _link(recipient.safeguard_copy),
        "dpa_signed": recipient.dpa_signed,
        "activities": [a.name for a in answers.activities if recipient.id in a.recipients],
    }


def _cookie(cookie: Cookie, answers: Answers, language: str) -> dict[str, Any]:
    if cookie.recipient:
        provider = answers.recipient(cookie.recipient).name
    elif cookie.provider:
        provider = cookie.provider
    elif cookie.party == c.CookieParty.FIRST:
        provider = answers.controller.legal_name
    else:
        provider = ""  # not answered; R20 asks for it
    friendly = cookie.category == c.CookieCategory.ANALYTICS and not cookie.requires_consent
    settings = cookie.analytics
    return {
        "name": cookie.name,
        "provider": provider,
        "party": cookie.party.value if cookie.party else None,
        "party_label": _label(cookie.party, language),
        "category": cookie.category.value,
        "category_label": label(cookie.category, language),
        "purpose": cookie.purpose,
        "duration": cookie.duration,
        "requires_consent": cookie.requires_consent,
        "privacy_friendly_analytics": friendly,
        "self_hosted": cookie.self_hosted,
        # The AP's conditions this cookie meets, by key (AnalyticsSettings.conditions).
        "conditions": [
            key
            for key, met in (settings.conditions(cookie.self_hosted) if settings else {}).items()
            if met
        ],
    }


def _cookies(answers: Answers, language: str) -> dict[str, Any]:
    items = [_cookie(cookie, answers, language) for cookie in answers.cookies.items]
    return {
        "all": items,
        "settings_url": answers.cookies.settings_url,
        "any_consent": any(item["requires_consent"] for item in items),
        "categories": sorted({item["category"] for item in items}),
    }


def _request_ways(answers: Answers) -> list[dict[str, Any]]:
    """How requests can be made, one entry per channel chosen, in the order chosen; a channel
    without the detail it needs (a form without an address) is left out."""
    rights, org = answers.rights, answers.controller
    ways = []
    for channel in rights.channels:
        way: dict[str, Any] = {"kind": channel.value}
        if channel == c.RequestChannel.EMAIL:
            way["email"] = rights.email or org.email
        elif channel == c.RequestChannel.FORM:
            way["url"] = rights.form_url or org.contact_form_url
        elif channel == c.RequestChannel.POST and org.street and org.city:
            place = " ".join(filter(None, [org.postcode, org.city]))
            way["address"] = f"{org.legal_name}, {org.street}, {place}"
        elif channel == c.RequestChannel.PHONE:
            way["phone"] = _phone(org.phone)
            way["hours"] = org.contact_hours
        if channel == c.RequestChannel.ACCOUNT or any(
            way.get(key) for key in ("email", "url", "address", "phone")
        ):
            ways.append(way)
    return ways


def _rights(answers: Answers, activities: list[dict[str, Any]], language: str) -> dict[str, Any]:
    rights = answers.rights
    bases = {a.legal_basis for a in answers.activities}
    consent = c.LegalBasis.CONSENT in bases or any(
        a.special_category_exception == c.Art9Exception.EXPLICIT_CONSENT for a in answers.activities
    )
    marketing = any(a.direct_marketing for a in answers.activities)
    offered = set(rights.offered_rights)
    objection_required = bool(bases & OBJECTION_BASES) or marketing
    portability_required = bool(bases & PORTABILITY_BASES)
    unit = rights.response_term_unit.value
    channels = []
    for activity in answers.activities:
        if activity.direct_marketing:
            channels += [ch.value for ch in activity.marketing_channels if ch.value not in channels]
    return {
        "channels": [ch.value for ch in rights.channels],
        "channel_labels": [label(ch, language) for ch in rights.channels],
        "ways": _request_ways(answers),
        "email": rights.email or answers.controller.email,
        "form_url": rights.form_url or answers.controller.contact_form_url,
        "term": dutch.format_duration(rights.response_term, unit, language),
        "id_check": rights.id_check,
        "complaint_email": rights.complaint_email,
        # C9 / R7: which rights follow from which bases, and what is offered beyond them.
        "objection": objection_required or c.OptionalRight.OBJECTION in offered,
        "objection_offered": c.OptionalRight.OBJECTION in offered,
        # Art. 21(1) weighs compelling grounds; objecting to direct marketing (21(2)-(3)) is
        # unconditional, so those activities are named with advertising, not here.
        "objection_activities": [
            a["name"] for a in activities if a["objection"] and not a["direct_marketing"]
        ],
        "objection_bases": [
            label(b, language) for b in c.LegalBasis if b in bases & OBJECTION_BASES
        ],
        "portability": portability_required or c.OptionalRight.PORTABILITY in offered,
        "portability_offered": c.OptionalRight.PORTABILITY in offered and not portability_required,
        "erasure_limited": bool(bases & {c.LegalBasis.LEGAL_OBLIGATION, c.LegalBasis.PUBLIC_TASK})
        or any(a.retention.fiscal for a in answers.activities),
        "consent": consent,
        # Every activity has a basis and none is consent: there is no consent to withdraw.
        "no_consent": bool(answers.activities)
        and not consent
        and all(a.legal_basis for a in answers.activities),
        "consent_activities": [a["name"] for a in activities if a["basis"] == "consent"],
        "marketing": marketing,
        "marketing_activities": [a["name"] for a in activities if a["direct_marketing"]],
        "marketing_channels": channels,
    }


def _summary(answers: Answers, activities: list[dict[str, Any]], language: str) -> dict[str, Any]:
    """What the first layer ("In het kort") lists; the clause decides how it reads."""
    used = {category for a in answers.activities for category in a.data_categories}
    data = [words[language] for group, words in SUMMARY_DATA if group & used]
    special: list[str] = []
    for activity, given in zip(activities, answers.activities, strict=True):
        data += [item for item in given.data_categories_other if item not in data]
        special += [item for item in activity["special"] if item not in special]
    by_basis = []
    for basis in c.LegalBasis:
        names = [a["name"] for a in activities if a["basis"] == basis.value]
        if names:
            words = SUMMARY_BASIS[language][basis]
            by_basis.append({"basis": basis.value, "label": words, "activities": names})
    return {"data": data, "special": special, "by_basis": by_basis}


def build_context(
    answers: Answers, register: str | None = None, changes: dict | None = None
) -> dict[str, Any]:
    """`changes`: what changed since the previous published version ({"since", "note",
    "lines"}), or None for a first version or a statement outside the version history."""
    language = answers.document.language.value
    answers = in_language(answers, language)
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
            "legal_form_shown": _legal_form_shown(org.legal_name, org.legal_form, language),
            "trade_names": list(org.trade_names),
            **_address(org, language),
            "kvk": org.kvk_number,
            "kvk_registered": True if org.kvk_number else org.kvk_registered,
            "vat": org.vat_id,
            "iban": org.iban,
            "email": org.email,
            "phone": _phone(org.phone),
            "website": org.website,
            "contact_form_url": org.contact_form_url,
            "contact_hours": org.contact_hours,
            "about": org.about,
            "contacts": [
                {"topic": item.topic, "email": item.email, "phone": _phone(item.phone)}
                for item in org.contacts
            ],
            "outside_eu": org.established_outside_eu,
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
                "called": _service_called(s.name, label(s.kind, language), language),
                "url": s.url,
                "description": s.description,
            }
            for s in answers.services
        ],
        "activities": activities,
        "recipients": recipients,
        "processors": [r for r in recipients if r["role"] == "processor"],
        "transfers": [r for r in recipients if r["outside_eea"]],
        "nobody_receives": bool(activities) and all(a["no_recipients"] for a in activities),
        "special_activities": [a for a in activities if a["special"] or a["criminal"] or a["bsn"]],
        "automated_activities": [a for a in activities if a["automated"]],
        "any_indirect": any(a["from_others"] for a in activities),
        # The fiscal duty gets a paragraph of its own unless its only activity says it already.
        "administration": any(
            a["retention"]["fiscal"] and a["basis"] != "legal_obligation" for a in activities
        ),
        "summary": _summary(answers, activities, language),
        "cookies": _cookies(answers, language),
        "rights": _rights(answers, activities, language),
        "security": {
            "measures": [label(m, language) for m in answers.security.measures],
            "other": list(answers.security.other),
            "report_email": answers.security.report_email,
        },
        "changes": changes,
        "dpf_list_url": DPF_LIST_URL,
        "other": {
            "children": answers.other.children.value if answers.other.children else None,
            "parental_consent": answers.other.parental_consent,
            "change_notice": [label(n, language) for n in answers.other.change_notice],
            "sells_data": answers.other.sells_data,
            "automated_decisions": answers.other.automated_decisions,
            "business_transfer": answers.other.business_transfer,
        },
    }
