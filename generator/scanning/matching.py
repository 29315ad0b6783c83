"""What a cookie found by the scan is, in a cascade (issue 18):

1. our catalog (its Dutch texts win where both describe a cookie), by name or `<id>` pattern;
   its entries for the site's own software ("de website zelf") only for the site's own cookies;
2. `name_domain`: the database's name, with its domain the cookie's domain or a host the pages
   contacted;
3. `name`: the database's name where it lists no domain (a name every site may use);
4. `pattern`: a name prefix (the database's wildcards), longest first, under the same domain
   condition as 2;
5. `host`: no name known, but the cookie is set on a platform's domain;
6. `unknown`: for the user to classify.

A name alone is never enough when the database ties it to a domain: Django's `sessionid` is
listed under instagram.com, and a Django site's session is not Instagram's.
"""

import re
from collections import Counter
from dataclasses import dataclass

from generator.scanning.cookiedb import Entry, entries

# Platforms of the database under the catalog's processor keys, where the names differ.
PLATFORM_PROCESSORS = {
    "facebook": "meta-pixel",
    "doubleclick/google marketing": "google-ads",
    "google ads": "google-ads",
    "google adsense": "google-ads",
    "linkedin": "linkedin-insight",
    "youtube": "youtube",
    "google analytics": "google-analytics",
    "google recaptcha": "recaptcha",
    "google maps": "google-maps",
    "cloudflare": "cloudflare",
    "hubspot": "hubspot",
    "wix.com": "wix",
    "woocommerce": "woocommerce",
    "woocommerce / jetpack": "woocommerce",
}


@dataclass(frozen=True)
class Match:
    how: str  # catalog, name_domain, name, pattern, host or unknown
    category: str | None = None
    provider: str | None = None
    processor: str | None = None  # a CatalogProcessor key
    purpose: str | None = None  # Dutch; None when nobody wrote one
    source: str | None = None  # "catalogus:<key>" or "open-cookie-database:<ID>"


def within(domain: str, parent: str) -> bool:
    domain, parent = domain.lower().lstrip("."), parent.lower().lstrip(".")
    return domain == parent or domain.endswith("." + parent)


def _catalog_pattern(name: str) -> re.Pattern:
    # "_ga_<id>", "wp-settings-<id>": the part in angle brackets is any text.
    parts = re.split(r"<[^>]*>", name)
    return re.compile(".+".join(re.escape(part) for part in parts) + r"\Z")


class Matcher:
    def __init__(self, catalog_cookies=(), database: tuple[Entry, ...] | None = None) -> None:
        self.catalog = [(_catalog_pattern(c.name), c) for c in catalog_cookies]
        self.database = entries() if database is None else database
        self.by_name: dict[str, list[Entry]] = {}
        for entry in self.database:
            if not entry.prefix:
                self.by_name.setdefault(entry.name, []).append(entry)
        self.prefixes = sorted(
            (e for e in self.database if e.prefix), key=lambda e: len(e.name), reverse=True
        )
        self.platforms_by_domain: dict[str, Counter] = {}
        for entry in self.database:
            for domain in entry.domains:
                self.platforms_by_domain.setdefault(domain, Counter())[
                    (entry.platform, entry.category)
                ] += 1

    @staticmethod
    def _processor(entry: Entry, processors: dict[str, str]) -> str | None:
        platform = entry.platform.lower()
        key = PLATFORM_PROCESSORS.get(platform)
        if key in processors:
            return key
        wanted = re.sub(r"[^a-z0-9]", "", platform)
        return next((k for k, name in processors.items() if name == wanted), None)

    def match(
        self,
        name: str,
        domain: str,
        first_party: bool,
        contacted: list[str] = (),
        processors: dict[str, str] | None = None,
    ) -> Match:
        """`processors`: catalog processor keys → their names reduced to letters and digits."""
        processors = processors or {}
        for pattern, cookie in self.catalog:
            own_software = cookie.processor_id is None and cookie.party == "first"
            if pattern.match(name) and (first_party or not own_software):
                return Match(
                    how="catalog",
                    category=cookie.category,
                    provider=cookie.processor.name if cookie.processor else cookie.provider,
                    processor=cookie.processor.key if cookie.processor else None,
                    purpose=cookie.purpose,
                    source=f"catalogus:{cookie.key}",
                )

        def placed(entry: Entry) -> bool:
            return any(
                within(domain, d) or any(within(host, d) for host in contacted)
                for d in entry.domains
            )

        candidates = self.by_name.get(name, [])
        found = next((e for e in candidates if e.domains and placed(e)), None)
        how = "name_domain"
        if found is None:
            found, how = next((e for e in candidates if not e.domains), None), "name"
        if found is None:
            how = "pattern"
            found = next(
                (
                    e
                    for e in self.prefixes
                    if name.startswith(e.name) and (not e.domains or placed(e))
                ),
                None,
            )
        if found is not None:
            return Match(
                how=how,
                category=found.category,
                provider=found.platform,
                processor=self._processor(found, processors),
                purpose=found.purpose_nl,
                source=f"open-cookie-database:{found.id}",
            )
        if not first_party:
            bare = domain.lower().lstrip(".")
            for known, platforms in self.platforms_by_domain.items():
                if within(bare, known):
                    (platform, category), _ = platforms.most_common(1)[0]
                    return Match(how="host", category=category, provider=platform)
        return Match(how="unknown")
