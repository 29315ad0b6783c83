"""The clause library: defaults loaded as revision 1, every edit a validated new revision,
rollback, approval, import and export as files, and published statements that never change."""

import pytest

from generator.answers.loading import parse_answers
from generator.clauses.files import ClauseSpec, default_clauses
from generator.clauses.models import ClauseRevision, ClauseTemplate
from generator.clauses.services import (
    ClauseRefused,
    active_clauses,
    clause_approve,
    clause_rollback,
    clause_save,
    clauses_export,
    clauses_from_directory,
    clauses_import,
    load_default_clauses,
)
from generator.statements.exports import statement_document
from tests.conftest import example_data, load_example
from tests.factories import MembershipFactory


def edited(key: str, body: str) -> ClauseSpec:
    spec = next(s for s in default_clauses("nl") if s.key == key)
    return ClauseSpec(spec.key, "nl", spec.title, spec.order, spec.condition, body, "")


@pytest.fixture
def loaded():
    return load_default_clauses()


def test_the_defaults_are_loaded_once_as_revision_1(loaded):
    assert (
        len(loaded)
        == len(default_clauses("nl")) + len(default_clauses("en"))
        == ClauseTemplate.objects.count()
    )
    assert set(ClauseRevision.objects.values_list("number", flat=True)) == {1}
    assert load_default_clauses() == [] and ClauseRevision.objects.count() == len(loaded)


def test_statements_render_from_the_active_revisions(loaded):
    document = statement_document(load_example("qlinx"))
    assert all(section.revision.startswith(("rev:", "answers")) for section in document.sections)
    clause_save(spec=edited("klacht", "<p>Nieuwe tekst over de Autoriteit Persoonsgegevens.</p>"))
    document = statement_document(load_example("qlinx"))
    assert "Nieuwe tekst" in document.section("klacht").html


def test_without_a_library_the_files_are_used():
    assert [s.revision for s in active_clauses("nl")] == [s.revision for s in default_clauses("nl")]


def test_an_edit_that_breaks_is_refused_with_its_line_and_saves_nothing(loaded):
    with pytest.raises(ClauseRefused) as caught:
        clause_save(spec=edited("klacht", "<p>goed</p>\n<p>{{ org.naam }}</p>"))
    assert any("regel 2" in p and "naam" in p for p in caught.value.problems)
    with pytest.raises(ClauseRefused) as caught:
        clause_save(spec=edited("klacht", "<p>\n{% if org.name %}\n</p>"))
    assert any("regel" in p for p in caught.value.problems)
    assert (
        ClauseRevision.objects.filter(template__key="klacht", template__language="nl").count() == 1
    )


def test_an_edit_is_checked_against_every_example_in_both_registers(loaded):
    # Fine for a formal statement, broken only when "je" is chosen for an example with an FG.
    body = "<p>{% if not formal and dpo.designated %}{{ dpo.nonexistent }}{% endif %}x</p>"
    with pytest.raises(ClauseRefused) as caught:
        clause_save(spec=edited("klacht", body))
    assert any("facetalk (informal)" in p for p in caught.value.problems)


def test_revisions_are_immutable_and_never_deleted(loaded):
    revision = ClauseRevision.objects.first()
    revision.body = "anders"
    with pytest.raises(ValueError, match="verandert nooit"):
        revision.save()
    with pytest.raises(ValueError, match="nooit verwijderd"):
        ClauseRevision.objects.first().delete()


def test_a_draft_is_not_used_until_approved(loaded):
    draft = clause_save(
        spec=edited("klacht", "<p>Concept over de Autoriteit Persoonsgegevens.</p>"), approved=False
    )
    assert "Concept" not in statement_document(load_example("qlinx")).section("klacht").html
    clause_approve(revision=draft)
    assert "Concept" in statement_document(load_example("qlinx")).section("klacht").html


def test_rollback_makes_a_new_revision_with_the_old_text(loaded):
    first = ClauseRevision.objects.get(template__key="klacht", template__language="nl")
    clause_save(spec=edited("klacht", "<p>Tweede tekst, Autoriteit Persoonsgegevens.</p>"))
    third = clause_rollback(revision=first)
    assert third.number == 3 and third.body == first.body and "revisie 1" in third.note
    assert ClauseTemplate.objects.get(key="klacht", language="nl").active_revision() == third


def test_a_published_version_never_changes_when_a_clause_does(loaded):
    from generator.accounts.models import Workspace
    from generator.clauses.admin import affected_statements
    from generator.statements.services import organisation_create, statement_publish

    organisation = organisation_create(
        workspace=Workspace.objects.create(name="W"), name="Media IP B.V.",
        answers=parse_answers(example_data("qlinx")).model_dump(mode="json"),
    )  # fmt: skip
    version = statement_publish(statement=organisation.statement, user=None)
    html, revisions = version.html, dict(version.clause_revisions)
    template = ClauseTemplate.objects.get(key="klacht", language="nl")
    owner = MembershipFactory(workspace=organisation.workspace).user
    assert affected_statements(template, owner) == {"counts": [], "rows": []}
    clause_save(
        spec=edited("klacht", "<p>Geheel nieuwe klachttekst, Autoriteit Persoonsgegevens.</p>")
    )
    version.refresh_from_db()
    assert version.html == html and version.clause_revisions == revisions
    assert "Geheel nieuwe" not in version.html
    affected = affected_statements(template, owner)
    assert [row["organisation"] for row in affected["rows"]] == [organisation]
    assert affected["counts"] == [{"revision": 1, "count": 1}]
    # Publishing again is what brings the new text in: a new version, the old one untouched.
    second = statement_publish(statement=organisation.statement, user=None)
    assert (
        "Geheel nieuwe" in second.html and second.clause_revisions["klacht"] != revisions["klacht"]
    )
    assert affected_statements(template, owner) == {"counts": [], "rows": []}


def test_export_and_import_round_trip_as_files(loaded, tmp_path):
    written = clauses_export(tmp_path)
    assert len(written) == len(loaded)
    assert (
        (tmp_path / "nl" / "120-klacht.html")
        .read_text()
        .startswith("key: klacht\ntitle: Een klacht indienen\n")
    )
    assert clauses_import(clauses_from_directory(tmp_path)) == []  # nothing changed
    path = tmp_path / "nl" / "120-klacht.html"
    path.write_text(path.read_text().replace("Laat het ons weten", "Meld het ons"))
    created = clauses_import(clauses_from_directory(tmp_path), note="uit git")
    assert [(r.template.key, r.number, r.note) for r in created] == [("klacht", 2, "uit git")]


def test_an_import_with_one_broken_clause_imports_nothing(loaded, tmp_path):
    clauses_export(tmp_path)
    (tmp_path / "nl" / "120-klacht.html").write_text(
        (tmp_path / "nl" / "120-klacht.html").read_text() + "{{ broken"
    )
    (tmp_path / "nl" / "950-contact.html").write_text(
        (tmp_path / "nl" / "950-contact.html").read_text() + "<p>extra</p>"
    )
    with pytest.raises(ClauseRefused) as caught:
        clauses_import(clauses_from_directory(tmp_path))
    assert any(p.startswith("nl/klacht:") for p in caught.value.problems)
    assert ClauseRevision.objects.count() == len(loaded)


def test_an_edit_in_the_other_register_is_refused(loaded):
    # One voice (R30): the examples' texts are neutral, so only the clause can have written it.
    with pytest.raises(ClauseRefused) as caught:
        clause_save(spec=edited("klacht", "<p>Heb je een klacht? Laat het ons weten.</p>"))
    assert any("(formal)" in p and "andere aanspreekvorm" in p for p in caught.value.problems)


def test_new_default_texts_replace_untouched_defaults_but_never_an_edit(loaded, monkeypatch):
    from django.contrib.auth import get_user_model

    from generator.clauses import services

    editor = get_user_model().objects.create(username="redacteur")
    clause_save(spec=edited("klacht", "<p>Eigen tekst over de Autoriteit Persoonsgegevens.</p>"),
                author=editor, note="eigen tekst")  # fmt: skip
    newer = [
        ClauseSpec(s.key, s.language, s.title, s.order, s.condition, s.body + "<p>Nieuw.</p>", "")
        if s.key in ("klacht", "contact") else s
        for s in default_clauses("nl")
    ]  # fmt: skip
    monkeypatch.setattr(
        services, "_defaults_if_any", lambda language: newer if language == "nl" else []
    )
    created = load_default_clauses()
    assert [(r.template.key, r.number) for r in created] == [("contact", 2)]
    klacht = ClauseTemplate.objects.get(key="klacht", language="nl").active_revision()
    assert "Eigen tekst" in klacht.body and klacht.author == editor
    assert load_default_clauses() == []
