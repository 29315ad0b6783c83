"""The one access helper: every view that shows or changes an organisation goes through it,
and an outsider gets 404, never a hint that the object exists (design.md, invariant 5)."""

from django.shortcuts import get_object_or_404

from generator.statements.models import Organisation


def get_organisation_for_user(user, pk: int) -> Organisation:
    queryset = Organisation.objects.for_user(user).select_related("statement", "workspace")
    return get_object_or_404(queryset, pk=pk)
