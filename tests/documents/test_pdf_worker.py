"""PDFs for web requests are made by the task worker, never in the web process (issue 9): a
cached PDF is served at once; otherwise the request waits for the worker, and says "try again"
(503) when the worker is too slow or absent, or that it failed, instead of a server error."""

import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django_tasks import default_task_backend

from generator.documents import pdf
from generator.documents.tasks import render_pdf

pytestmark = pytest.mark.django_db

EXAMPLE_PDF = reverse("public:example_file", args=["ipcall", "pdf"])


@pytest.fixture
def no_worker(settings, monkeypatch):
    """A queue nobody works on, and WeasyPrint forbidden in this (the web) process."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.PDF_WAIT_SECONDS = 0
    monkeypatch.setattr(pdf, "render_html", lambda *a, **k: pytest.fail("rendered in the web"))
    default_task_backend.clear()
    return default_task_backend


def test_without_a_worker_the_user_is_asked_to_try_again(client, no_worker):
    response = client.get(EXAMPLE_PDF)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "De PDF wordt nog gemaakt" in response.content.decode()
    [queued] = no_worker.results
    assert queued.task.name == render_pdf.name and "ipcall.me B.V." in queued.args[0]


def test_once_the_worker_has_made_it_the_download_is_served(client, no_worker, monkeypatch):
    client.get(EXAMPLE_PDF)
    [queued] = no_worker.results
    monkeypatch.undo()  # the worker process may use WeasyPrint
    path = render_pdf.call(*queued.args)
    response = client.get(EXAMPLE_PDF)
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert path.startswith("pdf-cache/") and len(no_worker.results) == 1  # nothing queued again


def test_a_pdf_the_worker_cannot_make_gives_a_clear_page(client, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("font missing")

    monkeypatch.setattr(pdf, "render_html", broken)
    response = client.get(EXAMPLE_PDF)
    assert response.status_code == 500
    assert "De PDF kon niet worden gemaakt" in response.content.decode()


def test_the_other_formats_do_not_wait_for_a_worker(client, no_worker):
    response = client.get(reverse("public:example_file", args=["ipcall", "md"]))
    assert response.status_code == 200 and no_worker.results == []


def test_a_web_process_never_loads_weasyprint():
    # Importing every URL's views (what a gunicorn worker does) must not import WeasyPrint.
    code = (
        "import django, sys; django.setup(); import generator.urls, generator.wsgi; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        "print('weasyprint' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin"},
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False", result.stderr


def test_the_pdf_module_names_the_fetchers_static_folder():
    from generator.documents import fetcher

    assert pdf.STATIC_DIR == fetcher.STATIC_DIR


@pytest.mark.parametrize(
    "name",
    ["example", "draft", "version", "public version", "register"],
)
def test_no_pdf_download_renders_in_the_web_process(client, no_worker, name):
    from generator.statements.services import organisation_create, statement_publish
    from tests.conftest import example_data
    from tests.factories import MembershipFactory

    owner = MembershipFactory()
    client.force_login(owner.user)
    organisation = organisation_create(
        workspace=owner.workspace, name="Web", answers=example_data("qlinx")
    )
    statement_publish(statement=organisation.statement, user=None)
    pk, public_id = organisation.pk, organisation.public_id
    url = {
        "example": EXAMPLE_PDF,
        "draft": reverse("statements:download", args=[pk, "pdf"]),
        "version": reverse("statements:version_download", args=[pk, 1, "pdf"]),
        "public version": reverse("public:download", args=[public_id, 1, "pdf"]),
        "register": reverse("statements:register", args=[pk, "pdf"]),
    }[name]
    assert client.get(url).status_code == 503  # queued for the worker, never made here
    assert [result.task.name for result in no_worker.results] == [render_pdf.name]
