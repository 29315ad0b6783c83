"""The checked-in gunicorn settings load and recycle workers (docs/deployment.md, issue 9)."""

import runpy
from pathlib import Path

from django.conf import settings
from gunicorn.config import Config

CONFIG = Path(settings.BASE_DIR) / "gunicorn.conf.py"


def load(monkeypatch, **environment) -> Config:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    namespace = runpy.run_path(str(CONFIG))  # as gunicorn reads it: a Python file
    config = Config()
    for name, value in namespace.items():
        if name in config.settings:
            config.set(name, value)  # gunicorn validates each value, as when it starts
    return config


def test_defaults_recycle_workers_with_jitter(monkeypatch):
    config = load(monkeypatch)
    assert config.workers >= 2
    assert config.max_requests == 500 and config.max_requests_jitter == 50
    assert config.bind == ["127.0.0.1:8000"] and config.timeout == 30


def test_environment_overrides(monkeypatch):
    config = load(
        monkeypatch, WEB_CONCURRENCY="3", GUNICORN_MAX_REQUESTS="200", GUNICORN_BIND="0.0.0.0:9000"
    )
    assert config.workers == 3 and config.max_requests == 200 and config.max_requests_jitter == 20
    assert config.bind == ["0.0.0.0:9000"]
