import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES_DIR, ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check_statement", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_an_example_passes_with_exit_0():
    result = run(str(EXAMPLES_DIR / "qlinx.json"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Score 100/100: 0 blokkerend")
    assert "Flesch-Douma" in result.stdout


def test_blocking_findings_exit_1_and_are_listed_with_path_and_article(tmp_path):
    data = json.loads((EXAMPLES_DIR / "qlinx.json").read_text())
    data["activities"][0]["legal_basis"] = None
    data["other"]["change_notice"] = []
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data))
    result = run(str(path))
    assert result.returncode == 1
    assert (
        "E R4 activities.0.legal_basis: Kies de grondslag van 'Registratie en gebruik van Qlinx'"
        in result.stdout
    )
    assert "E R25 other.change_notice:" in result.stdout


def test_json_output_and_english_messages(tmp_path):
    data = json.loads((EXAMPLES_DIR / "ipcall.json").read_text())
    data["recipients"][0]["dpa_signed"] = False
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data))
    result = run(str(path), "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["blocking"] == 1
    assert (
        report["findings"][0]["rule"] == "R12"
        and report["readability"]["overall"]["flesch_douma"] > 0
    )
    english = run(str(path), "--language", "en")
    assert "Sign a data processing agreement with" in english.stdout


@pytest.mark.parametrize("content", ["{broken", '{"controller": {"postcode": "99"}}'])
def test_an_invalid_file_exits_2(tmp_path, content):
    path = tmp_path / "a.json"
    path.write_text(content)
    result = run(str(path))
    assert result.returncode == 2 and result.stdout == ""
