"""The cookie scan against a local site (site.py), in Debian's Chromium (issue 18): every
cookie with its facts, before and after consent, matched; private addresses refused."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from generator.scanning.scan import lifetime
from tests.scanning.site import Site
from tests.security.live import manage

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(), reason="Debian's chromium: make test installs it"
)


def cookie(result, name):
    [found] = [c for c in result["cookies"] if c["name"] == name]
    return found


def test_it_visits_the_site_s_pages_and_clicks_accept(scanned):
    site, result, progress = scanned
    visited = [page["url"] for page in result["pages"]]
    # Same-site links only, no PDF, the link elsewhere not followed.
    assert visited == [site.url, site.url + "over-ons", site.url + "beheer"]
    assert result["consent_button"] == "Alles accepteren"
    assert progress[-1][0] == 6 and all(total == 10 for _, total in progress)
    assert result["incomplete"] is False


def test_each_cookie_with_its_facts_before_and_after_consent(scanned):
    site, result, _ = scanned
    session = cookie(result, "sessionid")
    assert session | {"page": None} == session | {
        "domain": "localhost", "path": "/", "lifetime": "2 weken", "http_only": True,
        "party": "first", "set_before_consent": True, "match": "catalog",
        "category": "functional", "requires_consent": False, "page": None,
    }  # fmt: skip
    assert session["page"] == site.url
    hjid = cookie(result, "_hjid")  # analytics before consent: what the checker will flag
    assert (hjid["match"], hjid["category"], hjid["provider"]) == ("name", "analytics", "Hotjar")
    assert hjid["set_before_consent"] and hjid["requires_consent"] and hjid["lifetime"] == "1 jaar"
    preference = cookie(result, "salon_voorkeur")
    assert (preference["match"], preference["page"]) == ("unknown", site.url + "over-ons")
    consent = cookie(result, "CookieConsent")
    assert (consent["match"], consent["processor"]) == ("catalog", "cookiebot")
    assert not consent["set_before_consent"]
    tiktok = cookie(result, "_tt_enable_cookie")
    assert (tiktok["match"], tiktok["category"], tiktok["set_before_consent"]) == (
        "name", "marketing", False
    )  # fmt: skip
    assert cookie(result, "_hjSession_123")["match"] == "catalog"
    assert cookie(result, "_hjIncludedInSessionSample_9")["match"] == "pattern"
    # The third party's own cookie, set by header on an image from the other host.
    ide = cookie(result, "IDE")
    assert (ide["domain"], ide["party"], ide["same_site"], ide["set_before_consent"]) == (
        "127.0.0.1", "third", "None", False
    )  # fmt: skip
    assert ide["lifetime"] == "13 maanden" and ide["secure"]
    [storage] = result["storage"]
    assert (storage["name"], storage["kind"], storage["set_before_consent"]) == (
        "_hjLocalStorageTest", "localStorage", True
    )  # fmt: skip
    assert result["third_party_hosts"] == ["127.0.0.1"]


def test_private_addresses_are_refused_by_image_script_and_redirect(scanned):
    _, result, _ = scanned
    refused = {r["url"] for r in result["refused"]}
    assert refused == {
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/teller.gif",  # written as 167772161 in the page
        "http://[::ffff:c0a8:101]/lek.js",
        "http://192.168.1.1/admin",  # where /beheer redirects to
    }
    assert all(r["reason"] for r in result["refused"])


def test_lifetimes_read_as_the_catalog_writes_them():
    now = 1_000_000.0
    assert lifetime(-1, now) == ("sessie", None)
    assert lifetime(now + 63_072_000, now)[0] == "2 jaar"
    assert lifetime(now + 34_128_000, now)[0] == "13 maanden"
    assert lifetime(now + 86_400, now)[0] == "1 dag"
    assert lifetime(now + 14 * 86_400, now)[0] == "2 weken"
    assert lifetime(now + 1_800, now)[0] == "30 minuten"


def test_a_refused_url_exits_2_with_the_reason_and_starts_no_browser():
    for url in ("http://127.0.0.1/", "file:///etc/passwd", "http://10.0.0.1/"):
        with pytest.raises(CommandError) as refused:
            call_command("scan_site", url)
        assert refused.value.returncode == 2 and str(refused.value).startswith("url: ")


def test_the_command_prints_the_json_the_issue_names(installation):
    manage(installation, "load_catalog")
    with Site() as site:
        out = manage(
            installation, "scan_site", site.url, "--allow-loopback", "--format", "json",
            "--pages", "2",
        )  # fmt: skip
    result = json.loads(out)
    assert {"url", "pages", "cookies", "storage", "third_party_hosts"} <= result.keys()
    assert len(result["pages"]) == 2
    for item in result["cookies"]:
        assert {"name", "domain", "path", "lifetime", "party", "category", "provider", "match",
                "set_before_consent"} <= item.keys()  # fmt: skip
    assert cookie(result, "sessionid")["match"] == "catalog"
