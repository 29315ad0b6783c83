"""Every UI string in the templates is marked for translation (issue 8): the text between tags and
the attributes people read (aria-label, title, placeholder, alt) may hold template variables and
tags, never literal words. Documents and the register follow the statement's language, not the
UI's, and take their words from the clauses, so they are left out."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Rendered in the statement's language from clause texts and labels, not in the UI language.
NOT_UI = {"documents", "statements/register_print.html"}
# Words that are the same in both languages: names, formats, units.
SAME_IN_BOTH = {
    "PDF",
    "HTML",
    "JSON",
    "ZIP",
    "DOCX",
    "AVG",
    "GDPR",
    "Markdown",
    "Word",
    "Excel",
    "FG",
}
SAME_IN_BOTH |= {"Flesch", "Douma", "Brouwer"}  # readability formulas
SAME_IN_BOTH |= {"je"}  # the Dutch form of address itself, as a value to choose
SAME_IN_BOTH |= {"Mailchimp", "Mollie", "TransIP", "Hotjar", "ga", "sessionid"}  # search examples
# The public page's language switch names itself in both languages: a reader who does not read
# the statement's language still finds it.
SAME_IN_BOTH |= {"Taal", "Language"}

WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
# Scripts, styles and code samples (the embed code) are not prose.
SKIP_BLOCKS = re.compile(r"<(script|style|pre|code|textarea)\b.*?</\1>|<!--.*?-->", re.S)
TAG = re.compile(r"<[^>]*>|&#?\w+;", re.S)
READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"')


def ui_templates() -> list[Path]:
    found = []
    for path in sorted(TEMPLATES.rglob("*")):
        relative = path.relative_to(TEMPLATES).as_posix()
        if (
            path.suffix not in {".html", ".txt"}
            or relative.split("/")[0] in NOT_UI
            or relative in NOT_UI
        ):
            continue
        found.append(path)
    return found


def unmarked_words(source: str) -> list[str]:
    """Literal words in a template, outside {% translate %} and {% blocktranslate %}."""
    text_parts, depth = [], 0
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0]
            depth += name in {"blocktranslate", "blocktrans", "comment"}
            depth -= name in {"endblocktranslate", "endblocktrans", "endcomment"}
            text_parts.append(" ")
        elif token.token_type == TokenType.TEXT and not depth:
            text_parts.append(token.contents)
        elif token.token_type == TokenType.VAR:
            text_parts.append(" ")
    html = SKIP_BLOCKS.sub(" ", "".join(text_parts))
    readable = [*READ_ATTRIBUTES.findall(html), TAG.sub(" ", html)]
    return [word for part in readable for word in WORD.findall(part) if word not in SAME_IN_BOTH]


def test_the_scanner_finds_an_unmarked_word():
    assert unmarked_words('<p title="Hallo">{% translate "Goed" %} Fout {{ x }}</p>') == [
        "Hallo",
        "Fout",
    ]
    assert unmarked_words("{% blocktranslate %}Goed{% endblocktranslate %} {# notitie #}") == []


@pytest.mark.parametrize(
    "path", ui_templates(), ids=lambda path: path.relative_to(TEMPLATES).as_posix()
)
def test_template_has_no_unmarked_text(path):
    assert unmarked_words(path.read_text()) == []
