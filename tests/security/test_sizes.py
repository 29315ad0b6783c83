"""Size (issue 10; notes/security.md, test 7): an answers object cannot ask for a table of
thousands of rows, the largest one allowed still makes a PDF in seconds, and a clause cannot
hand WeasyPrint huge CSS values or deeply nested layouts (its HTML is reduced to the section
vocabulary, without style)."""

import copy

import pytest

from generator.answers import limits
from generator.answers.loading import AnswersError, parse_answers
from generator.documents import pdf
from generator.documents.document import clean_html
from generator.documents.options import OutputOptions
from generator.statements.exports import statement_document
from tests.conftest import example_data


def largest() -> dict:
    """qlinx with every list at its limit."""
    data = example_data("qlinx")
    cookies, recipients, activities = (
        data["cookies"]["items"], data["recipients"], data["activities"],
    )  # fmt: skip
    data["cookies"]["items"] = [
        dict(cookies[i % len(cookies)], name=f"cookie_{i}", activity=None)
        for i in range(limits.COOKIES)
    ]
    data["recipients"] = recipients + [
        dict(recipients[i % len(recipients)], id=f"r{i}", name=f"Ontvanger {i}")
        for i in range(limits.RECIPIENTS - len(recipients))
    ]
    ids = [r["id"] for r in data["recipients"]]
    data["activities"] = [
        dict(activities[i % len(activities)], id=f"a{i}", name=f"Activiteit {i}",
             recipients=ids[i % 90 : i % 90 + 3])
        for i in range(limits.ACTIVITIES)
    ]  # fmt: skip
    return data


@pytest.mark.parametrize(
    ("path", "limit"),
    [("cookies.items", limits.COOKIES), ("activities", limits.ACTIVITIES),
     ("recipients", limits.RECIPIENTS)],
)  # fmt: skip
def test_one_row_more_than_the_limit_is_refused_with_its_path(path, limit):
    data = largest()
    rows = data["cookies"]["items"] if path == "cookies.items" else data[path]
    rows.append(copy.deepcopy(rows[-1]) | ({"id": "extra"} if "id" in rows[-1] else {}))
    with pytest.raises(AnswersError) as refused:
        parse_answers(data)
    assert f"{path}: Te veel: ten hoogste {limit}." in str(refused.value)


@pytest.mark.django_db
def test_the_largest_statement_allowed_still_makes_a_pdf():
    document = statement_document(parse_answers(largest()))  # within every clause output cap
    data = pdf.render_html(pdf.print_html(document), OutputOptions())
    assert data.startswith(b"%PDF-") and len(data) < 2_000_000


def test_clause_html_cannot_carry_css_or_deep_layouts():
    hostile = (
        '<p style="font-size:1e9px">groot</p><style>@page { size: 1e6cm }</style>'
        + '<div style="display:flex">' * 7 + "diep" + "</div>" * 7
        + '<table style="width:1e9px"><tr><td style="padding:1e9px">x</td></tr></table>'
    )  # fmt: skip
    cleaned = clean_html(hostile)
    assert "style" not in cleaned and "1e9" not in cleaned and "1e6cm" not in cleaned
    assert "groot" in cleaned and "diep" in cleaned
