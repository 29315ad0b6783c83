"""Running the real thing for the security tests: a production-like installation in a
temporary folder (migrated database, static files, clauses, the demo account), gunicorn and
task workers as separate processes, and a browser-less user (bench/load.py's)."""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from load import User, form_fields, free_port, manage, server_environment

PYTHON = sys.executable
__all__ = ["User", "form_fields", "manage"]


def make_installation(folder: Path, database_url: str | None = None) -> dict:
    # The production settings, not the tests' (which pytest-django put in the environment).
    environment = server_environment(folder, free_port()) | {
        "WEB_CONCURRENCY": "1",
        "DJANGO_SETTINGS_MODULE": "generator.settings",
    }
    if database_url:
        # Persistent connections, as docs/deployment.md advises for PostgreSQL.
        environment |= {"DATABASE_URL": database_url, "DATABASE_CONN_MAX_AGE": "60"}
    manage(environment, "migrate", "--noinput")
    manage(environment, "collectstatic", "--noinput")
    manage(environment, "load_clauses")
    manage(environment | {"DEBUG": "1"}, "load_demo")
    return environment


@pytest.fixture(scope="session")
def _prepared_installation(tmp_path_factory) -> Path:
    """One SQLite installation made once per run (four manage.py commands, about 15 s); each
    test gets a copy of its database, so what one test does never reaches another."""
    folder = tmp_path_factory.mktemp("installation")
    make_installation(folder)
    return folder


def copy_installation(prepared: Path, folder: Path) -> dict:
    environment = server_environment(folder, free_port()) | {
        "WEB_CONCURRENCY": "1",
        "DJANGO_SETTINGS_MODULE": "generator.settings",
        # The collected static files are only read: shared.
        "STATIC_ROOT": str(prepared / "static"),
    }
    for database_file in prepared.glob("bench.sqlite3*"):
        shutil.copy(database_file, folder / database_file.name)
    return environment


@pytest.fixture
def installation(tmp_path, _prepared_installation):
    return copy_installation(_prepared_installation, tmp_path)


@pytest.fixture
def installation_on_suite_database(tmp_path, _prepared_installation):
    """On SQLite (a file, WAL mode) when the suite runs on SQLite; on a fresh PostgreSQL
    database, dropped afterwards, when the suite runs on PostgreSQL (make test does both)."""
    suite = os.environ.get("DATABASE_URL", "")
    if not suite.startswith("postgres"):
        yield copy_installation(_prepared_installation, tmp_path)
        return
    import psycopg

    name = f"security_{uuid.uuid4().hex[:12]}"
    base = suite.rsplit("/", 1)[0]
    with psycopg.connect(base + "/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_installation(tmp_path, f"{base}/{name}")
    finally:
        with psycopg.connect(base + "/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start(command: list[str], environment: dict) -> subprocess.Popen:
    # A session of its own, so SIGKILL reaches gunicorn's master and its workers at once.
    return subprocess.Popen(
        command, cwd=ROOT, env=environment, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def kill(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def gunicorn(environment: dict) -> subprocess.Popen:
    server = start(
        [str(Path(PYTHON).parent / "gunicorn"), "generator.wsgi", "-c", "gunicorn.conf.py"],
        environment,
    )
    base = "http://" + environment["GUNICORN_BIND"]
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            return server
        except OSError:
            time.sleep(0.1)
    kill(server)
    pytest.fail("gunicorn did not start")


def database(environment: dict):
    import sqlite3

    return sqlite3.connect(environment["DATABASE_URL"].removeprefix("sqlite:///"))
