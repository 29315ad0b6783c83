"""save_atomically: a file is there whole under its exact name, or not at all."""

import os

import pytest
from django.core.files.storage import default_storage

from generator.lib.storage import save_atomically


@pytest.fixture
def disk(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


def test_it_writes_the_exact_name_and_replaces_an_older_file(disk):
    assert save_atomically("pdf-cache/a.pdf", b"one") == "pdf-cache/a.pdf"
    assert save_atomically("pdf-cache/a.pdf", b"two") == "pdf-cache/a.pdf"
    # Django's own save() would have made "a_Xyz123.pdf" beside it.
    assert sorted(p.name for p in (disk / "pdf-cache").iterdir()) == ["a.pdf"]
    assert (disk / "pdf-cache" / "a.pdf").read_bytes() == b"two"
    assert default_storage.exists("pdf-cache/a.pdf")


def test_a_write_that_dies_leaves_neither_the_file_nor_a_temporary(disk, monkeypatch):
    def killed(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(OSError):
        save_atomically("exports/b.zip", b"x" * 1000)
    assert list((disk / "exports").iterdir()) == []


def test_other_storages_get_one_upload(settings):
    # The tests' in-memory storage stands for S3 and the like: one object, replaced.
    save_atomically("pdf-cache/c.pdf", b"one")
    save_atomically("pdf-cache/c.pdf", b"two")
    with default_storage.open("pdf-cache/c.pdf") as file:
        assert file.read() == b"two"
    assert default_storage.listdir("pdf-cache")[1].count("c.pdf") == 1
