"""Each step: a valid post is saved at once, an invalid one keeps what was typed, the draft
can be resumed anywhere, and two tabs never silently overwrite each other."""

import pytest
from django.test import Client
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.statements.models import Statement
from generator.statements.services import organisation_create
from generator.wizard.steps import STEPS
from tests.conftest import example_data, form_login
from tests.factories import PASSWORD, MembershipFactory
from tests.wizard.helpers import step_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return MembershipFactory()


@pytest.fixture
def organisation(owner):
    org = organisation_create(workspace=owner.workspace, name="Qconferencing B.V.")
    # Start from a full example so every conditional step applies.
    answers = parse_answers(example_data("ipcall")).model_dump(mode="json")
    Statement.objects.filter(organisation=org).update(answers=answers)
    return org


@pytest.fixture
def logged_in(client, owner):
    client.force_login(owner.user)
    return client


def url(organisation, step):
    return reverse("wizard:step", args=[organisation.pk, step])


def answers_of(organisation) -> dict:
    return Statement.objects.get(organisation=organisation).answers


@pytest.mark.parametrize("step", [s.name for s in STEPS])
def test_every_step_renders_with_the_saved_answers(logged_in, organisation, step):
    response = logged_in.get(url(organisation, step))
    assert response.status_code == 200
    assert 'name="revision" value="0"' in response.content.decode()


@pytest.mark.parametrize("step", [s.name for s in STEPS])
def test_every_step_saves_a_valid_post_at_once_and_loses_nothing(logged_in, organisation, step):
    before = answers_of(organisation)
    data = step_data(step, before, pk=organisation.pk, revision=0)
    response = logged_in.post(url(organisation, step), data)
    assert response.status_code == 302
    statement = Statement.objects.get(organisation=organisation)
    assert (
        statement.revision == 1
        and step in statement.completed_steps
        and statement.last_step == step
    )
    assert statement.answers == before  # saving a step unchanged changes nothing


def test_the_page_marks_saved_rows_as_initial_so_unchanged_rows_are_kept(logged_in, organisation):
    html = logged_in.get(url(organisation, "verwerkingen")).content.decode()
    count = len(answers_of(organisation)["activities"])
    assert f'name="verwerkingen-INITIAL_FORMS" value="{count}"' in html


def test_a_changed_field_is_in_the_database_before_the_next_step(logged_in, organisation):
    data = step_data("organisatie", answers_of(organisation), pk=organisation.pk, revision=0)
    data["organisatie-city"] = "Veenendaal"
    logged_in.post(url(organisation, "organisatie"), data)
    assert answers_of(organisation)["controller"]["city"] == "Veenendaal"


def test_an_invalid_step_keeps_what_was_typed_and_says_why_in_dutch(logged_in, organisation):
    before = answers_of(organisation)
    data = step_data("organisatie", before, pk=organisation.pk, revision=0)
    data |= {
        "organisatie-postcode": "99",
        "organisatie-kvk_number": "123",
        "organisatie-city": "Typed-City",
    }
    response = logged_in.post(url(organisation, "organisatie"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een Nederlandse postcode in, bijvoorbeeld 1234 AB." in html
    assert "Een KvK-nummer bestaat uit 8 cijfers" in html
    assert 'value="Typed-City"' in html and 'value="99"' in html
    statement = Statement.objects.get(organisation=organisation)
    assert statement.answers == before and statement.revision == 0


def test_a_row_error_is_shown_at_the_field_of_that_row(logged_in, organisation):
    data = step_data("verwerkingen", answers_of(organisation), pk=organisation.pk, revision=0)
    data["verwerkingen-1-legal_basis"] = "legitimate_interests"
    data["verwerkingen-1-legitimate_interest"] = ""
    response = logged_in.post(url(organisation, "verwerkingen"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_verwerkingen-1-legitimate_interest"' in html
    assert "Dit veld is verplicht bij uw keuze hierboven." in html


def test_rows_can_be_added_and_removed(logged_in, organisation):
    data = step_data("diensten", answers_of(organisation), pk=organisation.pk, revision=0)
    data |= {"diensten-TOTAL_FORMS": "2", "diensten-1-name": "Nieuwe app", "diensten-1-kind": "app"}
    logged_in.post(url(organisation, "diensten"), data)
    assert [s["name"] for s in answers_of(organisation)["services"]] == ["ipcall.me", "Nieuwe app"]
    data = step_data("diensten", answers_of(organisation), pk=organisation.pk, revision=1)
    data["diensten-0-DELETE"] = "on"
    logged_in.post(url(organisation, "diensten"), data)
    assert [s["name"] for s in answers_of(organisation)["services"]] == ["Nieuwe app"]


def test_recipients_are_linked_to_the_activities_that_use_them(logged_in, organisation):
    answers = answers_of(organisation)
    data = step_data("ontvangers", answers, pk=organisation.pk, revision=0)
    data["ontvangers-0-activities"] = ["nieuwsbrief"]  # ICT-leverancier only for the newsletter
    logged_in.post(url(organisation, "ontvangers"), data)
    activities = {a["id"]: a["recipients"] for a in answers_of(organisation)["activities"]}
    assert activities["nieuwsbrief"] == ["ict"]
    assert "ict" not in activities["account"]


def test_conditional_steps_follow_the_saved_answers(logged_in, organisation):
    assert logged_in.get(url(organisation, "doorgifte")).status_code == 200
    answers = answers_of(organisation)
    data = step_data("ontvangers", answers, pk=organisation.pk, revision=0)
    data["ontvangers-2-country"] = "IE"  # Google moves into the EEA: no transfer step any more
    response = logged_in.post(url(organisation, "ontvangers"), data)
    assert response["Location"] == url(organisation, "cookies")
    assert logged_in.get(url(organisation, "doorgifte")).status_code == 302


def test_a_new_browser_resumes_after_the_last_saved_step(owner, organisation):
    first = Client()
    first.force_login(owner.user)
    first.post(
        url(organisation, "contact"),
        step_data("contact", answers_of(organisation), pk=organisation.pk, revision=0),
    )
    other_browser = Client()
    assert form_login(other_browser, owner.user.username, PASSWORD)
    response = other_browser.get(reverse("wizard:start", args=[organisation.pk]))
    assert response["Location"] == url(organisation, "diensten")


def test_two_tabs_get_a_conflict_instead_of_a_silent_overwrite(logged_in, organisation):
    answers = answers_of(organisation)
    tab_one = step_data("organisatie", answers, pk=organisation.pk, revision=0)
    tab_two = step_data("organisatie", answers, pk=organisation.pk, revision=0)
    tab_one["organisatie-city"] = "Eerste"
    tab_two["organisatie-city"] = "Tweede"
    assert logged_in.post(url(organisation, "organisatie"), tab_one).status_code == 302
    response = logged_in.post(url(organisation, "organisatie"), tab_two)
    html = response.content.decode()
    assert response.status_code == 200
    assert "intussen in een ander venster of door een collega gewijzigd" in html
    assert 'value="Tweede"' in html  # what the second tab typed is still on screen
    assert answers_of(organisation)["controller"]["city"] == "Eerste"


def test_saving_and_going_back_keeps_the_input(logged_in, organisation):
    data = step_data("contact", answers_of(organisation), pk=organisation.pk, revision=0)
    data |= {
        "contact-contact_hours": "altijd",
        "contact-contact_hours__en": "always",
        "wizard_goto_step": "organisatie",
    }
    response = logged_in.post(url(organisation, "contact"), data)
    assert response["Location"] == url(organisation, "organisatie")
    assert answers_of(organisation)["controller"]["contact_hours"] == {
        "nl": "altijd",
        "en": "always",
    }


@pytest.mark.parametrize(
    "tamper",
    [
        {"wizard_{pk}-current_step": "nonexistent"},
        {"wizard_{pk}-current_step": None},
        {"revision": None},
        {"revision": "abc"},
    ],
)
def test_tampered_posts_are_refused_with_400(logged_in, organisation, tamper):
    data = step_data("organisatie", answers_of(organisation), pk=organisation.pk, revision=0)
    for key, value in tamper.items():
        key = key.format(pk=organisation.pk)
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    assert logged_in.post(url(organisation, "organisatie"), data).status_code == 400
    assert Statement.objects.get(organisation=organisation).revision == 0


def test_an_unknown_step_in_the_url_goes_to_the_first_step(logged_in, organisation):
    response = logged_in.get(url(organisation, "bestaat-niet"))
    assert response.status_code == 302 and response["Location"] == url(organisation, "organisatie")


def test_posts_need_a_csrf_token(owner, organisation):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner.user)
    data = step_data("organisatie", answers_of(organisation), pk=organisation.pk, revision=0)
    assert client.post(url(organisation, "organisatie"), data).status_code == 403


def test_the_review_shows_the_statement_and_its_actions(logged_in, organisation):
    html = logged_in.get(url(organisation, "controle")).content.decode()
    assert "ipcall.me B.V." in html and "Autoriteit Persoonsgegevens" in html
    assert reverse("statements:download", args=[organisation.pk, "pdf"]) in html
    assert reverse("statements:publish", args=[organisation.pk]) in html
    assert "Nog niet ingevuld:" in html  # nothing was saved through the wizard yet


def test_answers_typed_as_markup_are_escaped_in_the_review(logged_in, organisation):
    data = step_data("organisatie", answers_of(organisation), pk=organisation.pk, revision=0)
    data["organisatie-about"] = (
        '<script>alert(1)</script>"><link rel=attachment href=file:///etc/passwd>'
    )
    logged_in.post(url(organisation, "organisatie"), data)
    html = logged_in.get(url(organisation, "controle")).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<link rel=attachment" not in html
