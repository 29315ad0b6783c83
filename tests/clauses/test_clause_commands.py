import subprocess
import sys

import pytest
from django.core.management import call_command

from generator.clauses.models import ClauseRevision, ClauseTemplate
from tests.conftest import ROOT

DEFAULTS = ROOT / "generator" / "clauses" / "defaults" / "nl"


def validate(path, key="klacht") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "validate_clause", str(path), "--key", key, "--language", "nl"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_a_default_clause_file_validates(tmp_path):
    result = validate(DEFAULTS / "120-klacht.html")
    assert result.returncode == 0 and "zou worden geaccepteerd" in result.stdout


def test_a_body_only_file_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "body.html"
    path.write_text("<p>{{ org.__class__ }}</p>")
    result = validate(path)
    assert result.returncode == 1 and "niet toegestaan" in result.stderr


def test_a_key_that_does_not_match_the_file_is_refused():
    result = validate(DEFAULTS / "120-klacht.html", key="contact")
    assert result.returncode == 1 and "past niet" in result.stderr


@pytest.mark.django_db
def test_load_export_and_import_commands(tmp_path, capsys):
    call_command("load_clauses")
    call_command("load_clauses")
    files = len(list(DEFAULTS.glob("*.html"))) + len(list((DEFAULTS.parent / "en").glob("*.html")))
    assert ClauseRevision.objects.count() == ClauseTemplate.objects.count() == files
    call_command("export_clauses", str(tmp_path))
    path = tmp_path / "nl" / "120-klacht.html"
    path.write_text(path.read_text().replace("Laat het ons weten", "Meld het ons"))
    call_command("import_clauses", str(tmp_path), "--note", "review")
    assert ClauseRevision.objects.filter(
        template__key="klacht", template__language="nl", number=2, note="review"
    ).exists()
    path.write_text(path.read_text() + "{% if %}")
    with pytest.raises(SystemExit) as caught:
        call_command("import_clauses", str(tmp_path))
    assert caught.value.code == 2 and "nl/klacht" in capsys.readouterr().err
