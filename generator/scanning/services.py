"""From a finished scan to the wizard: what it proposes, and taking over what the user chose.

A proposal is only a proposal: the user ticks the cookies to take over and gives the category
of an unknown one; nothing reaches the answers without that. Taking over adds rows to the
cookies step (and a recipient per catalog processor the draft does not have yet), through the
same save as the wizard, so the whole draft is validated and a conflict loses nothing.
"""

from dataclasses import dataclass

from django.utils.text import slugify

from generator.answers import choices as c
from generator.catalog.models import CatalogProcessor
from generator.scanning.models import SiteScan
from generator.statements.services import statement_save_step

CATEGORIES = [category.value for category in c.CookieCategory]


@dataclass
class Proposal:
    key: str  # "c3": the fourth cookie of the result, "s0": the first storage key
    name: str
    kind: str  # cookie, localStorage, sessionStorage
    party: str
    category: str | None
    provider: str | None
    processor: str | None
    purpose: str | None
    lifetime: str
    page: str | None
    set_before_consent: bool
    match: str
    present: bool  # a cookie of that name is in the draft already


def proposals(scan: SiteScan, answers: dict) -> list[Proposal]:
    if scan.status != SiteScan.Status.DONE or not scan.result:
        return []
    present = {row["name"] for row in answers.get("cookies", {}).get("items", [])}
    found = []
    for index, item in enumerate(scan.result.get("cookies", [])):
        found.append(_proposal(f"c{index}", item, "cookie", item["lifetime"], present))
    for index, item in enumerate(scan.result.get("storage", [])):
        found.append(_proposal(f"s{index}", item, item["kind"], "", present))
    return found


def _proposal(key: str, item: dict, kind: str, lifetime: str, present: set) -> Proposal:
    return Proposal(
        key=key,
        name=item["name"],
        kind=kind,
        party=item.get("party", "first"),
        category=item.get("category"),
        provider=item.get("provider"),
        processor=item.get("processor"),
        purpose=item.get("purpose"),
        lifetime=lifetime,
        page=item.get("page"),
        set_before_consent=bool(item.get("set_before_consent")),
        match=item.get("match", "unknown"),
        present=item["name"] in present,
    )


def scan_take_over(
    *,
    scan: SiteScan,
    chosen: dict[str, str],
    revision: int,
    required_steps,
    user=None,
) -> int:
    """Add the chosen proposals ({key: category}) to the draft's cookies; how many were added.
    Raises AnswersError (nothing saved) or StatementConflict like any wizard save."""
    statement = scan.organisation.statement
    answers = statement.answers
    by_key = {p.key: p for p in proposals(scan, answers)}
    picked = [(by_key[key], category) for key, category in chosen.items() if key in by_key]
    picked = [(p, category) for p, category in picked if not p.present]
    if not picked:
        return 0
    recipients = answers.setdefault("recipients", [])
    ids = {row["id"] for row in recipients}
    by_catalog = {row["catalog"]["key"]: row["id"] for row in recipients if row.get("catalog")}
    catalog = {
        p.key: p
        for p in CatalogProcessor.objects.filter(
            key__in=[proposal.processor for proposal, _ in picked if proposal.processor]
        )
    }
    scanned_at = scan.result["scanned_at"][:10]  # the date of the ISO time the scan wrote
    rows = answers.setdefault("cookies", {}).setdefault("items", [])
    for proposal, category in picked:
        recipient = None
        processor = catalog.get(proposal.processor)
        # Whose cookie it is, as the answers mean it: Hotjar's `_hjid` is set on the site's own
        # domain and is still Hotjar's, with Hotjar as recipient.
        party = "third" if processor is not None else proposal.party
        if processor is not None:
            recipient = by_catalog.get(processor.key)
            if recipient is None:
                recipient = _new_id(processor.key, ids)
                facts = processor.facts()
                recipients.append(
                    {"id": recipient, **facts, "catalog": {"key": processor.key, "facts": facts}}
                )
                by_catalog[processor.key] = recipient
        rows.append(
            {
                "name": proposal.name,
                "party": party,
                "recipient": recipient,
                "provider": None if recipient else proposal.provider,
                "category": category,
                "purpose": proposal.purpose or "",
                "duration": proposal.lifetime,
                "scan": {
                    "scanned_at": scanned_at,
                    "page": (proposal.page or "")[:300] or None,
                    "set_before_consent": proposal.set_before_consent,
                },
            }
        )
    statement_save_step(
        statement=statement,
        revision=revision,
        answers=answers,
        step="cookies",
        required_steps=required_steps,
        user=user,
        mark_done=False,
    )
    return len(picked)


def _new_id(base: str, taken: set[str]) -> str:
    base = slugify(base)[:40] or "ontvanger"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
