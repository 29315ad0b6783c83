"""The Markdown export is escaped too (issue 17): hostile answers gave raw tags, on*= handlers
and javascript: links in the .md, which any site that renders Markdown with HTML would run.
Every text is escaped; a link survives only to http(s), mailto and tel."""

import re

import pytest
from django.urls import reverse

from generator.answers.loading import parse_answers
from generator.documents.document import Document, Metadata, Section
from generator.documents.markdown import render
from generator.documents.options import OutputOptions
from generator.statements.exports import statement_export
from generator.statements.services import organisation_create, statement_publish
from tests.factories import MembershipFactory
from tests.security.hostile import hostile_answers

# A tag a Markdown renderer would pass on as HTML: a "<" not escaped with a backslash (which
# CommonMark shows as the character itself); <https://…> and <mailto:…> are autolinks.
RAW_TAG = re.compile(r"(?<!\\)<(?!https?://|mailto:|tel:)[a-zA-Z/!?]")
LINK = re.compile(r"(?<!\\)\]\(([^)\s]*)")


def problems(markdown: str) -> list[str]:
    found = [m.group(0) for m in RAW_TAG.finditer(markdown)]
    found += [
        target
        for target in LINK.findall(markdown)
        if not re.match(r"(https?:|mailto:|tel:|#)", target, re.I)
    ]
    return found


@pytest.mark.parametrize("register", ["formal", "informal"])
def test_hostile_answers_give_no_markup_in_the_markdown(register):
    data, injected = hostile_answers()
    assert len(injected) > 40
    markdown = statement_export(parse_answers(data), fmt="md", register=register).decode()
    assert 'alert("xss")' in markdown  # the text is there, as text
    assert problems(markdown) == []


def document(html: str) -> Document:
    return Document(
        metadata=Metadata(organisation="X", title="T", language="nl", register="formal"),
        sections=[Section(key="s", title="S", html=html)],
    )


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "/etc/passwd",
        "../../geheim",
        r"\\host\share",
        "data:text/html,x",
        "file:///etc/passwd",
    ],
)
def test_a_link_to_anything_but_the_web_mail_or_phone_becomes_text(href):
    markdown = render(document(f'<p><a href="{href}">klik</a></p>'), OutputOptions()).decode()
    assert "klik" in markdown and "](" not in markdown


def test_a_safe_link_stays_and_cannot_break_out_of_its_brackets():
    html = '<p><a href="https://voorbeeld.nl/a) <img src=x onerror=alert(1)>">klik</a></p>'
    markdown = render(document(html), OutputOptions()).decode()
    assert "[klik](https://voorbeeld.nl/a%29%20%3Cimg" in markdown
    assert problems(markdown) == []


@pytest.mark.django_db
def test_the_public_markdown_of_a_version_is_escaped(client):
    owner = MembershipFactory()
    data, _ = hostile_answers("qlinx")
    organisation = organisation_create(workspace=owner.workspace, name="Lek", answers=data)
    statement_publish(statement=organisation.statement, user=None, acknowledge_blocking=True)
    url = reverse("public:download", args=[organisation.public_id, 1, "md"])
    response = client.get(url)
    assert response.status_code == 200
    assert (
        problems(b"".join(response).decode() if response.streaming else response.content.decode())
        == []
    )
