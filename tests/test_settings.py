"""Settings fail loudly on a value they cannot read (style.md, habit 10)."""

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from generator.settings import env_bool, env_int, env_list
from tests.conftest import ROOT


def test_booleans_accept_the_usual_words(monkeypatch):
    for raw, expected in (("1", True), ("yes", True), ("off", False), ("", False)):
        monkeypatch.setenv("X_FLAG", raw)
        assert env_bool("X_FLAG", not expected) is expected


def test_a_typo_in_a_boolean_stops_the_start(monkeypatch):
    monkeypatch.setenv("X_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG", False)


def test_numbers_and_lists(monkeypatch):
    monkeypatch.setenv("X_NUM", "12")
    monkeypatch.setenv("X_LIST", "a.nl, b.nl,")
    assert env_int("X_NUM", 0) == 12 and env_list("X_LIST", []) == ["a.nl", "b.nl"]
    monkeypatch.setenv("X_NUM", "twaalf")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_NUM", 0)


def start(env: dict) -> subprocess.CompletedProcess:
    code = "import django; django.setup(); from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "generator.settings", "PATH": "/usr/bin:/bin", **env},
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = start({"DEBUG": "0"})
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_sqlite_is_the_default_and_database_url_selects_postgresql():
    assert start({"DEBUG": "1"}).stdout.strip() == "django.db.backends.sqlite3"
    result = start({"DEBUG": "1", "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db"})
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_a_sqlite_file_is_shared_safely_between_processes(tmp_path):
    # WAL mode, write lock taken at BEGIN, and a wait instead of "database is locked" (issue 9).
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('pragma journal_mode'); print(c.fetchone()[0]); "
        "print(connection.settings_dict['OPTIONS']['transaction_mode'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "generator.settings",
            "PATH": "/usr/bin:/bin",
            "DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
        },
        timeout=60,
    )
    assert result.stdout.split() == ["wal", "IMMEDIATE"], result.stderr
