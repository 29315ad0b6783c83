import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from generator.accounts.management.commands.load_demo import DEMO_PASSWORD, DEMO_USERNAME
from generator.statements.models import Organisation
from generator.wizard.steps import required_steps


@pytest.mark.django_db
def test_it_creates_the_demo_account_once(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    assert get_user_model().objects.filter(username=DEMO_USERNAME).count() == 1
    request = RequestFactory().post("/account/login/")
    user = authenticate(request, username=DEMO_USERNAME, password=DEMO_PASSWORD)
    assert user is not None
    names = set(Organisation.objects.for_user(user).values_list("name", flat=True))
    assert names == {"ipcall.me B.V.", "Media IP B.V.", "Qconferencing B.V."}
    assert all(o.statement.answers["activities"] for o in Organisation.objects.for_user(user))
    # A demo is finished: every step it answers shows as done, the dashboard says "compleet".
    for organisation in Organisation.objects.for_user(user):
        statement = organisation.statement
        assert statement.completed_steps == required_steps(statement.answers)
        assert statement.complete and statement.state == "complete"


@pytest.mark.django_db
def test_it_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()
