"""Search for the wizard's picker, and which statements use catalog facts that changed since."""

from django.db.models import Q

from generator.catalog.models import CatalogCookie, CatalogProcessor

FIELD_WORDS = {
    "name": "naam",
    "category": "soort",
    "description": "omschrijving",
    "country": "land",
    "transfer_mechanism": "doorgifte",
    "safeguard_copy": "waarborg",
    "party": "partij",
    "provider": "aanbieder",
    "purpose": "doel",
    "duration": "duur",
}


def catalog_search(kind: str, query: str, limit: int = 10) -> list[dict]:
    query = query.strip()
    if len(query) < 2:
        return []
    if kind == "cookie":
        found = CatalogCookie.objects.select_related("processor").filter(
            Q(name__icontains=query)
            | Q(processor__name__icontains=query)
            | Q(provider__icontains=query)
        )
        return [
            {
                "key": c.key,
                "label": f"{c.name} ({c.processor.name if c.processor else c.provider})",
                "facts": c.facts(),
                "note": c.note,
            }
            for c in found[:limit]
        ]
    found = CatalogProcessor.objects.filter(
        Q(name__icontains=query) | Q(company__icontains=query) | Q(category__icontains=query)
    )
    return [
        {"key": p.key, "label": f"{p.name} ({p.category})", "facts": p.facts(), "note": p.note}
        for p in found[:limit]
    ]


def catalog_index() -> tuple[dict, dict]:
    processors = {p.key: p for p in CatalogProcessor.objects.all()}
    cookies = {c.key: c for c in CatalogCookie.objects.select_related("processor")}
    return processors, cookies


def catalog_changes(answers: dict, index: tuple[dict, dict] | None = None) -> list[str]:
    """For each recipient or cookie copied from the catalog: which facts the catalog now says
    differently. The answers themselves never change by this; it is only a flag."""
    processors, cookies = index or catalog_index()
    lines = []
    rows = [(r, processors) for r in answers.get("recipients", [])]
    rows += [(c, cookies) for c in answers.get("cookies", {}).get("items", [])]
    for row, entries in rows:
        ref = row.get("catalog")
        if not ref:
            continue
        entry = entries.get(ref["key"])
        if entry is None:
            lines.append(f"{row['name']}: staat niet meer in de catalogus.")
            continue
        now = entry.facts()
        changed = [
            FIELD_WORDS.get(field, field)
            for field, value in now.items()
            if ref["facts"].get(field) != value
        ]
        if changed:
            lines.append(f"{row['name']}: de catalogus wijzigde {', '.join(changed)}.")
    return lines
