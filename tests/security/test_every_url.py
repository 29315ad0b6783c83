"""Every URL that takes an id, for an outsider (issue 10; notes/security.md, test 14): each
named URL with a parameter, in every format and wizard step, answers an outsider exactly as it
answers an id that does not exist (404; 405 for the wrong method), for GET and POST. A new URL
with a parameter fails this test until it is listed here."""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from generator.scanning.models import SiteScan
from generator.statements.models import BatchExport
from generator.statements.services import organisation_create, statement_publish
from generator.wizard.steps import STEPS
from tests.conftest import example_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

# Reached by whoever has the link, by design: a password-reset or invitation token, the public
# statement (an unguessable UUID4), the built-in examples.
PUBLIC = {"password_reset_confirm", "accounts:invitation", "accounts:activate"}
PUBLIC_NAMESPACES = ("public:",)


def named_urls_with_parameters():
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name == "admin":
                    continue
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif pattern.pattern.converters:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, pattern.pattern.converters

    return dict(walk(get_resolver().url_patterns))


def choices(converter) -> list[str]:
    return (re.fullmatch(r"[\w|]+", converter.regex) and converter.regex.split("|")) or []


@pytest.fixture
def world():
    owner, outsider = MembershipFactory(), MembershipFactory()
    organisation = organisation_create(
        workspace=owner.workspace, name="Geheim B.V.", answers=example_data("qlinx")
    )
    statement_publish(statement=organisation.statement, user=None)
    owner_client = Client()
    owner_client.force_login(owner.user)
    owner_client.post(reverse("statements:batch_new"), {"organisations": [organisation.pk]})
    scan = SiteScan.objects.create(organisation=organisation, url="https://www.qlinx.nl/")
    return {
        "organisation": organisation,
        "workspace": owner.workspace,
        "batch": BatchExport.objects.get(),
        "scan": scan,
        "outsider": outsider,
    }


def arguments(name: str, converters: dict, world: dict, real: bool) -> list[dict]:
    """Every combination of the URL's parameters: the owner's real ids, or ids that exist
    nowhere."""
    ids = {
        "pk": (world["workspace"].pk if name.split(":")[1] in ("members", "audit_log")
               else world["organisation"].pk) if real else 999_999,
        "token": world["batch"].token if real else "x" * 40,
        "number": 1,
        "scan_id": world["scan"].pk if real else 999_999,
    }  # fmt: skip
    combos = [{}]
    for key, converter in converters.items():
        if key in ids:
            values = [ids[key]]
        elif key == "step":
            values = [step.name for step in STEPS]
        else:
            values = choices(converter)
        assert values, f"{name}: say in arguments() what to try for <{key}>"
        combos = [combo | {key: value} for combo in combos for value in values]
    return combos


def test_an_outsider_cannot_tell_anothers_object_from_one_that_does_not_exist(world):
    client = Client()
    client.force_login(world["outsider"].user)
    tried = 0
    for name, converters in named_urls_with_parameters().items():
        if name in PUBLIC or name.startswith(PUBLIC_NAMESPACES):
            continue
        assert name.split(":")[0] in ("accounts", "statements", "wizard", "scanning"), name
        for real, missing in zip(
            arguments(name, converters, world, True),
            arguments(name, converters, world, False),
            strict=True,
        ):
            for method in (client.get, client.post):
                answer = method(reverse(name, kwargs=real)).status_code
                nothing = method(reverse(name, kwargs=missing)).status_code
                assert answer == nothing and answer in (404, 405), (name, real, method)
                tried += 1
    print(f"{tried} outsider requests")
    assert tried >= 60
