"""The English UI catalogue is complete (issue 8): every entry translated, none fuzzy, the
placeholders kept; and it is current: strings marked in the code since it was last collected fail
here until they are translated (`make messages`, then fill in the new entries)."""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def untranslated(catalogue: polib.POFile) -> list[str]:
    return [entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete]


def test_every_entry_is_translated_and_keeps_its_placeholders():
    catalogue = polib.pofile(str(PO))
    assert len(catalogue) > 400
    assert untranslated(catalogue) == []
    assert [entry.msgid for entry in catalogue if "fuzzy" in entry.flags] == []
    for entry in catalogue:
        translations = (
            [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        )
        source = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        for translation in translations:
            assert set(PLACEHOLDER.findall(translation)) == source, entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is installed by make install")
def test_every_marked_string_is_in_the_catalogue(tmp_path, monkeypatch):
    """Collect the strings again from a copy of the sources into a copy of the catalogue: nothing
    may come out untranslated. A copy, because makemessages also writes to a locale/ directory
    it finds beside the sources."""
    root = Path(settings.BASE_DIR)
    for part in ("generator", "templates"):
        shutil.copytree(root / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    copy = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(PO, copy)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["en"], verbosity=0)
    assert untranslated(polib.pofile(str(copy))) == []
