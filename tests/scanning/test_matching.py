"""The match cascade (issue 18) over the vendored Open Cookie Database and our catalog."""

import re

import pytest

from generator.catalog.models import CatalogCookie
from generator.scanning import cookiedb
from generator.scanning.matching import Matcher


@pytest.fixture
def catalog(db):
    from django.core.management import call_command

    call_command("load_catalog", verbosity=0)
    return Matcher(CatalogCookie.objects.select_related("processor"))


def test_the_vendored_database_reads_whole_with_our_categories():
    entries = cookiedb.entries()
    assert len(entries) == 2264
    assert {e.category for e in entries} <= {"functional", "preferences", "analytics", "marketing"}
    fbp = next(e for e in entries if e.name == "_fbp")
    assert fbp.domains == ("facebook.com",)
    assert cookiedb.domains(".bing.com (3rd party) or .microsoft.com (3rd party)") == (
        "bing.com",
        "microsoft.com",
    )


def test_a_broken_database_file_names_the_row_and_column(tmp_path):
    broken = tmp_path / "ocd.csv"
    header = ",".join(cookiedb.COLUMNS)
    broken.write_text(header + "\nx1,Platform,Bakery,naam,,d,1 year,c,p,0\n", encoding="utf-8")
    with pytest.raises(cookiedb.DatabaseError, match="regel 2, kolom 'Category'"):
        cookiedb.read(broken, tmp_path / "none.json")
    broken.write_text("ID,Platform\n1,x\n", encoding="utf-8")
    with pytest.raises(cookiedb.DatabaseError, match="Category"):
        cookiedb.read(broken, tmp_path / "none.json")


def test_a_name_tied_to_another_domain_is_not_matched_by_its_name_alone():
    matcher = Matcher()
    # Django's session on a salon's own site is not Instagram's.
    assert matcher.match("sessionid", "salonknip.nl", first_party=True).how == "unknown"
    on_instagram = matcher.match("sessionid", ".instagram.com", first_party=False)
    assert (on_instagram.how, on_instagram.provider) == ("name_domain", "Instagram")


def test_a_domain_of_the_database_counts_when_the_pages_contacted_it():
    matcher = Matcher()
    # _fbp is set on the site's own domain by the pixel, which talks to facebook.com.
    alone = matcher.match("_fbp", "salonknip.nl", first_party=True)
    assert alone.how == "unknown"
    pixel = matcher.match("_fbp", "salonknip.nl", True, contacted=["www.facebook.com"])
    assert (pixel.how, pixel.category, pixel.provider) == ("name_domain", "marketing", "Facebook")


def test_the_cascade_name_then_pattern_then_host_then_unknown():
    matcher = Matcher()
    hotjar = matcher.match("_hjid", "salonknip.nl", True)
    assert (hotjar.how, hotjar.category, hotjar.provider) == ("name", "analytics", "Hotjar")
    sample = matcher.match("_hjIncludedInSessionSample_42", "salonknip.nl", True)
    assert (sample.how, sample.provider) == ("pattern", "Hotjar")
    linkedin = matcher.match("onbekend_ding", ".linkedin.com", first_party=False)
    assert (linkedin.how, linkedin.provider) == ("host", "LinkedIn")
    assert matcher.match("salon_voorkeur", "salonknip.nl", True).how == "unknown"
    # A first party cookie is never given a platform by its domain.
    assert matcher.match("onbekend_ding", "linkedin.com", first_party=True).how == "unknown"


def test_ours_win_where_both_describe_a_cookie_and_own_software_only_for_own_cookies(catalog):
    ga = catalog.match("_ga", "salonknip.nl", True)
    assert (ga.how, ga.processor, ga.category) == ("catalog", "google-analytics", "analytics")
    assert ga.purpose and ga.source == "catalogus:ga-ga"
    assert catalog.match("_ga_ABC123", "salonknip.nl", True).source == "catalogus:ga-ga-id"
    own = catalog.match("sessionid", "salonknip.nl", first_party=True)
    assert (own.how, own.category) == ("catalog", "functional")
    # Instagram's sessionid is not "de website zelf (Django)".
    assert catalog.match("sessionid", ".instagram.com", first_party=False).how == "name_domain"


def test_our_dutch_purposes_are_kept_with_the_database():
    written = [e for e in cookiedb.entries() if e.purpose_nl]
    assert len(written) >= 150  # issue 18: the most common entries (358 are written)
    for entry in written:
        assert entry.purpose_nl.endswith(".") and len(entry.purpose_nl.split()) <= 18, entry
        assert not re.search(r"\b(u|uw|je|jouw|kunnen|kan|mogelijk|eventueel)\b", entry.purpose_nl)


def test_refreshing_checks_the_new_file_whole_and_changes_nothing_when_broken(tmp_path):
    from django.core.management import CommandError, call_command

    before = cookiedb.DATABASE.read_bytes()
    broken = tmp_path / "new.csv"
    broken.write_text(",".join(cookiedb.COLUMNS) + "\nx,P,Bakery,n,,d,1 year,c,p,0\n")
    with pytest.raises(CommandError, match=r"source: .*regel 2, kolom 'Category'"):
        call_command("refresh_cookie_database", str(broken))
    with pytest.raises(CommandError, match=r"source: .*bestaat niet"):
        call_command("refresh_cookie_database", str(tmp_path / "absent.csv"))
    with pytest.raises(CommandError, match="source: alleen https"):
        call_command("refresh_cookie_database", "http://example.com/ocd.csv")
    with pytest.raises(CommandError, match=r"source: .*loopback"):
        call_command("refresh_cookie_database", "https://127.0.0.1/ocd.csv")
    assert cookiedb.DATABASE.read_bytes() == before
    # A good file is taken (a dry run here, so the vendored copy stays as it is).
    from io import StringIO

    out = StringIO()
    call_command("refresh_cookie_database", str(cookiedb.DATABASE), "--dry-run", stdout=out)
    assert out.getvalue().startswith("2264 cookies (0 nieuw, 0 verdwenen).")
