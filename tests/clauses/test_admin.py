"""The clause editor in the admin, for a member of "Clausebeheerders" who is not a superuser."""

import re

from django.contrib.admin.models import LogEntry
from django.urls import reverse

from generator.clauses.models import ClauseRevision, ClauseTemplate
from tests.factories import UserFactory


def change_url(template) -> str:
    return reverse("admin:clauses_clausetemplate_change", args=[template.pk])


def form_data(template, **changes) -> dict:
    revision = template.active_revision()
    data = {"title": revision.title, "order": revision.order, "condition": revision.condition,
            "body": revision.body, "note": "", "approve": "on", "revisions-TOTAL_FORMS": "0",
            "revisions-INITIAL_FORMS": "0"}  # fmt: skip
    return data | changes


def test_an_editor_who_is_not_superuser_saves_a_new_revision_and_it_is_logged(
    client, editor, klacht
):
    client.force_login(editor)
    assert not editor.is_superuser
    body = klacht.active_revision().body.replace("Laat het ons weten", "Meld het ons")
    response = client.post(change_url(klacht), form_data(klacht, body=body, note="Korter"))
    assert response.status_code == 302, response.content.decode()[-2000:]
    newest = klacht.revisions.order_by("-number").first()
    assert (newest.number, newest.author, newest.note) == (2, editor, "Korter")
    assert "Meld het ons" in newest.body
    assert LogEntry.objects.filter(user=editor, object_id=str(klacht.pk)).exists()


def test_a_broken_body_is_refused_at_the_field_with_the_line(client, editor, klacht):
    client.force_login(editor)
    response = client.post(change_url(klacht), form_data(klacht, body="<p>ok</p>\n{{ org.naam }}"))
    html = response.content.decode()
    assert response.status_code == 200 and "regel 2" in html and "naam" in html
    assert klacht.revisions.count() == 1


def test_staff_outside_the_group_cannot_edit_and_visitors_must_log_in(client, klacht):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(change_url(klacht)).status_code == 403
    assert client.post(change_url(klacht), form_data(klacht, body="<p>x</p>")).status_code == 403
    client.logout()
    assert client.get(change_url(klacht)).status_code == 302
    client.force_login(UserFactory(is_staff=False))
    assert client.get(reverse("admin:clauses_clausetemplate_changelist")).status_code == 302
    assert klacht.revisions.count() == 1


def test_the_change_page_lists_revisions_examples_and_affected_statements(client, editor, klacht):
    client.force_login(editor)
    html = client.get(change_url(klacht)).content.decode()
    assert "Revisies" in html and 'value="qlinx"' in html
    assert "Gepubliceerde verklaringen met een oudere revisie" in html


def test_the_preview_shows_the_whole_statement_with_the_unsaved_text(client, editor, klacht):
    client.force_login(editor)
    url = change_url(klacht) + "preview/"
    data = form_data(
        klacht,
        body="<p>Proeftekst voor de Autoriteit Persoonsgegevens.</p>",
        example="ipcall",
        register="informal",
    )
    response = client.post(url, data)
    html = response.content.decode()
    assert (
        response.status_code == 200
        and "Proeftekst" in html
        and "ipcall.me B.V." in html
        and "Jouw rechten" in html
    )
    assert klacht.revisions.count() == 1  # previewing saves nothing
    refused = client.post(url, form_data(klacht, body="{{ ''.__class__ }}"))
    assert refused.status_code == 400 and "niet toegestaan" in refused.content.decode()
    stored = client.get(url + f"?revision={klacht.active_revision().pk}&example=facetalk")
    assert stored.status_code == 200 and "Qconferencing B.V." in stored.content.decode()


def test_diff_rollback_and_approve(client, editor, klacht):
    client.force_login(editor)
    first = klacht.active_revision()
    client.post(
        change_url(klacht), form_data(klacht, body=first.body.replace("toezichthouder", "waakhond"))
    )
    second = klacht.revisions.get(number=2)
    diff = client.get(change_url(klacht) + f"diff/?a={first.pk}&b={second.pk}").content.decode()
    assert (
        "revisie 1" in diff and "revisie 2" in diff and "diff_chg" in diff
    )  # lines wrap, words may split
    assert client.get(change_url(klacht) + f"rollback/{first.pk}/").status_code == 405
    client.post(change_url(klacht) + f"rollback/{first.pk}/")
    third = klacht.revisions.get(number=3)
    assert third.body == first.body and klacht.active_revision() == third
    client.post(
        change_url(klacht), form_data(klacht, body=first.body + "<p>concept</p>", approve="")
    )
    draft = klacht.revisions.get(number=4)
    assert not draft.approved and klacht.active_revision() == third
    client.post(change_url(klacht) + f"approve/{draft.pk}/")
    assert klacht.active_revision() == draft
    assert LogEntry.objects.filter(change_message__contains="Teruggezet naar revisie 1").exists()


def test_revisions_are_read_only_in_the_admin(client, editor, klacht):
    client.force_login(editor)
    revision = klacht.active_revision()
    url = reverse("admin:clauses_clauserevision_change", args=[revision.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"body": "vervalst"})
    assert ClauseRevision.objects.get(pk=revision.pk).body == revision.body
    assert not re.search(r'name="_save"', client.get(url).content.decode())


def test_clauses_cannot_be_deleted_even_by_a_superuser(client, klacht):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("root", "r@x.nl", "x"))
    url = reverse("admin:clauses_clausetemplate_delete", args=[klacht.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert ClauseTemplate.objects.filter(pk=klacht.pk).exists()
