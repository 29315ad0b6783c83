"""The scan in the wizard (issue 18): started from the cookies step with a Dutch message at the
field for a refused address, run by the task worker, shown with its progress, and taken over
into the cookies step (with the recipients the catalog knows) only as the user chooses. The
result shown is the real scan of the local site (conftest.py)."""

import copy
import socket

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.compliance.checker import check_answers
from generator.scanning import tasks, views
from generator.scanning.models import SiteScan
from generator.statements.models import Statement
from generator.statements.services import organisation_create
from tests.conftest import example_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

PUBLIC = "93.184.216.34"


@pytest.fixture
def world():
    call_command("load_catalog", verbosity=0)
    owner = MembershipFactory()
    answers = example_data("qlinx")
    answers["cookies"] = {"items": []}
    organisation = organisation_create(
        workspace=owner.workspace, name="Salon Knip", answers=answers
    )
    client = Client()
    client.force_login(owner.user)
    return {"organisation": organisation, "user": owner.user, "client": client}


@pytest.fixture
def public_dns(monkeypatch):
    """www.salonknip.nl resolves to a public address; no network is used."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "www.salonknip.nl":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def queued(monkeypatch):
    """What the views hand to the task worker (the suite's worker runs tasks at once, and a
    scan of a public site would need the internet)."""
    sent = []
    worker = type("Worker", (), {"enqueue": staticmethod(sent.append)})
    monkeypatch.setattr(views, "site_scan", worker)
    return sent


def done_scan(world, scanned) -> SiteScan:
    return SiteScan.objects.create(
        organisation=world["organisation"],
        user=world["user"],
        url=scanned[1]["url"],
        status=SiteScan.Status.DONE,
        result=copy.deepcopy(scanned[1]),
        done=10,
        total=10,
    )


def new_url(world) -> str:
    return reverse("scanning:new", args=[world["organisation"].pk])


def test_the_cookies_step_offers_the_scan_with_the_site_filled_in(world):
    world["organisation"].statement.answers["controller"]["website"] = "https://www.qlinx.nl"
    world["organisation"].statement.save()
    page = (
        world["client"]
        .get(reverse("wizard:step", args=[world["organisation"].pk, "cookies"]))
        .content.decode()
    )
    assert "Scan mijn website" in page
    assert f'action="{new_url(world)}"' in page
    assert 'value="https://www.qlinx.nl"' in page


@pytest.mark.parametrize(
    "url, message",
    [
        ("http://10.0.0.1/", "privé-netwerk"),
        ("http://127.0.0.1:8000/", "Poort 8000 is niet toegestaan"),
        ("http://localhost/", "loopback"),
        ("ftp://www.salonknip.nl/", "Alleen adressen die met http:// of https://"),
        ("niet een adres", "Vul een webadres in"),
    ],
)
def test_a_refused_address_gets_its_reason_at_the_field_and_starts_nothing(
    world, queued, url, message
):
    answer = world["client"].post(new_url(world), {"url": url, "pages": 5})
    assert answer.status_code == 200
    errors = answer.context["form"].errors
    assert list(errors) == ["url"] and message in errors["url"][0]
    assert 'id="error_1_id_url"' in answer.content.decode()  # crispy puts it at the field
    assert not SiteScan.objects.exists() and not queued


def test_a_public_address_is_scanned_by_the_worker_one_scan_at_a_time(world, public_dns, queued):
    client = world["client"]
    answer = client.post(new_url(world), {"url": "https://www.salonknip.nl/", "pages": 3})
    scan = SiteScan.objects.get()
    assert answer.url == reverse("scanning:detail", args=[world["organisation"].pk, scan.pk])
    assert (scan.status, scan.pages, scan.total, queued) == ("queued", 3, 6, [scan.pk])
    page = client.get(answer.url).content.decode()
    assert 'role="progressbar"' in page and "In de wachtrij: 0 / 6" in page
    status = client.get(answer.url + "status/").json()
    assert status == {
        "status": "queued", "status_display": "in de wachtrij", "done": 0, "total": 6,
        "percent": 0, "error": "",
    }  # fmt: skip
    # While it runs, another start goes to the running scan.
    again = client.post(new_url(world), {"url": "https://www.salonknip.nl/", "pages": 3})
    assert again.url == answer.url and SiteScan.objects.count() == 1


def test_ten_scans_an_hour_per_user(world, public_dns, queued):
    for _ in range(views.SCANS_PER_HOUR):
        SiteScan.objects.create(
            organisation=world["organisation"], user=world["user"], url="https://x.nl",
            status=SiteScan.Status.DONE,
        )  # fmt: skip
    answer = world["client"].post(new_url(world), {"url": "https://www.salonknip.nl/"} | {
        "pages": 5})  # fmt: skip
    assert answer.status_code == 200
    assert "al 10 keer" in answer.context["form"].non_field_errors()[0]
    assert SiteScan.objects.count() == views.SCANS_PER_HOUR and not queued


def test_the_worker_runs_a_queued_scan_once_and_fails_a_refused_one_with_the_reason(
    world, monkeypatch, scanned
):
    ran = []

    def fake_scan(url, pages, progress):
        ran.append(url)
        progress(1, 2 * pages)
        return scanned[1]

    scan = SiteScan.objects.create(
        organisation=world["organisation"], url="https://www.salonknip.nl/", total=10
    )
    monkeypatch.setattr(tasks, "scan_site", fake_scan)
    tasks.site_scan.call(scan.pk)
    tasks.site_scan.call(scan.pk)  # a task delivered twice scans once
    scan.refresh_from_db()
    assert (scan.status, scan.percent, ran) == ("done", 100, ["https://www.salonknip.nl/"])
    assert scan.result["cookies"] and scan.finished_at
    # The real scan function: the worker never scans loopback, whatever the row says.
    monkeypatch.undo()
    refused = SiteScan.objects.create(organisation=world["organisation"], url="http://127.0.0.1/")
    tasks.site_scan.call(refused.pk)
    refused.refresh_from_db()
    assert refused.status == "failed" and "loopback" in refused.error


def test_the_result_proposes_each_cookie_with_what_is_known(world, scanned):
    scan = done_scan(world, scanned)
    page = (
        world["client"]
        .get(reverse("scanning:detail", args=[world["organisation"].pk, scan.pk]))
        .content.decode()
    )
    assert 'Toestemming gegeven met de knop "Alles accepteren"' in page
    assert "4 adressen niet bezocht" in page
    for name in ("sessionid", "_hjid", "salon_voorkeur", "CookieConsent", "IDE"):
        assert f'data-proposal="{name}"' in page
    assert "Onbekend: niet in de catalogus" in page  # salon_voorkeur
    assert page.count("<strong>ja</strong>") == sum(
        1 for item in scanned[1]["cookies"] + scanned[1]["storage"] if item["set_before_consent"]
    )


def accept(world, scan, data):
    return world["client"].post(
        reverse("scanning:accept", args=[world["organisation"].pk, scan.pk]),
        {"revision": world["organisation"].statement.revision} | data,
    )


def keys(scan, *names) -> dict:
    return {
        name: f"c{index}"
        for index, item in enumerate(scan.result["cookies"])
        for name in names
        if item["name"] == name
    }


def test_an_unknown_cookie_needs_its_category_and_nothing_is_saved_without(world, scanned):
    scan = done_scan(world, scanned)
    key = keys(scan, "salon_voorkeur")["salon_voorkeur"]
    revision = world["organisation"].statement.revision
    answer = accept(world, scan, {"take": [key], f"category-{key}": ""})
    assert answer.status_code == 400
    page = answer.content.decode()
    assert f'id="category-{key}-error">Kies wat voor cookie dit is.' in page
    assert 'aria-invalid="true"' in page
    nothing = accept(world, scan, {})
    assert "Kies ten minste één cookie" in nothing.content.decode()
    statement = world["organisation"].statement
    statement.refresh_from_db()
    assert statement.revision == revision and statement.answers["cookies"]["items"] == []


def test_taking_over_adds_the_cookies_and_their_recipient_and_the_checker_sees_the_scan(
    world, scanned
):
    scan = done_scan(world, scanned)
    chosen = keys(scan, "_hjid", "salon_voorkeur", "sessionid")
    answer = accept(world, scan, {
        "take": list(chosen.values()),
        f"category-{chosen['_hjid']}": "analytics",
        f"category-{chosen['salon_voorkeur']}": "preferences",
        f"category-{chosen['sessionid']}": "functional",
    })  # fmt: skip
    assert answer.status_code == 302, answer.context["problems"]
    assert answer.url == reverse("wizard:step", args=[world["organisation"].pk, "cookies"])
    statement = world["organisation"].statement
    statement.refresh_from_db()
    rows = {row["name"]: row for row in statement.answers["cookies"]["items"]}
    assert set(rows) == {"_hjid", "salon_voorkeur", "sessionid"}
    hotjar = rows["_hjid"]
    assert (hotjar["party"], hotjar["recipient"], hotjar["duration"]) == (
        "third",
        "hotjar",
        "1 jaar",
    )
    assert hotjar["scan"]["set_before_consent"] and hotjar["scan"]["page"] == scan.result["url"]
    [recipient] = [r for r in statement.answers["recipients"] if r["id"] == "hotjar"]
    assert recipient["catalog"]["key"] == "hotjar" and recipient["country"]
    assert rows["salon_voorkeur"]["party"] == "first"
    assert "cookies" not in statement.completed_steps  # the user checks the step and saves it
    # R32: the analytics cookie set before consent, with its page; not the functional one.
    found = [f for f in check_answers(parse_answers(statement.answers)) if f.rule == "R32"]
    index = [row["name"] for row in statement.answers["cookies"]["items"]].index("_hjid")
    assert [f.path for f in found] == [f"cookies.items.{index}.name"]
    assert "vóórdat de bezoeker toestemming gaf" in found[0].message_nl
    assert scan.result["url"] in found[0].message_nl
    # Shown again, what was taken over is marked and cannot be taken twice.
    page = (
        world["client"]
        .get(reverse("scanning:detail", args=[world["organisation"].pk, scan.pk]))
        .content.decode()
    )
    assert page.count("staat er al") == 3


def test_a_draft_changed_meanwhile_loses_nothing(world, scanned):
    scan = done_scan(world, scanned)
    key = keys(scan, "_hjid")["_hjid"]
    seen = world["organisation"].statement.revision  # the page was loaded; then a colleague saved
    Statement.objects.filter(pk=world["organisation"].statement.pk).update(revision=seen + 1)
    answer = world["client"].post(
        reverse("scanning:accept", args=[world["organisation"].pk, scan.pk]),
        {"revision": seen, "take": [key], f"category-{key}": "analytics"},
    )
    assert answer.status_code == 302 and answer.url.endswith(f"/cookiescan/{scan.pk}/")
    statement = world["organisation"].statement
    statement.refresh_from_db()
    assert statement.answers["cookies"]["items"] == []
    followed = world["client"].get(answer.url).content.decode()
    assert "er is niets overgenomen" in followed


def test_a_scan_is_only_reached_through_its_own_organisation(world, scanned):
    """The outsider's 404 on every URL is in tests/security/test_every_url.py; here a member
    who puts another organisation's scan under their own organisation's address."""
    other = organisation_create(workspace=MembershipFactory().workspace, name="Ander")
    theirs = SiteScan.objects.create(organisation=other, url="https://www.ander.nl/")
    pk = world["organisation"].pk
    for name in ("detail", "status"):
        assert (
            world["client"].get(reverse(f"scanning:{name}", args=[pk, theirs.pk])).status_code
            == 404
        )
    assert world["client"].post(reverse("scanning:accept", args=[pk, theirs.pk])).status_code == 404


def test_what_the_scan_saw_survives_saving_the_cookies_step(world, scanned):
    """The take-over asks the user to check the step and save it: that save keeps each row's
    scan sighting (a hidden field), so R32 still warns afterwards."""
    from tests.wizard.helpers import step_data

    scan = done_scan(world, scanned)
    key = keys(scan, "_hjid")["_hjid"]
    accept(world, scan, {"take": [key], f"category-{key}": "analytics"})
    statement = world["organisation"].statement
    statement.refresh_from_db()
    seen = statement.answers["cookies"]["items"][0]["scan"]
    url = reverse("wizard:step", args=[world["organisation"].pk, "cookies"])
    data = step_data(
        "cookies", statement.answers, pk=world["organisation"].pk, revision=statement.revision
    )
    data["cookies-0-purpose"] = "Onderscheidt bezoekers voor de statistieken van Hotjar."
    saved = world["client"].post(url, data)
    assert saved.status_code == 302, saved.context["form"].errors
    statement.refresh_from_db()
    assert statement.answers["cookies"]["items"][0]["scan"] == seen
    assert "cookies" in statement.completed_steps
    assert any(f.rule == "R32" for f in check_answers(parse_answers(statement.answers)))
