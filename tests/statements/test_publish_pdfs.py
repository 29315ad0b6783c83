"""Publishing a version has the task worker make its PDFs, one per language, so that the first
download is a cache hit; the version list says "wordt gemaakt" only while that render is queued
or running (issue 19). `manage.py prepare_pdfs` does the same for versions published before an
upgrade."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from generator.answers.loading import parse_answers
from generator.documents import pdf
from generator.documents.options import OutputOptions
from generator.documents.tasks import render_pdf
from generator.statements.models import Statement
from generator.statements.services import organisation_create, statement_publish
from tests.conftest import example_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return MembershipFactory()


@pytest.fixture
def statement(owner):
    # ipcall is published in Dutch and in English.
    answers = parse_answers(example_data("ipcall")).model_dump(mode="json")
    organisation = organisation_create(
        workspace=owner.workspace, name="ipcall.me B.V.", answers=answers, user=owner.user
    )
    return Statement.objects.get(organisation=organisation)


@pytest.fixture
def queue(settings):
    """The database queue as in production, with no worker running until a test runs one."""
    settings.PDFS_ON_PUBLISH = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PDF_WAIT_SECONDS = 0
    return DBTaskResult.objects.filter(task_path="generator.documents.tasks.render_pdf")


def cached(version) -> list[str]:
    """The languages of this version whose PDF is in the cache."""
    return [
        language
        for language in version.languages
        if default_storage.exists(
            pdf.cache_path(pdf.print_html(version.as_document(language)), OutputOptions())
        )
    ]


def publish(statement, owner, capture, **kwargs):
    with capture(execute=True):
        return statement_publish(statement=statement, user=owner.user, **kwargs)


def run_worker():
    """What the task worker does with each queued render: make it and mark it done. (The real
    `db_worker` closes the database connection after a task, which the test's transaction on
    PostgreSQL does not survive; tests/security/test_faults.py runs the real one.)"""
    for row in DBTaskResult.objects.filter(status=TaskResultStatus.READY):
        arguments = row.args_kwargs
        render_pdf.call(*arguments["args"], **arguments["kwargs"])
        DBTaskResult.objects.filter(pk=row.pk).update(
            status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now()
        )


def test_publishing_makes_every_language_s_pdf_before_anyone_asks(
    client, owner, statement, queue, django_capture_on_commit_callbacks, monkeypatch
):
    version = publish(statement, owner, django_capture_on_commit_callbacks)
    assert version.languages == ["nl", "en"]
    assert queue.count() == 2 and {row.args_kwargs["kwargs"]["version_id"] for row in queue} == {
        version.pk
    }
    run_worker()
    assert cached(version) == ["nl", "en"]
    # The first download is served from the cache: nothing is rendered or queued for it.
    monkeypatch.setattr(pdf, "render_html", lambda *a, **k: pytest.fail("rendered again"))
    client.force_login(owner.user)
    url = reverse("statements:version_download", args=[statement.organisation.pk, 1, "pdf"])
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    public = reverse("public:download", args=[statement.organisation.public_id, 1, "pdf"])
    assert client.get(public + "?taal=en").status_code == 200
    assert queue.count() == 2


def test_the_version_list_says_wordt_gemaakt_only_while_the_render_runs(
    client, owner, statement, queue, django_capture_on_commit_callbacks
):
    publish(statement, owner, django_capture_on_commit_callbacks)
    client.force_login(owner.user)
    url = reverse("statements:versions", args=[statement.organisation.pk])
    public = reverse("public:statement", args=[statement.organisation.public_id])
    for page in (url, public):
        assert "(wordt gemaakt)" in client.get(page).content.decode()
    run_worker()
    for page in (url, public):
        assert "(wordt gemaakt)" not in client.get(page).content.decode()


def test_a_download_during_that_render_joins_it_instead_of_queueing_another(
    client, owner, statement, queue, django_capture_on_commit_callbacks
):
    publish(statement, owner, django_capture_on_commit_callbacks)
    client.force_login(owner.user)
    url = reverse("statements:version_download", args=[statement.organisation.pk, 1, "pdf"])
    assert client.get(url).status_code == 503  # no worker yet, and no wait in this test
    assert queue.count() == 2


def test_publishing_the_same_again_queues_nothing_more(
    owner, statement, queue, django_capture_on_commit_callbacks
):
    publish(statement, owner, django_capture_on_commit_callbacks)
    publish(statement, owner, django_capture_on_commit_callbacks)  # a double click
    assert queue.count() == 2


def test_a_version_is_published_even_when_its_pdfs_cannot_be_queued(
    owner, statement, queue, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(*_args, **_kwargs):
        raise RuntimeError("queue down")

    monkeypatch.setattr(pdf, "enqueue", broken)
    version = publish(statement, owner, django_capture_on_commit_callbacks)
    assert version.pk and statement.versions.count() == 1
    assert "made at the first download" in caplog.text


def test_without_the_setting_publishing_leaves_pdfs_to_the_first_download(
    owner, statement, queue, settings, django_capture_on_commit_callbacks
):
    settings.PDFS_ON_PUBLISH = False
    publish(statement, owner, django_capture_on_commit_callbacks)
    assert queue.count() == 0


def test_prepare_pdfs_queues_what_the_cache_lacks(
    owner, statement, queue, settings, django_capture_on_commit_callbacks, capsys
):
    settings.PDFS_ON_PUBLISH = False  # versions published before the upgrade
    first = publish(statement, owner, django_capture_on_commit_callbacks)
    second = publish(statement, owner, django_capture_on_commit_callbacks, change_note="Nieuw")
    call_command("prepare_pdfs")
    assert "2 PDF's in de wachtrij gezet." in capsys.readouterr().out
    assert {row.args_kwargs["kwargs"]["version_id"] for row in queue} == {second.pk}
    run_worker()
    assert cached(second) == ["nl", "en"] and cached(first) == []
    call_command("prepare_pdfs", "--all-versions")  # the newest is cached; the first is not
    assert "2 PDF's in de wachtrij gezet." in capsys.readouterr().out


def test_prepare_pdfs_names_a_version_it_cannot_queue_and_fails(
    owner, statement, queue, django_capture_on_commit_callbacks, monkeypatch, settings
):
    settings.PDFS_ON_PUBLISH = False
    publish(statement, owner, django_capture_on_commit_callbacks)

    def broken(*_args, **_kwargs):
        raise RuntimeError("queue down")

    monkeypatch.setattr(pdf, "enqueue", broken)
    with pytest.raises(CommandError, match=r"ipcall\.me B\.V\. v1: queue down"):
        call_command("prepare_pdfs")
