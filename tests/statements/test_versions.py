"""Versions: numbered, dated, with a change note and a plain-words list of changes; a diff
between any two; every export of a version made from what was published."""

import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from generator.answers.loading import parse_answers
from generator.documents.document import Document
from generator.statements.changes import describe_changes
from generator.statements.models import AuditEvent, Statement
from generator.statements.services import (
    organisation_create,
    statement_publish,
    statement_save_step,
)
from generator.statements.versions import compare_documents
from tests.conftest import example_data
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return MembershipFactory()


@pytest.fixture
def statement(owner):
    answers = parse_answers(example_data("qlinx")).model_dump(mode="json")
    organisation = organisation_create(
        workspace=owner.workspace, name="Media IP B.V.", answers=answers, user=owner.user
    )
    return Statement.objects.get(organisation=organisation)


def edit(statement, change):
    answers = parse_answers(statement.answers).model_dump(mode="json")
    change(answers)
    return statement_save_step(
        statement=statement,
        revision=statement.revision,
        answers=answers,
        step="verwerkingen",
        required_steps=lambda a: [],
    )


def add_activity(answers):
    answers["activities"].append(
        {
            **answers["activities"][2],
            "id": "enquete",
            "name": {"nl": "Tevredenheidsonderzoek", "en": "Satisfaction survey"},
        }
    )


def test_the_first_version_has_no_changes_section_and_the_second_lists_them(statement):
    first = statement_publish(statement=statement, user=None)
    assert first.number == 1 and "Wat er is veranderd" not in first.html
    edit(statement, add_activity)
    second = statement_publish(
        statement=statement, user=None, change_note="Nieuw onderzoek onder klanten."
    )
    assert second.number == 2 and second.change_note == "Nieuw onderzoek onder klanten."
    text = second.as_document().section("wijzigingen").html
    assert "Wat er is veranderd" in text and "versie 1 van 22 mei 2018" in text
    assert "Nieuw onderzoek onder klanten." in text and "Tevredenheidsonderzoek" in text
    assert second.effective_date.isoformat() == "2018-05-22"


def test_a_version_keeps_its_document_and_first_layer(statement):
    version = statement_publish(statement=statement, user=None)
    document = version.as_document()
    assert isinstance(document, Document) and document.metadata.organisation == "Media IP B.V."
    assert Document.from_dict(document.as_dict()) == document
    # The first layer is a section of the Document, so every output of the version has it.
    summary = document.section("samenvatting")
    assert summary.lead and document.sections[0] == summary
    assert "Spango Internet B.V." in summary.html and version.summary_html == ""


def test_changes_are_described_in_plain_words():
    old = parse_answers(example_data("ipcall"))
    data = example_data("ipcall")
    data["activities"] = data["activities"][1:]
    data["activities"][0]["retention"]["period"] = 12
    data["recipients"].append(
        {"id": "mail", "name": "Mailchimp", "country": "US", "transfer_mechanism": "dpf"}
    )
    data["cookies"]["items"] = []
    lines = describe_changes(old, parse_answers(data))
    assert "Wij gebruiken geen gegevens meer voor ‘Account’." in lines
    assert "Bij ‘Een abonnement afsluiten’ is de bewaartermijn gewijzigd." in lines
    assert "Nieuwe ontvanger: Mailchimp (verwerker)." in lines
    assert "De cookies zijn gewijzigd." in lines
    assert describe_changes(old, old) == []


def test_the_diff_marks_changed_added_and_removed_sections(statement):
    first = statement_publish(statement=statement, user=None)
    edit(statement, lambda a: a["other"].update(business_transfer=False, children="not_directed"))
    second = statement_publish(statement=statement, user=None)
    rows = {row["key"]: row for row in compare_documents(first.as_document(), second.as_document())}
    assert rows["kinderen"]["status"] == "added" and rows["overname"]["status"] == "removed"
    assert rows["wijzigingen"]["status"] == "changed" and "<ins>" in rows["wijzigingen"]["diff"]
    assert rows["rechten"]["status"] == "same"


def test_the_version_pages_for_members_and_outsiders(client, owner, statement):
    statement_publish(statement=statement, user=owner.user)
    edit(statement, add_activity)
    statement_publish(statement=statement, user=owner.user)
    pk = statement.organisation.pk
    client.force_login(owner.user)
    html = client.get(reverse("statements:versions", args=[pk])).content.decode()
    assert "data-embed" in html and str(statement.organisation.public_id) in html
    diff = client.get(reverse("statements:version_diff", args=[pk]) + "?a=1&b=2").content.decode()
    assert (
        'data-status="changed" data-key="verwerkingen"' in diff and "Tevredenheidsonderzoek" in diff
    )
    client.force_login(MembershipFactory().user)
    for url in (reverse("statements:versions", args=[pk]), reverse("statements:version_diff", args=[pk]) + "?a=1&b=2",
                reverse("statements:version_download", args=[pk, 1, "pdf"])):  # fmt: skip
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md", "html", "json"])
def test_every_format_of_a_version_is_made_from_what_was_published(client, owner, statement, fmt):
    version = statement_publish(statement=statement, user=None)
    edit(statement, lambda a: a["controller"].update(city="Amsterdam"))  # the draft moves on
    client.force_login(owner.user)
    response = client.get(
        reverse("statements:version_download", args=[statement.organisation.pk, 1, fmt])
    )
    assert response.status_code == 200 and "media-ip-bv-v1" in response["Content-Disposition"]
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "pdf":
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    elif fmt == "docx":
        text = " ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    else:
        text = data.decode()
    assert "Haarlem" in text and "Amsterdam" not in text
    assert AuditEvent.objects.filter(
        action="exported", detail__contains=f"versie {version.number}"
    ).exists()
