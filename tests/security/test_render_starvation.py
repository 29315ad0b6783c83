"""One user cannot starve the others (issue 17): a register PDF that takes minutes to lay out,
asked for again and again, is rendered once, stopped at its CPU-time limit and then refused at
once, while another user's statement PDF is made. The real processes: gunicorn and one
db_worker, production settings, a SQLite file in a temporary folder."""

import io
import json
import sys
import time
import urllib.error

from pypdf import PdfReader

from tests.security.live import User, database, gunicorn, kill, manage, start
from tests.security.test_sizes import largest

PASSWORD = "lang-genoeg-wachtwoord-2026"

SETUP = """
import json
from generator.accounts.services import account_create
from generator.statements.services import organisation_create
from tests.conftest import example_data
ids = []
for email, answers in (("a@example.nl", json.load(open(BIG))), ("b@example.nl", None)):
    user = account_create(email=email, password="%s")
    workspace = user.memberships.get().workspace
    organisation = organisation_create(
        workspace=workspace, name=email, answers=answers or example_data("qlinx")
    )
    ids.append(organisation.pk)
print(json.dumps(ids))
"""


def _download(user: User, path: str) -> tuple[int, bytes]:
    try:
        with user.opener.open(user.base + path, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_one_users_expensive_register_does_not_starve_anothers_pdf(installation, tmp_path):
    environment = installation | {"PDF_RENDER_SECONDS": "3", "PDF_WAIT_SECONDS": "2"}
    data = largest()
    for activity in data["activities"]:
        activity["purpose"] = "Een lange omschrijving van het doel. " * 130
    (tmp_path / "big.json").write_text(json.dumps(data))
    script = f"BIG = {str(tmp_path / 'big.json')!r}\n" + SETUP % PASSWORD
    output = manage(environment, "shell", "-c", script)
    a_id, b_id = json.loads(output.strip().splitlines()[-1])
    server = gunicorn(environment)
    worker = start(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay",
         "--no-reload"], environment,
    )  # fmt: skip
    base = "http://" + environment["GUNICORN_BIND"]
    a, b = User(base), User(base)
    try:
        a.log_in("a@example.nl", PASSWORD)
        b.log_in("b@example.nl", PASSWORD)
        register = f"/organisaties/{a_id}/verwerkingsregister.pdf"
        statement = f"/organisaties/{b_id}/verklaring.pdf"
        a_answers = [_download(a, register)[0] for _ in range(4)]  # "try again", four times
        b_answer = (503, b"")
        for _ in range(120):  # a retry every half second or so, as a patient user would
            b_answer = _download(b, statement)
            a_answers.append(_download(a, register)[0])
            if b_answer[0] != 503:
                break
            time.sleep(0.5)
        for _ in range(120):
            if a_answers[-1] != 503:
                break
            time.sleep(0.5)
            a_answers.append(_download(a, register)[0])
    finally:
        kill(worker)
        kill(server)
    status, body = b_answer
    assert status == 200 and body.startswith(b"%PDF-"), status
    assert "pagina 1 van" in PdfReader(io.BytesIO(body)).pages[0].extract_text()
    # A is told the register is too large (413), never a server error; never rendered twice.
    assert set(a_answers) <= {503, 413} and a_answers[-1] == 413, a_answers
    rows = (
        database(environment)
        .execute(
            "select args_kwargs from django_tasks_database_dbtaskresult "
            "where task_path = 'generator.documents.tasks.render_pdf'"
        )
        .fetchall()
    )
    keys = [json.loads(args)["args"][2] for (args,) in rows]
    assert len(keys) == len(set(keys)) == 2, len(keys)  # one render of each PDF
