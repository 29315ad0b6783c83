"""Batch export: a ZIP of the latest PDFs of the chosen clients, made by a background task
(run immediately in tests), with progress, a manifest that reports failures, and expiry."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from generator.statements.models import BatchExport, StatementVersion
from generator.statements.services import organisation_create, statement_publish
from tests.conftest import example_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    made = []
    for slug in ("ipcall", "qlinx", "facetalk"):
        organisation = organisation_create(
            workspace=owner.workspace, name=slug, answers=example_data(slug)
        )
        statement_publish(statement=organisation.statement, user=None)
        made.append(organisation)
    return owner, made


def start(client, organisations) -> BatchExport:
    response = client.post(
        reverse("statements:batch_new"), {"organisations": [o.pk for o in organisations]}
    )
    batch = BatchExport.objects.latest("pk")
    assert response["Location"] == reverse("statements:batch", args=[batch.token])
    return batch


def test_a_batch_zips_the_latest_pdfs_with_a_manifest(client, setup):
    _owner, organisations = setup
    batch = start(client, organisations[:2])
    status = client.get(reverse("statements:batch_status", args=[batch.token])).json()
    assert (
        status["status"] == "done"
        and status["percent"] == 100
        and status["done"] == 2
        and status["failed"] == []
    )
    response = client.get(status["download"])
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = sorted(archive.namelist())
    assert "manifest.json" in names and len(names) == 3
    pdf = PdfReader(io.BytesIO(archive.read(next(n for n in names if n.startswith("ipcall")))))
    assert "ipcall.me B.V." in pdf.pages[0].extract_text()
    assert [row["status"] for row in json.loads(archive.read("manifest.json"))] == ["ok", "ok"]


def test_one_failing_client_is_reported_and_the_others_still_export(client, setup):
    _owner, organisations = setup
    StatementVersion.objects.filter(statement__organisation=organisations[1]).update(
        document={"broken": True}
    )
    batch = start(client, organisations)
    status = client.get(reverse("statements:batch_status", args=[batch.token])).json()
    assert status["status"] == "done" and [row["organisation"] for row in status["failed"]] == [
        "qlinx"
    ]
    archive = zipfile.ZipFile(
        io.BytesIO(b"".join(client.get(status["download"]).streaming_content))
    )
    assert len([n for n in archive.namelist() if n.endswith(".pdf")]) == 2
    manifest = json.loads(archive.read("manifest.json"))
    assert {row["organisation"]: row["status"] for row in manifest} == {
        "ipcall": "ok",
        "qlinx": "mislukt",
        "facetalk": "ok",
    }


def test_other_peoples_organisations_are_never_exported(client, setup):
    _owner, organisations = setup
    stranger = organisation_create(
        workspace=MembershipFactory().workspace, name="vreemd", answers=example_data("ipcall")
    )
    statement_publish(statement=stranger.statement, user=None)
    batch = start(client, [organisations[0], stranger])
    assert list(batch.organisations.all()) == [organisations[0]]


def test_only_its_maker_sees_a_batch_and_it_expires(client, setup):
    _owner, organisations = setup
    batch = start(client, organisations[:1])
    download = reverse("statements:batch_download", args=[batch.token])
    BatchExport.objects.filter(pk=batch.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(download).status_code == 410
    client.force_login(MembershipFactory().user)
    for name in ("statements:batch", "statements:batch_status", "statements:batch_download"):
        assert client.get(reverse(name, args=[batch.token])).status_code == 404


def test_choosing_nothing_sends_you_back(client, setup):
    response = client.post(reverse("statements:batch_new"), {"organisations": []}, follow=True)
    assert "Kies ten minste één organisatie" in response.content.decode()


def test_expired_zips_are_deleted_by_the_cleanup_command(client, setup):
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    _owner, organisations = setup
    batch = start(client, organisations[:1])
    batch.refresh_from_db()
    assert default_storage.exists(batch.file_name)
    call_command("delete_expired_exports")
    assert default_storage.exists(batch.file_name)  # not expired yet
    BatchExport.objects.filter(pk=batch.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    call_command("delete_expired_exports")
    assert not default_storage.exists(batch.file_name)
    assert BatchExport.objects.get(pk=batch.pk).file_name == ""


def test_each_client_is_its_own_task_and_the_last_to_finish_writes_the_zip(client, setup, settings):
    # One task per client lets every worker process help with one batch (issue 9, item 5).
    from django.core.files.storage import default_storage
    from django_tasks import default_task_backend

    from generator.statements.tasks import batch_export_client

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    _owner, organisations = setup
    batch = start(client, organisations)
    queued = default_task_backend.results
    assert [r.task.name for r in queued] == [batch_export_client.name] * 3
    status = reverse("statements:batch_status", args=[batch.token])
    assert client.get(status).json()["status"] == "queued"
    for result in reversed(queued[1:]):  # workers finish in any order
        batch_export_client.call(*result.args)
    now = client.get(status).json()
    assert (now["status"], now["done"], now["download"]) == ("running", 2, None)
    assert not default_storage.exists(f"exports/{batch.token}.zip")
    batch_export_client.call(*queued[0].args)
    batch_export_client.call(*queued[0].args)  # a task run twice counts once
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.file_name) == ("done", 3, f"exports/{batch.token}.zip")
    archive = zipfile.ZipFile(default_storage.open(batch.file_name))
    # In the order of the clients' names, whichever worker finished first.
    assert [n.split("-")[0] for n in archive.namelist()] == [
        "facetalk",
        "ipcall",
        "qlinx",
        "manifest.json",
    ]


def test_a_client_exported_before_is_read_from_the_pdf_cache(client, setup, monkeypatch):
    from generator.documents import pdf

    _owner, organisations = setup
    start(client, organisations[:2])
    monkeypatch.setattr(pdf, "render_html", lambda *a, **k: pytest.fail("rendered again"))
    batch = start(client, organisations[:2])
    batch.refresh_from_db()
    assert batch.status == "done" and [row["status"] for row in batch.manifest] == ["ok", "ok"]


def test_a_stalled_batch_is_resumed_once_and_a_moving_one_is_left_alone(client, setup, settings):
    from django_tasks import default_task_backend

    from generator.statements.tasks import batch_export_client, batch_export_resume

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    _owner, organisations = setup
    batch = start(client, organisations)
    first, *_lost = default_task_backend.results
    batch_export_client.call(*first.args)  # then the worker dies with the other two
    batch.refresh_from_db()
    assert batch_export_resume(batch, stalled_after=60) == 0  # it moved a moment ago
    BatchExport.objects.filter(pk=batch.pk).update(
        progressed_at=timezone.now() - timedelta(minutes=10)
    )
    batch.refresh_from_db()
    assert batch_export_resume(batch, stalled_after=60) == 2
    assert batch_export_resume(batch, stalled_after=60) == 0  # a second poller does nothing
    for result in default_task_backend.results[3:]:
        batch_export_client.call(*result.args)
    batch.refresh_from_db()
    assert (batch.status, batch.done) == ("done", 3)


def test_the_cleanup_removes_old_temporary_files_only(settings, tmp_path):
    import os
    import time

    from django.core.management import call_command

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    (tmp_path / "pdf-cache").mkdir()
    old, new, done = (tmp_path / "pdf-cache" / n for n in (".a.part", ".b.part", "c.pdf"))
    for path in (old, new, done):
        path.write_bytes(b"x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    call_command("delete_expired_exports")
    assert sorted(p.name for p in (tmp_path / "pdf-cache").iterdir()) == [".b.part", "c.pdf"]


def test_drafts_are_exported_too_and_on_request_instead_of_the_published_version(client, setup):
    owner, organisations = setup
    unpublished = organisation_create(
        workspace=owner.workspace, name="concept", answers=example_data("qlinx")
    )
    # The published ipcall version says one thing; its draft has moved on.
    ipcall = organisations[0]
    answers = ipcall.statement.answers
    answers["controller"]["city"] = "Zwolle"
    ipcall.statement.answers = answers
    ipcall.statement.save(update_fields=["answers"])

    def exported(source: str) -> dict[str, str]:
        response = client.post(
            reverse("statements:batch_new"),
            {"organisations": [ipcall.pk, unpublished.pk], "source": source},
        )
        batch = BatchExport.objects.latest("pk")
        assert response["Location"] == reverse("statements:batch", args=[batch.token])
        status = client.get(reverse("statements:batch_status", args=[batch.token])).json()
        assert status["status"] == "done" and status["failed"] == []
        archive = zipfile.ZipFile(
            io.BytesIO(b"".join(client.get(status["download"]).streaming_content))
        )
        return {
            name: " ".join(
                p.extract_text() for p in PdfReader(io.BytesIO(archive.read(name))).pages
            )
            for name in archive.namelist()
            if name.endswith(".pdf")
        }

    published = exported("published")
    assert sorted(published) == [
        f"concept-{unpublished.pk}-concept.pdf",
        f"ipcall-{ipcall.pk}-v1.pdf",
    ]
    assert "Zwolle" not in published[f"ipcall-{ipcall.pk}-v1.pdf"]
    drafts = exported("drafts")
    assert sorted(drafts) == [
        f"concept-{unpublished.pk}-concept.pdf",
        f"ipcall-{ipcall.pk}-concept.pdf",
    ]
    assert "Zwolle" in drafts[f"ipcall-{ipcall.pk}-concept.pdf"]
