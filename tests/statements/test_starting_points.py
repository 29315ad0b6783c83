"""Starting points (issue 16, part 3): each kind of organisation, with only its identity added
(name, address, KvK number, e-mail address), gives a statement without blocking findings in
both registers; retention periods carry their legal source; a new organisation starts from one
and the user can change or remove everything it proposed."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from generator.answers.loading import parse_answers
from generator.statements.exports import statement_check, statement_export
from generator.statements.models import AuditEvent, Organisation
from generator.statements.starting_points import FOLDER, starting_answers, starting_points
from tests.factories import MembershipFactory
from tests.wizard.helpers import step_data

IDENTITY = {
    "street": "Oudegracht 1",
    "postcode": "3511AA",
    "city": "Utrecht",
    "kvk_number": "12345678",
    "email": "info@voorbeeld.nl",
}
KEYS = list(starting_points())
CATALOG = {
    entry["fields"]["key"]
    for entry in json.loads(
        (FOLDER.parents[1] / "catalog" / "fixtures" / "catalog.json").read_text(encoding="utf-8")
    )
}


def with_identity(key: str, register: str) -> dict:
    answers = starting_answers(key, name="Voorbeeld B.V.", today=datetime.date(2026, 12, 1))
    answers["controller"] |= IDENTITY
    answers["document"]["register"] = register
    return answers


def test_eight_kinds_of_small_organisation_each_in_both_languages():
    assert len(KEYS) >= 8
    assert {
        "kapsalon",
        "webshop",
        "zorgpraktijk",
        "app",
        "vereniging",
        "zzp",
        "horeca",
        "bouw",
    } <= set(KEYS)
    for point in starting_points().values():
        assert point.title["nl"] and point.title["en"] and point.title["nl"] != point.title["en"]
        assert point.description["nl"] and point.description["en"]
    assert sorted(path.stem for path in FOLDER.glob("*.json")) == sorted(KEYS)


@pytest.mark.parametrize("register", ["formal", "informal"])
@pytest.mark.parametrize("key", KEYS)
def test_with_only_its_identity_a_starting_point_publishes(key, register):
    answers = parse_answers(with_identity(key, register))
    report = statement_check(answers)
    blocking = [
        f"{f['rule']} {f['path']}: {f['message_nl']}"
        for f in report["findings"]
        if f["severity"] == "E"
    ]
    assert blocking == []
    assert report["readability"]["overall"]["flesch_douma"] >= 60


@pytest.mark.parametrize("key", KEYS)
def test_processors_from_the_catalog_are_in_it_and_every_activity_has_a_term(key):
    answers = starting_points()[key].answers
    for recipient in answers["recipients"]:
        if recipient.get("catalog"):
            assert recipient["catalog"]["key"] in CATALOG
    for activity in answers["activities"]:
        retention = activity["retention"]
        assert any(retention.get(k) for k in ("fiscal", "period", "criterion")), activity["id"]


def markdown(key: str) -> str:
    return statement_export(parse_answers(with_identity(key, "formal")), fmt="md").decode()


def test_retention_set_by_law_names_the_law():
    care = markdown("zorgpraktijk")
    assert "20 jaar" in care and "7:454" in care
    assert "artikel 52 lid 4 Algemene wet inzake rijksbelastingen" in care
    bouw = markdown("bouw")
    assert "Vier weken na het einde van de sollicitatieprocedure" in bouw
    assert "7:761" in bouw


@pytest.mark.django_db
def test_a_new_organisation_starts_from_one_and_everything_can_be_changed(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    page = client.get(reverse("statements:organisation_new")).content.decode()
    assert "Kapsalon of schoonheidssalon" in page and "Leeg beginnen" in page
    response = client.post(
        reverse("statements:organisation_new"),
        {"name": "Salon Knip", "starting_point": "kapsalon", "workspace": owner.workspace.pk},
    )
    organisation = Organisation.objects.get()
    assert response["Location"] == reverse("wizard:start", args=[organisation.pk])
    draft = organisation.statement.answers
    assert draft["controller"]["legal_name"] == "Salon Knip"
    assert draft["document"]["effective_date"] == timezone.localdate().isoformat()
    assert [a["id"] for a in draft["activities"]] == [
        "afspraken",
        "klantkaart",
        "nieuwsbrief",
        "administratie",
    ]
    assert AuditEvent.objects.filter(organisation=organisation, action="created").exists()

    # Remove the newsletter the starting point proposed, in the wizard.
    statement = organisation.statement
    data = step_data("verwerkingen", draft, pk=organisation.pk, revision=statement.revision)
    data["verwerkingen-2-DELETE"] = "on"
    url = reverse("wizard:step", args=[organisation.pk, "verwerkingen"])
    assert client.post(url, data).status_code == 302
    organisation.statement.refresh_from_db()
    ids = [a["id"] for a in organisation.statement.answers["activities"]]
    assert ids == ["afspraken", "klantkaart", "administratie"]


@pytest.mark.django_db
def test_an_unknown_starting_point_is_refused_at_the_field(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    response = client.post(
        reverse("statements:organisation_new"),
        {"name": "Salon Knip", "starting_point": "kerncentrale", "workspace": owner.workspace.pk},
    )
    assert response.status_code == 200
    assert "starting_point" in response.context["form"].errors
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_the_list_speaks_the_ui_language(client):
    client.force_login(MembershipFactory().user)
    page = client.get(reverse("statements:organisation_new"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Hair or beauty salon" in page.content.decode()


@pytest.mark.parametrize("key", KEYS)
def test_a_name_that_ends_in_a_full_stop_gets_no_second_one(key):
    # The website or app goes by the organisation's name, "Voorbeeld B.V.", until renamed.
    text = markdown(key)
    assert "Voorbeeld B.V." in text and "B.V.." not in text
