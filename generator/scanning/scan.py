"""The cookie scan of a site (issue 18): which cookies and storage keys its pages set before a
visitor consents, and which only after, matched to what they are (matching.py).

Two passes, each in a fresh browser profile: the first visits the page without touching it and
follows same-site links up to N pages; the second clicks the consent banner's accept button on
the first page and visits the same pages again. A cookie seen in the first pass was set before
consent. The browser reaches the network only through the guard's proxy (proxy.py).
"""

import contextlib
import datetime
import email.utils
import http.cookies
import re
import time
from collections.abc import Callable
from urllib.parse import urldefrag, urlsplit

from django.conf import settings
from playwright.sync_api import Error as BrowserError
from playwright.sync_api import sync_playwright

from generator.answers.choices import CONSENT_COOKIE_CATEGORIES
from generator.scanning.guard import check_url
from generator.scanning.matching import Matcher, within
from generator.scanning.proxy import GuardProxy

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No way out around the proxy: no QUIC, no WebRTC over UDP.
    "--disable-quic",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
]
# The banner's accept button, by its visible text; the most specific first.
ACCEPT_TEXTS = (
    "Alle cookies accepteren",
    "Alles accepteren",
    "Accepteer alle cookies",
    "Accepteer alles",
    "Alle cookies toestaan",
    "Alles toestaan",
    "Ik ga akkoord",
    "Akkoord",
    "Accepteren",
    "Accepteer",
    "Toestaan",
    "Accept all cookies",
    "Accept all",
    "Allow all cookies",
    "Allow all",
    "I agree",
    "Agree",
    "Accept",
    "OK",
)
SKIPPED_LINKS = re.compile(
    r"\.(pdf|jpe?g|png|gif|webp|svg|zip|docx?|xlsx?|mp[34]|mov|avi)(\?|$)", re.IGNORECASE
)
PAGE_SECONDS = 15
SETTLE_MS = 2_500


def lifetime(expires: float | None, now: float) -> tuple[str, int | None]:
    """A cookie's lifetime as the catalog writes durations ("2 jaar", "13 maanden", "30
    minuten"), and in seconds (None: a session cookie)."""
    if expires is None or expires < 0:
        return "sessie", None
    seconds = max(0, round(expires - now))
    day = 86400

    def say(amount: int, one: str, many: str) -> str:
        return f"{amount} {one if amount == 1 else many}"

    years = round(seconds / (365 * day))
    if years and abs(seconds - years * 365 * day) < 15 * day:
        return say(years, "jaar", "jaar"), seconds
    if seconds >= 28 * day:
        return say(round(seconds / (30.44 * day)), "maand", "maanden"), seconds
    if seconds >= day:
        days = round(seconds / day)
        return (
            say(days // 7, "week", "weken") if days % 7 == 0 else say(days, "dag", "dagen")
        ), seconds
    if seconds >= 3600:
        return say(round(seconds / 3600), "uur", "uur"), seconds
    if seconds >= 60:
        return say(round(seconds / 60), "minuut", "minuten"), seconds
    return say(seconds, "seconde", "seconden"), seconds


def site_base(host: str) -> str:
    return host.lower().removeprefix("www.")


class _Run:
    def __init__(self, url: str, pages: int, deadline: float, progress, total: int) -> None:
        self.start = url
        self.host = urlsplit(url).hostname or ""
        self.base = site_base(self.host)
        self.wanted = pages
        self.deadline = deadline
        self.progress = progress
        self.total = total
        self.done = 0
        self.incomplete = False

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def step(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)

    def same_site(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and site_base(parts.hostname or "") == self.base

    def visit(self, page, url: str) -> dict:
        if self.left() < 2:
            self.incomplete = True
            return {"url": url, "status": None, "error": "tijd op"}
        try:
            response = page.goto(
                url, wait_until="load", timeout=min(PAGE_SECONDS, self.left()) * 1000
            )
            # A page that keeps polling never idles; what it set by then counts.
            with contextlib.suppress(BrowserError):
                page.wait_for_load_state(
                    "networkidle", timeout=max(1, min(SETTLE_MS / 1000, self.left() - 1)) * 1000
                )
            return {"url": page.url, "status": response.status if response else None}
        except BrowserError as error:  # the page is reported with its error
            return {"url": url, "status": None, "error": str(error).splitlines()[0][:200]}

    def links(self, page) -> list[str]:
        try:
            hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        except BrowserError:
            return []
        found = []
        for href in hrefs:
            href = urldefrag(href)[0]
            if self.same_site(href) and not SKIPPED_LINKS.search(href) and href not in found:
                found.append(href)
        return found

    @staticmethod
    def storage(page) -> list[tuple[str, str]]:
        try:
            keys = page.evaluate(
                "() => [...Object.keys(localStorage).map(k => ['localStorage', k]),"
                " ...Object.keys(sessionStorage).map(k => ['sessionStorage', k])]"
            )
        except BrowserError:  # an opaque origin has no storage
            return []
        return [tuple(item) for item in keys]

    def accept(self, page) -> str | None:
        """Click the consent banner's accept button; the text clicked, or None."""
        for text in ACCEPT_TEXTS:
            name = re.compile(rf"^\W*{re.escape(text)}\W*$", re.IGNORECASE)
            for frame in page.frames:
                for role in ("button", "link"):
                    button = frame.get_by_role(role, name=name)
                    # A button that went away or a frame that closed: try the next one.
                    with contextlib.suppress(BrowserError):
                        if button.count() and button.first.is_visible():
                            button.first.click(timeout=3_000)
                            page.wait_for_timeout(500)
                            with contextlib.suppress(BrowserError):
                                page.wait_for_load_state("networkidle", timeout=SETTLE_MS)
                            return text
        return None

    def one_pass(self, browser, urls: list[str] | None, consent: bool) -> dict:
        """Visit the pages (the first pass finds them); what each page added."""
        context = browser.new_context(
            locale="nl-NL", service_workers="block", accept_downloads=False
        )
        seen_cookies: dict[tuple, dict] = {}
        seen_storage: dict[tuple, str] = {}
        visited: list[dict] = []
        requested: list[str] = []
        responses: list = []
        clicked = None
        queue = list(urls or [self.start])
        # What the pages asked for (not the browser's own background requests), and the
        # responses, for cookies the browser would not keep: a real visitor's browser keeps
        # a third party's cookies that a fresh headless profile refuses.
        context.on("request", lambda request: requested.append(request.url))
        context.on("response", lambda response: responses.append(response))
        try:
            page = context.new_page()
            while queue and len(visited) < self.wanted:
                url = queue.pop(0)
                if any(v["url"] == url for v in visited):
                    continue
                visit = self.visit(page, url)
                if consent and not visited:
                    clicked = self.accept(page)
                visited.append(visit)
                self.step()
                now = time.time()
                offered = [c for r in responses for c in header_cookies(r, now)]
                responses.clear()
                for cookie in context.cookies() + offered:
                    key = (cookie["name"], cookie["domain"].lstrip("."), cookie["path"])
                    if key not in seen_cookies:
                        seen_cookies[key] = cookie | {"page": visit["url"], "seen_at": now}
                for item in self.storage(page):
                    seen_storage.setdefault(item, visit["url"])
                if urls is None:
                    queue += [link for link in self.links(page) if link not in queue]
                if visit.get("error") == "tijd op":
                    break
        finally:
            context.close()
        return {
            "pages": visited,
            "cookies": seen_cookies,
            "storage": seen_storage,
            "clicked": clicked,
            "hosts": list(dict.fromkeys(urlsplit(u).hostname or "" for u in requested)),
        }


def header_cookies(response, now: float) -> list[dict]:
    """The cookies a response's Set-Cookie headers set, as the browser lists cookies."""
    try:
        values = [h["value"] for h in response.headers_array() if h["name"].lower() == "set-cookie"]
    except BrowserError:  # a response of a page that has gone
        return []
    host = urlsplit(response.url).hostname or ""
    found = []
    for value in values:
        jar = http.cookies.SimpleCookie()
        try:
            jar.load(value)
        except http.cookies.CookieError:
            continue
        for name, morsel in jar.items():
            expires = -1.0
            if morsel["max-age"]:
                with contextlib.suppress(ValueError):
                    expires = now + int(morsel["max-age"])
            elif morsel["expires"]:
                with contextlib.suppress(TypeError, ValueError):
                    expires = email.utils.parsedate_to_datetime(morsel["expires"]).timestamp()
            found.append(
                {
                    "name": name,
                    "domain": morsel["domain"] or host,
                    "path": morsel["path"] or "/",
                    "expires": expires,
                    "httpOnly": bool(morsel["httponly"]),
                    "secure": bool(morsel["secure"]),
                    "sameSite": (morsel["samesite"] or "Lax").capitalize(),
                }
            )
    return found


def scan_site(
    url: str,
    pages: int = 5,
    allow_loopback: bool = False,
    seconds: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    matcher: Matcher | None = None,
    processors: dict[str, str] | None = None,
) -> dict:
    """Scan a site; RefusedURL (before any browser starts) when the URL may not be scanned.
    The catalog is read before the browser starts (`matcher`, `processors`: given, no
    database is needed)."""
    check_url(url, allow_loopback)
    pages = max(1, min(pages, settings.SCAN_MAX_PAGES))
    seconds = seconds or settings.SCAN_SECONDS
    run = _Run(url, pages, time.monotonic() + seconds, progress, total=2 * pages)
    if matcher is None:
        from generator.catalog.models import CatalogCookie

        matcher = Matcher(CatalogCookie.objects.select_related("processor"))
    if processors is None:
        processors = catalog_processors()
    with GuardProxy(allow_loopback, seconds + 10, settings.SCAN_MAX_BYTES) as proxy:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=settings.CHROMIUM_PATH,
                args=CHROMIUM_ARGS,
                proxy={"server": f"http://127.0.0.1:{proxy.port}", "bypass": "<-loopback>"},
            )
            try:
                before = run.one_pass(browser, None, consent=False)
                urls = [v["url"] for v in before["pages"]]
                after = run.one_pass(browser, urls, consent=True)
            finally:
                browser.close()
        traffic = proxy.traffic
    return _result(run, matcher, processors, before, after, traffic)


def catalog_processors() -> dict[str, str]:
    from generator.catalog.models import CatalogProcessor

    return {
        key: re.sub(r"[^a-z0-9]", "", name.lower())
        for key, name in CatalogProcessor.objects.values_list("key", "name")
    }


def _result(
    run: _Run, matcher: Matcher, processors: dict, before: dict, after: dict, traffic
) -> dict:
    hosts = list(dict.fromkeys(before["hosts"] + after["hosts"]))
    refused = [r for r in traffic.refused if _host_of(r["url"]) in hosts]
    refused_hosts = {_host_of(r["url"]) for r in refused}
    third_party = [
        host
        for host in hosts
        if host
        and not within(host, run.base)
        and host in traffic.hosts
        and host not in refused_hosts
    ]
    cookies = []
    for key, cookie in list(before["cookies"].items()) + [
        item for item in after["cookies"].items() if item[0] not in before["cookies"]
    ]:
        first_party = within(cookie["domain"], run.base) or within(run.host, cookie["domain"])
        match = matcher.match(
            cookie["name"], cookie["domain"], first_party, third_party, processors
        )
        text, seconds = lifetime(cookie.get("expires", -1), cookie["seen_at"])
        cookies.append(
            {
                "name": cookie["name"],
                "domain": cookie["domain"],
                "path": cookie["path"],
                "lifetime": text,
                "lifetime_seconds": seconds,
                "http_only": cookie.get("httpOnly", False),
                "secure": cookie.get("secure", False),
                "same_site": cookie.get("sameSite"),
                "party": "first" if first_party else "third",
                "page": cookie["page"],
                "set_before_consent": key in before["cookies"],
                **_matched(match),
            }
        )
    storage = []
    for item, page in list(before["storage"].items()) + [
        entry for entry in after["storage"].items() if entry[0] not in before["storage"]
    ]:
        kind, name = item
        match = matcher.match(name, run.host, True, third_party, processors)
        storage.append(
            {
                "name": name,
                "kind": kind,
                "page": page,
                "set_before_consent": item in before["storage"],
                **_matched(match),
            }
        )
    return {
        "url": run.start,
        "scanned_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "pages": before["pages"],
        "consent_button": after["clicked"],
        "cookies": cookies,
        "storage": storage,
        "third_party_hosts": third_party,
        # Each refused address once, with the reason.
        "refused": list({r["url"]: r for r in refused}.values()),
        "incomplete": run.incomplete,
    }


def _host_of(target: str) -> str:
    """The host of a refused target: a URL, or host:port of a tunnel."""
    if "://" in target:
        return (urlsplit(target).hostname or "").lower()
    return target.rpartition(":")[0].strip("[]").lower()


def _matched(match) -> dict:
    """What a cookie and a storage key both carry of their match."""
    return {
        "category": match.category,
        "provider": match.provider,
        "processor": match.processor,
        "purpose": match.purpose,
        "match": match.how,
        "source": match.source,
        "requires_consent": _requires_consent(match.category),
    }


def _requires_consent(category: str | None) -> bool | None:
    """R21 in short: unknown is for the user to say; analytics counts as needing consent until
    the wizard's analytics settings say otherwise."""
    if category is None:
        return None
    return category in CONSENT_COOKIE_CATEGORIES or category == "analytics"
