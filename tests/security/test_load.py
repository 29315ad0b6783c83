"""Load (issue 10): 1,000 requests from 16 concurrent clients against gunicorn on 127.0.0.1
with the production settings, on the suite's database (a SQLite file in WAL mode, or
PostgreSQL when make test runs the suite there): every request answered, zero server errors,
zero failed connections. It asserts behaviour, never speed: a machine busy with other work
takes longer and still passes (issue 17). Throughput is measured in bench/load.py."""

import threading
import time
import urllib.error
import urllib.request
from collections import Counter

from tests.security.live import User, database, form_fields, gunicorn, manage, stop

REQUESTS = 1_000
CLIENTS = 16


def organisations(installation) -> tuple[list[int], str]:
    out = manage(installation, "shell", "-c", """
from generator.statements.models import Organisation
from generator.statements.services import statement_publish
first = None
for organisation in Organisation.objects.select_related("statement"):
    statement_publish(statement=organisation.statement, user=None, acknowledge_blocking=True)
    first = first or organisation
print(first.public_id, *Organisation.objects.values_list("pk", flat=True))
""")  # fmt: skip
    public_id, *ids = out.strip().splitlines()[-1].split()
    return [int(pk) for pk in ids], public_id


def test_every_request_is_answered_and_none_with_a_server_error(installation_on_suite_database):
    installation = installation_on_suite_database
    ids, public_id = organisations(installation)
    server = gunicorn(installation | {"WEB_CONCURRENCY": "4"})
    base = "http://" + installation["GUNICORN_BIND"]
    statuses: Counter = Counter()
    failures: list[str] = []
    lock = threading.Lock()
    remaining = [REQUESTS]

    def take() -> bool:
        with lock:
            if remaining[0] <= 0:
                return False
            remaining[0] -= 1
            return True

    def client(number: int) -> None:
        user = User(base)
        user.log_in("demo", "demo-wachtwoord-2026")
        organisation = ids[number % len(ids)]
        # Reads and writes of every kind: public pages, the dashboard, static files, wizard
        # steps (the longest one included) and saves.
        paths = [
            "/", f"/p/{public_id}/", f"/p/{public_id}/fragment/", "/dashboard/",
            "/static/site.css", "/account/login/",
            *(f"/organisaties/{organisation}/wizard/{step}/"
              for step in ("organisatie", "contact", "verwerkingen")),
        ]  # fmt: skip
        turn = 0
        while take():
            path = paths[turn % len(paths)]
            turn += 1
            try:
                status, page = user.get(path)
                with lock:
                    statuses[status] += 1
                if "/wizard/organisatie/" in path and take():  # saved, as the browser would
                    status, _ = user.post(path, form_fields(page))
                    with lock:
                        statuses[status] += 1
            except (urllib.error.URLError, OSError) as error:
                with lock:
                    failures.append(f"{path}: {error}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    started = time.monotonic()
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        stop(server)
    seconds = time.monotonic() - started
    served = sum(statuses.values())
    print(f"{served} requests in {seconds:.0f} s ({served / seconds:.0f}/s): {dict(statuses)}")
    assert failures == []
    assert not [status for status in statuses if status >= 500], statuses
    assert served == REQUESTS  # every request has its answer
    if installation["DATABASE_URL"].startswith("sqlite"):
        assert database(installation).execute("pragma integrity_check").fetchone() == ("ok",)
