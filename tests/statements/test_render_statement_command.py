"""python manage.py render_statement: outputs, options, and errors (one line per problem with
its field path, exit status 2, nothing written)."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from tests.conftest import EXAMPLES_DIR, ROOT, missing_facts

EXAMPLE = EXAMPLES_DIR / "ipcall.json"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "render_statement", *args],
        cwd=ROOT,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_it_writes_a_pdf_with_the_facts(tmp_path):
    output = tmp_path / "ipcall.pdf"
    call_command("render_statement", str(EXAMPLE), "--format", "pdf", "--output", str(output))
    text = " ".join(p.extract_text() for p in PdfReader(output).pages)
    assert missing_facts("ipcall", text) == []


@pytest.mark.parametrize(("fmt", "start"), [("html", b"<!doctype html>"), ("md", b"# Privacy")])
def test_it_writes_html_and_markdown(tmp_path, fmt, start):
    output = tmp_path / f"out.{fmt}"
    call_command("render_statement", str(EXAMPLE), "--format", fmt, "--output", str(output))
    assert output.read_bytes().startswith(start)


def test_without_output_it_writes_to_stdout():
    result = run(str(EXAMPLE), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"# Privacy- en cookieverklaring")


def test_the_register_option_overrides_the_file(tmp_path):
    output = tmp_path / "out.md"
    call_command(
        "render_statement",
        str(EXAMPLE),
        "--format",
        "md",
        "--register",
        "informal",
        "--output",
        str(output),
    )
    assert "Jouw rechten" in output.read_text()


def test_the_pdf_variant_option_makes_pdf_a(tmp_path):
    output = tmp_path / "out.pdf"
    call_command(
        "render_statement",
        str(EXAMPLE),
        "--format",
        "pdf",
        "--pdf-variant",
        "pdf/a-3b",
        "--output",
        str(output),
    )
    xmp = (
        PdfReader(io.BytesIO(output.read_bytes()))
        .trailer["/Root"]["/Metadata"]
        .get_object()
        .get_data()
    )
    assert b'pdfaid:part="3"' in xmp


def test_a_bad_file_gets_one_line_per_problem_and_exit_2_and_nothing_is_written(tmp_path):
    data = json.loads(EXAMPLE.read_text())
    data["controller"]["postcode"] = "99"
    data["activities"][0]["legal_basis"] = "whim"
    data["activities"][1]["recipients"] = ["nobody"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    output = tmp_path / "out.pdf"
    output.write_bytes(b"EARLIER VERSION")
    result = run(str(bad), "--format", "pdf", "--output", str(output))
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert lines == [
        "controller.postcode: Vul een Nederlandse postcode in, bijvoorbeeld 1234 AB.",
        "activities.0.legal_basis: Kies een van: 'consent', 'contract', 'legal_obligation', "
        "'vital_interests', 'public_task' of 'legitimate_interests'.",
    ]
    assert output.read_bytes() == b"EARLIER VERSION"
    assert set(tmp_path.iterdir()) == {bad, output}


def test_reference_problems_are_reported_with_their_paths(tmp_path):
    data = json.loads(EXAMPLE.read_text())
    data["activities"][1]["recipients"] = ["nobody"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    result = run(str(bad), "--format", "md")
    assert result.returncode == 2
    assert (
        result.stderr.decode().strip()
        == "activities.1.recipients.0: Er is geen ontvanger met kenmerk 'nobody'."
    )
    assert result.stdout == b""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "(bestand): Geen geldige JSON (regel 1, kolom 2)"),
        ("[]", "(bestand): Verwacht een JSON-object"),
    ],
)
def test_unreadable_files_exit_2(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = run(str(bad), "--format", "html")
    assert result.returncode == 2 and result.stderr.decode().startswith(message)


def test_a_missing_file_exits_2(tmp_path):
    result = run(str(tmp_path / "nope.json"), "--format", "html")
    assert result.returncode == 2 and "Kan " in result.stderr.decode()


def test_an_output_folder_that_does_not_exist_exits_2(tmp_path):
    result = run(str(EXAMPLE), "--format", "html", "--output", str(tmp_path / "no" / "x.html"))
    assert result.returncode == 2 and "--output" in result.stderr.decode()


def test_an_unknown_format_is_refused_by_the_parser():
    result = run(str(EXAMPLE), "--format", "odt")
    assert result.returncode != 0 and b"invalid choice" in result.stderr


def test_the_output_file_appears_whole_or_not_at_all(tmp_path, monkeypatch):
    from generator.statements.management.commands import render_statement

    class FullDisk:
        def __init__(self, fd):
            os.close(fd)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def write(self, data):
            raise OSError("No space left on device")

    output = tmp_path / "out.html"
    output.write_bytes(b"EARLIER VERSION")
    monkeypatch.setattr(render_statement.os, "fdopen", lambda fd, mode: FullDisk(fd))
    with pytest.raises(OSError):
        render_statement.write_atomically(output, b"x" * 10)
    assert output.read_bytes() == b"EARLIER VERSION"
    assert list(tmp_path.iterdir()) == [output]  # no temporary file left behind


def test_a_device_as_output_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        call_command("render_statement", str(EXAMPLE), "--format", "md", "--output", str(fifo))
        assert os.read(reader, 100).startswith(b"# Privacy")
    finally:
        os.close(reader)
    assert fifo.is_fifo()


def test_example_paths_resolve_from_the_project_root():
    assert Path(EXAMPLE).is_file()
