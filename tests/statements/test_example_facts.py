"""Every fact of every example organisation appears in the statement generated from its
answers file: in the HTML page and in the PDF (read back with pypdf), as the facts files'
`how` line prescribes (one regex per fact must match the whitespace-folded plain text)."""

import io

import pytest
from pypdf import PdfReader

from generator.documents.document import plain_text
from generator.statements.exports import statement_export
from tests.conftest import EXAMPLE_SLUGS, example_facts, load_example, missing_facts


@pytest.fixture(scope="module")
def pdf_texts(django_db_setup, django_db_blocker) -> dict[str, str]:
    texts = {}
    with django_db_blocker.unblock():  # the clause library is read once for the module
        for slug in EXAMPLE_SLUGS:
            data = statement_export(load_example(slug), fmt="pdf")
            texts[slug] = " ".join(
                page.extract_text() for page in PdfReader(io.BytesIO(data)).pages
            )
    return texts


def test_there_are_examples_and_facts_for_each():
    assert len(EXAMPLE_SLUGS) >= 3
    assert all(len(example_facts(slug)) > 30 for slug in EXAMPLE_SLUGS)


def test_every_fact_is_in_the_html_page(slug):
    page = statement_export(load_example(slug), fmt="html").decode()
    assert missing_facts(slug, plain_text(page)) == []


def test_every_fact_is_in_the_pdf(slug, pdf_texts):
    assert missing_facts(slug, pdf_texts[slug]) == []


def test_every_fact_is_in_the_markdown(slug):
    text = statement_export(load_example(slug), fmt="md").decode()
    assert missing_facts(slug, text.replace("\\", "")) == []


def test_the_facts_check_fails_when_a_fact_is_missing(slug):
    assert "complaint AP" in missing_facts(slug, "Een tekst zonder de toezichthouder.")


def test_the_example_register_is_the_one_its_facts_expect(slug):
    import json

    from tests.conftest import EXAMPLES_DIR

    expected = json.loads((EXAMPLES_DIR / f"{slug}.facts.json").read_text())["register"]
    assert load_example(slug).document.register.value == expected
