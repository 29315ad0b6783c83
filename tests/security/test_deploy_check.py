"""`manage.py check --deploy` with the production settings: zero warnings (issue 10;
notes/security.md, test 18). Runs in CI as part of the suite."""

import secrets
import subprocess
import sys

from tests.conftest import ROOT


def test_the_deploy_check_finds_nothing():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "generator.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "privacy.example.nl",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
