import pytest
from django.test import Client

from tests.security.live import (  # noqa: F401
    _prepared_installation,
    installation,
    installation_on_suite_database,
)


@pytest.fixture(autouse=True)
def no_server_error(request, monkeypatch):
    """Every request the attack suite makes through Django's test client: none may answer with
    a 5xx (issue 17, "5xx seen under the attack suite: 0"). A test that means to see one (a PDF
    still being made is a 503 with Retry-After) says so with @pytest.mark.allow_5xx. The live
    tests (gunicorn) check each answer's status themselves."""
    seen: list[tuple[str, int]] = []
    original = Client.request

    def recorded(self, **environ):
        response = original(self, **environ)
        if response.status_code >= 500:
            seen.append((environ.get("PATH_INFO", "?"), response.status_code))
        return response

    monkeypatch.setattr(Client, "request", recorded)
    yield
    if request.node.get_closest_marker("allow_5xx") is None:
        assert seen == [], f"server errors under attack: {seen}"
