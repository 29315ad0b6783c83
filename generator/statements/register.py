"""The verwerkingsregister (Art. 30(1) AVG) from the same Answers as the statement: one row per
processing activity, with the columns of Art. 30(1) a-g. Pure functions plus the XLSX and PDF
writers; the command and the download view call `register_export`."""

import io

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from generator.answers.schema import Answers
from generator.clauses.context import build_context
from generator.clauses.rendering import MAX_DOCUMENT_OUTPUT_CHARS
from generator.documents import pdf
from generator.documents.options import OutputOptions
from generator.lib import dutch

COLUMNS = [
    ("activity", "Verwerking"),
    ("controller", "a. Verwerkingsverantwoordelijke, vertegenwoordiger en FG"),
    ("purpose", "b. Doel"),
    ("basis", "Grondslag"),
    ("subjects", "c. Betrokkenen"),
    ("data", "c. Persoonsgegevens"),
    ("recipients", "d. Ontvangers"),
    ("transfers", "e. Doorgifte buiten de EER en waarborgen"),
    ("retention", "f. Bewaartermijn"),
    ("security", "g. Beveiligingsmaatregelen"),
]
NONE = "geen"


def _controller(ctx: dict) -> str:
    org = ctx["org"]
    parts = [
        ", ".join(
            filter(
                None,
                [
                    org["name"],
                    org["street"],
                    f"{org['postcode'] or ''} {org['city'] or ''}".strip(),
                    org["email"],
                    org["phone"],
                ],
            )
        )
    ]
    if org["representative"]:
        rep = org["representative"]
        parts.append(
            f"Vertegenwoordiger: {rep['name']}, {rep['street'] or ''} {rep['city'] or ''}".strip()
        )
    if ctx["dpo"]["designated"]:
        parts.append(
            "FG: "
            + ", ".join(
                filter(None, [ctx["dpo"]["name"], ctx["dpo"]["email"], ctx["dpo"]["phone"]])
            )
        )
    return "; ".join(parts)


def _retention(activity: dict) -> str:
    kept = activity["retention"]
    parts = []
    if kept["duration"]:
        parts.append(" ".join(filter(None, [kept["duration"], kept["trigger"]])))
    if kept["criterion"]:
        parts.append(kept["criterion"])
    if kept["fiscal"]:
        parts.append(f"administratie: {kept['fiscal_duration']} (fiscale bewaarplicht)")
    if kept["per_category"]:
        parts.append(kept["per_category"])
    return "; ".join(parts) or NONE


def register_rows(answers: Answers) -> list[dict[str, str]]:
    ctx = build_context(answers, "formal")
    recipients = {r["name"]: r for r in ctx["recipients"]}
    security = "; ".join(ctx["security"]["measures"] + ctx["security"]["other"]) or NONE
    rows = []
    for activity in ctx["activities"]:
        used = [recipients[name] for name in activity["recipients"] if name in recipients]
        transfers = [
            f"{r['name']} ({r['country_name']}): {r['mechanism_label'] or 'geen waarborg vastgelegd'}"
            for r in used
            if r["outside_eea"]
        ]
        rows.append(
            {
                "activity": activity["name"],
                "controller": _controller(ctx),
                "purpose": activity["purpose"] or NONE,
                "basis": f"{activity['basis_label']} ({activity['basis_article']})"
                if activity["basis"]
                else NONE,
                "subjects": dutch.format_list(activity["subjects"]) or NONE,
                "data": dutch.format_list(activity["data"] + activity["special"]) or NONE,
                "recipients": "; ".join(
                    f"{r['name']} ({r['role_label']}, {r['country_name']})" for r in used
                )
                or NONE,
                "transfers": "; ".join(transfers) or NONE,
                "retention": _retention(activity),
                "security": security,
            }
        )
    return rows


def register_xlsx(answers: Answers, in_worker: bool = False) -> bytes:
    # in_worker is for the same signature as register_pdf; a workbook is quick to make anywhere.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Verwerkingsregister"
    sheet.append([title for _key, title in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in register_rows(answers):
        sheet.append([row[key] for key, _title in COLUMNS])
        # openpyxl stores a text that starts with "=" as a formula (and Excel runs "+", "-"
        # and "@" as one): every answer is text, so it is stored as text (OWASP, CSV and
        # formula injection).
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    for index, _column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = 38
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# The PDF names the controller and the security measures once, above the table: they are the
# same for every activity, and repeated in sixty rows they made the table ten times longer.
ONCE = ("controller", "security")


def register_print_html(answers: Answers) -> str:
    rows = register_rows(answers)
    html = render_to_string(
        "statements/register_print.html",
        {
            "organisation": answers.controller.legal_name,
            "once": [
                (title, rows[0][key] if rows else NONE) for key, title in COLUMNS if key in ONCE
            ],
            "columns": [(key, title) for key, title in COLUMNS if key not in ONCE],
            "rows": [[row[key] for key, _title in COLUMNS if key not in ONCE] for row in rows],
        },
    )
    # The same cap as the statement's (clauses/rendering.py): what is larger would hold the
    # task worker for minutes.
    if len(html) > MAX_DOCUMENT_OUTPUT_CHARS:
        raise pdf.PdfTooLarge(f"verwerkingsregister: {len(html):,} tekens HTML")
    return html


def register_pdf(answers: Answers, in_worker: bool = False) -> bytes:
    """`in_worker=True` for web requests: the task worker makes the PDF (pdf.html_in_worker)."""
    html = register_print_html(answers)
    if in_worker:
        return pdf.html_in_worker(html, OutputOptions())
    return pdf.render_html(html, OutputOptions())


REGISTER_FORMATS = {
    "xlsx": (register_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": (register_pdf, "application/pdf"),
}
