import pytest

from generator.clauses.files import ClauseFileError, default_clauses, load_clause_dir, parse_clause

GOOD = "key: demo\ntitle: Demo\norder: 5\ncondition: true\n---\n<p>Hallo</p>\n"


def test_a_clause_file_has_a_header_and_a_body():
    spec = parse_clause(GOOD, "nl")
    assert (spec.key, spec.title, spec.order, spec.condition) == ("demo", "Demo", 5, "true")
    assert spec.body == "<p>Hallo</p>\n"
    assert spec.revision.startswith("sha256:")


def test_the_revision_changes_with_the_text_and_only_then():
    assert parse_clause(GOOD, "nl").revision == parse_clause(GOOD, "nl").revision
    assert (
        parse_clause(GOOD, "nl").revision
        != parse_clause(GOOD.replace("Hallo", "Dag"), "nl").revision
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("key: demo\ntitle: x\norder: 1\ncondition: true\n<p>x</p>", "---"),
        ("key: demo\ntitle: x\norder: 1\n---\n<p>x</p>", "condition"),
        ("key: demo\ntitle: x\norder: een\ncondition: true\n---\nx", "geheel getal"),
        ("key: Demo Key\ntitle: x\norder: 1\ncondition: true\n---\nx", "a-z"),
        ("key: demo\ntitel: x\norder: 1\ncondition: true\n---\nx", "titel"),
    ],
)
def test_broken_headers_are_refused_with_a_reason(text, message):
    with pytest.raises(ClauseFileError, match=message):
        parse_clause(text, "nl")


def test_duplicate_keys_in_a_directory_are_refused(tmp_path):
    (tmp_path / "a.html").write_text(GOOD)
    (tmp_path / "b.html").write_text(GOOD)
    with pytest.raises(ClauseFileError, match="dubbele keys: demo"):
        load_clause_dir(tmp_path, "nl")


def test_the_default_dutch_set_is_ordered_and_ends_with_contact():
    specs = default_clauses("nl")
    assert [s.order for s in specs] == sorted(s.order for s in specs)
    # The summary opens the statement (a lead section, before the table of contents).
    assert specs[0].key == "samenvatting" and specs[0].order < 10
    assert specs[1].key == "verantwoordelijke" and specs[-1].key == "contact"


def test_a_language_without_clauses_is_a_clear_error():
    with pytest.raises(ClauseFileError, match="taal 'xx'"):
        default_clauses("xx")
