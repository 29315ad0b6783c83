"""The hostile answers (markup in every free-text field, tests/security/hostile.py) in the two
Office formats (issue 17, "payloads per channel"): the DOCX statement and the XLSX register
carry the markup as text only, with no link outside http(s)/mailto/tel, no embedded object or
imported chunk, and no formula."""

import io
import re
import zipfile
from urllib.parse import urlsplit

import pytest

from generator.answers.loading import parse_answers
from generator.statements.exports import statement_export
from generator.statements.register import register_xlsx
from tests.security.hostile import PAYLOAD, hostile_answers

pytestmark = pytest.mark.django_db

ANSWERS, INJECTED = hostile_answers()
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
ESCAPED = "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;"


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}


def _link_targets(parts: dict[str, str]) -> list[str]:
    return [
        target
        for name, text in parts.items()
        if name.endswith(".rels")
        for target, mode in re.findall(r'Target="([^"]*)"(?: TargetMode="(\w+)")?', text)
        if mode == "External"
    ]


@pytest.mark.parametrize("register", ["formal", "informal"])
def test_the_docx_has_the_markup_as_text_and_no_foreign_link_or_object(register):
    parts = _parts(statement_export(parse_answers(ANSWERS), fmt="docx", register=register))
    body = parts["word/document.xml"]
    texts = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body))
    assert texts.count("&lt;script&gt;") >= 10  # the attack is there, as text
    assert "<script" not in body and "<img" not in body  # never XML of its own
    schemes = {urlsplit(target).scheme.lower() for target in _link_targets(parts)}
    assert schemes <= SAFE_SCHEMES, schemes
    forbidden = ("word/embeddings/", "altChunk", "oleObject", "attachedTemplate", "word/media/")
    for name, text in parts.items():
        assert not any(word in name or word in text for word in forbidden), name


def test_the_register_has_the_markup_as_text_and_no_formula_or_link():
    parts = _parts(register_xlsx(parse_answers(ANSWERS)))
    sheets = "".join(text for name, text in parts.items() if name.startswith("xl/worksheets/"))
    strings = parts.get("xl/sharedStrings.xml", "") + sheets
    assert strings.count(ESCAPED.replace("&quot;", '"')) + strings.count(ESCAPED) >= 5
    assert "<f>" not in sheets and "<f " not in sheets
    assert "hyperlink" not in sheets and _link_targets(parts) == []


def test_the_payload_reached_the_office_outputs_from_every_kind_of_field():
    # The fields above are not a lucky few: names, purposes, retention texts and lists all
    # carry the attack (the same set test_xss.py uses for the pages and the PDF).
    assert len(INJECTED) >= 40 and PAYLOAD
    kinds = {path.split(".")[0] for path in INJECTED}
    assert {"controller", "activities", "recipients", "cookies"} <= kinds
