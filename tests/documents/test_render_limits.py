"""Work one request can make expensive (issue 17): the register PDF is under the statement's cap,
every PDF render has a CPU-time limit of its own, and asking again for a PDF that is queued,
running or failed a moment ago never queues another render of it."""

import json

import pytest
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from generator.answers.loading import parse_answers
from generator.documents import pdf
from generator.documents.options import OutputOptions
from generator.statements import register
from generator.statements.exports import statement_document
from generator.statements.services import organisation_create
from tests.conftest import example_data, load_example
from tests.factories import MembershipFactory
from tests.security.test_sizes import largest

pytestmark = pytest.mark.django_db


def test_the_register_pdf_names_the_controller_and_the_security_measures_once():
    answers = load_example("qlinx")
    html = register.register_print_html(answers)
    controller = register.register_rows(answers)[0]["controller"]
    assert html.count(controller) == 1  # above the table, not in every row
    assert html.count("g. Beveiligingsmaatregelen") == 1
    assert html.count("<tr>") == len(answers.activities) + 1  # the header and one per activity
    text = "".join(page.extract_text() for page in PdfReader(_pdf(html)).pages)
    assert "Voor elke verwerking hieronder geldt" in text


def _pdf(html: str):
    import io

    return io.BytesIO(pdf.render_html(html, OutputOptions()))


def test_the_largest_register_allowed_is_within_the_statements_cap():
    data = largest()
    for activity in data["activities"]:
        activity["purpose"] = "Een lange omschrijving van het doel. " * 130
    html = register.register_print_html(parse_answers(data))
    assert len(html) < register.MAX_DOCUMENT_OUTPUT_CHARS


@pytest.fixture
def owner(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    organisation = organisation_create(
        workspace=membership.workspace, name="Qlinx", answers=example_data("qlinx")
    )
    return organisation


def test_a_register_past_the_cap_is_refused_with_a_page_not_rendered(client, owner, monkeypatch):
    monkeypatch.setattr(register, "MAX_DOCUMENT_OUTPUT_CHARS", 1000)
    monkeypatch.setattr(pdf, "render_html", lambda *a, **k: pytest.fail("rendered anyway"))
    response = client.get(reverse("statements:register", args=[owner.pk, "pdf"]))
    assert response.status_code == 413
    assert "Deze PDF wordt te groot" in response.content.decode()
    xlsx = client.get(reverse("statements:register", args=[owner.pk, "xlsx"]))
    assert xlsx.status_code == 200  # the spreadsheet has no layout to wait for


def test_a_render_past_its_cpu_time_limit_stops_and_the_next_render_works(settings):
    html = pdf.print_html(statement_document(parse_answers(largest())))
    settings.PDF_RENDER_SECONDS = 0.05
    with pytest.raises(pdf.PdfTooSlow):
        pdf.render_html(html, OutputOptions())
    settings.PDF_RENDER_SECONDS = 60
    small = pdf.print_html(statement_document(load_example("ipcall")))
    assert pdf.render_html(small, OutputOptions()).startswith(b"%PDF-")


def test_a_download_whose_render_is_too_slow_gets_the_too_large_page(client, owner, settings):
    settings.PDF_RENDER_SECONDS = 0.01  # the immediate backend renders in this request
    response = client.get(reverse("statements:download", args=[owner.pk, "pdf"]))
    assert response.status_code == 413
    assert "Deze PDF wordt te groot" in response.content.decode()


@pytest.fixture
def queue(settings):
    """The database queue as in production, with no worker running, and no wait."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PDF_WAIT_SECONDS = 0
    return DBTaskResult.objects.filter(task_path="generator.documents.tasks.render_pdf")


def test_asking_again_waits_for_the_render_already_queued(client, owner, queue):
    url = reverse("statements:register", args=[owner.pk, "pdf"])
    for _ in range(4):  # a user who presses "try again"
        assert client.get(url).status_code == 503
    assert queue.count() == 1
    statement = reverse("statements:download", args=[owner.pk, "pdf"])
    assert client.get(statement).status_code == 503
    assert queue.count() == 2  # another PDF has a render of its own


def test_a_render_that_failed_a_moment_ago_is_not_queued_again(client, owner, queue):
    url = reverse("statements:register", args=[owner.pk, "pdf"])
    client.get(url)
    [row] = queue
    # What the worker records when the render passed its time limit.
    queue.filter(pk=row.pk).update(
        status=TaskResultStatus.FAILED,
        exception_class_path="generator.documents.pdf.PdfTooSlow",
        traceback="PdfTooSlow",
        finished_at=row.enqueued_at,
    )
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 413 and "te groot" in response.content.decode()
    assert queue.count() == 1


def test_the_queued_render_carries_the_key_it_is_found_by(client, owner, queue):
    client.get(reverse("statements:register", args=[owner.pk, "pdf"]))
    [row] = queue
    html, variant, key = row.args_kwargs["args"]
    assert key == pdf.cache_key(html, OutputOptions(pdf_variant=variant))
    assert json.dumps(row.args_kwargs)  # stored as plain JSON
