"""factory_boy factories (style.md, habit 9)."""

import factory
from django.contrib.auth import get_user_model

from generator.accounts.models import Membership, Workspace
from generator.statements.models import Organisation, Statement

PASSWORD = "Sterk-wachtwoord-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@example.nl")
    email = factory.SelfAttribute("username")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace

    name = factory.Sequence(lambda n: f"Werkruimte {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workspace = factory.SubFactory(WorkspaceFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.OWNER


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Organisatie {n} B.V.")
    statement = factory.RelatedFactory(
        "tests.factories.StatementFactory", factory_related_name="organisation"
    )


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    answers = factory.LazyAttribute(lambda s: {"controller": {"legal_name": s.organisation.name}})
