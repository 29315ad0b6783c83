"""The Content Security Policy (issue 10): `default-src 'self'`, no inline script anywhere, and
the templates written so that nothing needs one. The browser side (no page of the end-to-end
flows has anything refused) is checked by tests/e2e/conftest.py."""

import base64
import hashlib
import re

import pytest
from django.conf import settings
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.documents import html as html_output
from generator.documents.options import OutputOptions
from generator.statements.exports import statement_document
from tests.conftest import ROOT, example_data

pytestmark = pytest.mark.django_db

# Rendered for WeasyPrint only, never served to a browser.
PRINT_ONLY = {"documents/print.html", "statements/register_print.html"}
# Its one <style> is allowed by hash (documents/page.html; test below).
STANDALONE = {"documents/page.html"}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}


def response_header_words(directives: dict[str, list[str]]) -> set[str]:
    return {word for words in directives.values() for word in words}


@pytest.mark.parametrize(
    "url",
    [reverse("public:home"), reverse("login"), reverse("public:example", args=["ipcall"])],
)
def test_every_page_carries_the_policy(client, url):
    directives = policy(client.get(url))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response_header_words(directives)


def test_the_standalone_pages_inline_stylesheet_is_the_one_allowed_by_hash():
    document = statement_document(parse_answers(example_data("qlinx")))
    page = html_output.render(document, OutputOptions()).decode()
    [style] = re.findall(r"<style>(.*?)</style>", page, re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" == settings.STATEMENT_CSS_HASH


def served_templates():
    for path in sorted((ROOT / "templates").rglob("*.html")):
        name = path.relative_to(ROOT / "templates").as_posix()
        if name not in PRINT_ONLY:
            yield name, path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "source"), list(served_templates()), ids=lambda v: v[:40])
def test_no_template_needs_inline_script_or_style(name, source):
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", source), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", source), "event handler attribute"
    assert "javascript:" not in source
    assert not re.search(r"\sstyle\s*=", source), "style attribute"
    if name not in STANDALONE:
        assert "<style" not in source, "<style> element"
