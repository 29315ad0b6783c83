"""Faults (issue 10; notes/security.md, tests 12, 13, 19, 20): a killed web server, a killed
task worker, a double submit, an expired session. The first two run the real processes
(gunicorn and db_worker, production settings) on a SQLite file in a temporary folder and kill
them with SIGKILL."""

import io
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from generator.statements.models import StatementVersion
from generator.statements.services import organisation_create
from tests.conftest import ROOT, example_data
from tests.factories import MembershipFactory
from tests.security.live import User, database, form_fields, gunicorn, kill, manage, start

PYTHON = sys.executable


def test_a_killed_server_loses_no_saved_step(installation):
    server = gunicorn(installation)
    base = "http://" + installation["GUNICORN_BIND"]
    user = User(base)
    try:
        user.log_in("demo", "demo-wachtwoord-2026")
        [(pk,)] = (
            database(installation)
            .execute("select id from statements_organisation order by id limit 1")
            .fetchall()
        )
        step = f"/organisaties/{pk}/wizard/organisatie/"
        _, page = user.get(step)
        fields = [(k, "Kilwinning" if k == "organisatie-city" else v) for k, v in form_fields(page)]
        assert user.post(step, fields)[0] == 302
    finally:
        kill(server)  # between two steps, with no warning
    server = gunicorn(installation)
    try:
        # The same browser (its session is in the database) goes on where it was: the next step.
        _, page = user.get(step)
        assert 'value="Kilwinning"' in page
        try:
            user.saver.open(f"{base}/organisaties/{pk}/wizard/", timeout=30)
        except urllib.error.HTTPError as redirect:
            assert redirect.headers["Location"].endswith("/wizard/contact/")
        else:
            pytest.fail("the wizard did not send the user on")
    finally:
        kill(server)
    connection = database(installation)
    assert connection.execute("pragma integrity_check").fetchone() == ("ok",)
    [(answers,)] = connection.execute(
        "select answers from statements_statement where organisation_id = ?", (pk,)
    ).fetchall()
    assert json.loads(answers)["controller"]["city"] == "Kilwinning"


def test_a_worker_killed_mid_batch_leaves_no_half_file_and_the_batch_finishes(installation):
    batch = manage(installation, "shell", "-c", """
from datetime import timedelta
from django.utils import timezone
from generator.statements.models import BatchExport, Organisation
from generator.statements.services import organisation_create, statement_publish
from generator.statements.tasks import batch_export_start
demo = list(Organisation.objects.select_related("statement", "workspace"))
for number in range(5):
    original = demo[number % 3]
    answers = original.statement.answers
    answers = answers | {"controller": answers["controller"] | {"legal_name": f"Klant {number}"}}
    organisation_create(workspace=original.workspace, name=f"Klant {number}", answers=answers)
organisations = list(Organisation.objects.all())
for organisation in organisations:
    statement_publish(statement=organisation.statement, user=None, acknowledge_blocking=True)
user = demo[0].workspace.memberships.first().user
batch = BatchExport.objects.create(user=user, total=len(organisations),
                                   expires_at=timezone.now() + timedelta(hours=1))
batch.organisations.set(organisations)
batch_export_start(batch)
print(batch.pk, batch.token)
""").strip().splitlines()[-1]  # fmt: skip
    batch_id, token = batch.split()
    media = Path(installation["MEDIA_ROOT"])
    connection = database(installation)

    def progress() -> tuple[str, int, int]:
        return connection.execute(
            "select status, done, total from statements_batchexport where id = ?", (batch_id,)
        ).fetchone()

    worker_command = [PYTHON, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay",
                      "--no-reload"]  # fmt: skip
    worker = start(worker_command, installation)
    deadline = time.monotonic() + 60
    while progress()[1] < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    kill(worker)  # while it renders the next client
    status, done, total = progress()
    assert status == "running" and 2 <= done < total
    assert not (media / "exports").exists() or not list((media / "exports").iterdir())
    for made in (media / "pdf-cache").glob("*.pdf"):
        assert len(PdfReader(made).pages) > 1  # every PDF under a finished name is whole

    # A new worker, and the batch resumed (as the export page does once it sees no progress).
    assert "1 exports hervat." in manage(installation, "resume_batches", "--stalled-after", "0")
    subprocess.run([*worker_command, "--batch"], cwd=ROOT, env=installation, timeout=120,
                   check=True, capture_output=True)  # fmt: skip
    assert progress() == ("done", total, total)
    archive = zipfile.ZipFile(media / "exports" / f"{token}.zip")
    manifest = json.loads(archive.read("manifest.json"))
    assert [row["status"] for row in manifest] == ["ok"] * total
    for name in archive.namelist():
        if name.endswith(".pdf"):
            first_page = PdfReader(io.BytesIO(archive.read(name))).pages[0].extract_text()
            assert "pagina 1 van" in first_page


@pytest.mark.django_db
def test_a_double_submitted_publish_makes_one_version(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    organisation = organisation_create(
        workspace=owner.workspace, name="Dubbel", answers=example_data("qlinx")
    )
    url = reverse("statements:publish", args=[organisation.pk])
    for _ in range(2):
        assert client.post(url)["Location"].endswith("/wizard/controle/")
    assert StatementVersion.objects.filter(statement__organisation=organisation).count() == 1


@pytest.mark.django_db
def test_an_expired_session_resumes_from_the_saved_draft(client):
    owner = MembershipFactory()
    organisation = organisation_create(
        workspace=owner.workspace, name="Verlopen", answers=example_data("qlinx")
    )
    client.force_login(owner.user)
    client.get(reverse("wizard:step", args=[organisation.pk, "contact"]))
    client.session.flush()  # the session expires mid-wizard
    start_url = reverse("wizard:start", args=[organisation.pk])
    assert "/account/login/" in client.get(start_url)["Location"]
    client.force_login(owner.user)
    page = client.get(start_url, follow=True).content.decode()
    legal_name = organisation.statement.answers["controller"]["legal_name"]
    assert f'value="{legal_name}"' in page  # the saved draft, in the form
