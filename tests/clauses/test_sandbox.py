"""Clause templates are untrusted code (design.md, invariant 4): each escape route and each
cap has a test. The full attack corpus follows with the clause editor (issue 5)."""

import time

import pytest

from generator.answers.loading import parse_answers
from generator.clauses import rendering
from generator.clauses.files import ClauseSpec
from generator.clauses.rendering import ClauseError, build_document, render_template, variables_for


def spec(body: str, key: str = "test", title: str = "Test", condition: str = "true") -> ClauseSpec:
    return ClauseSpec(key, "nl", title, 10, condition, body, ClauseSpec.revision_of(body))


def render_body(body: str, answers_data: dict | None = None) -> str:
    answers = parse_answers(answers_data or {"controller": {"legal_name": "X B.V."}})
    return render_template(body, "test", variables_for(answers))


def test_answers_are_escaped_in_clause_output():
    out = render_body(
        "<p>{{ org.name }}</p>", {"controller": {"legal_name": "<script>alert(1)</script>"}}
    )
    assert out == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_a_crafted_answer_cannot_add_markup_to_the_document():
    answers = parse_answers(
        {"controller": {"legal_name": '"><link rel=attachment href=file:///etc/passwd>'}}
    )
    document = build_document(answers, [spec('<p title="{{ org.name }}">{{ org.name }}</p>')])
    html = document.sections[0].html
    assert "<link" not in html and "&lt;link" in html


def test_clause_markup_outside_the_vocabulary_is_removed():
    body = (
        '<p onclick="x()">Tekst</p><script>alert(1)</script><style>p{}</style>'
        '<img src="http://127.0.0.1/x"><link rel="attachment" href="file:///etc/passwd">'
        '<a href="javascript:alert(1)">a</a><a href="https://ap.nl">b</a>'
    )
    document = build_document(parse_answers({}), [spec(body)])
    html = document.sections[0].html
    for forbidden in ("onclick", "<script", "<style", "<img", "<link", "javascript:"):
        assert forbidden not in html
    assert '<a href="https://ap.nl">b</a>' in html and "<p>Tekst</p>" in html


def test_undefined_variables_are_an_error_with_the_line_number():
    with pytest.raises(ClauseError) as caught:
        render_body("<p>regel 1</p>\n<p>{{ org.nonexistent }}</p>")
    assert caught.value.lineno == 2 and "nonexistent" in caught.value.message


def test_syntax_errors_name_the_line():
    with pytest.raises(ClauseError) as caught:
        render_body("<p>\n{% if org.name %}\n</p>")
    assert caught.value.lineno is not None and caught.value.key == "test"


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ org.__class__ }}",
        "{{ r.__globals__ }}",
        "{{ r.__code__.co_consts }}",
        "{{ ''|attr('__class__') }}",
        "{{ '{0.__class__}'.format(org) }}",
        "{{ list_and.__globals__['dutch'] }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ self._TemplateReference__context }}",
    ],
)
def test_attribute_walking_reaches_no_python_internals(payload):
    try:
        out = render_body(payload)
    except ClauseError as error:
        assert (
            "niet toegestaan" in error.message
            or "Undefined" in error.message
            or "Error" in error.message
        )
    else:
        # Some routes render as empty strings instead of raising; what matters is no leak.
        for leak in ("class", "module", "function", "globals", "builtins", "<"):
            assert leak not in out


def test_the_data_given_to_templates_cannot_be_modified():
    answers = parse_answers({"services": [{"name": "A"}]})
    variables = variables_for(answers)
    with pytest.raises(ClauseError, match="niet toegestaan"):
        render_template("{{ services.append(1) }}", "t", variables)
    with pytest.raises(ClauseError, match="niet toegestaan"):
        render_template("{{ org.clear() }}", "t", variables)
    assert len(variables["services"]) == 1 and variables["org"]["name"] == ""


def test_there_is_no_include_or_import():
    for payload in ("{% include 'base.html' %}", "{% import 'os' as os %}", "{% extends 'x' %}"):
        with pytest.raises(ClauseError):
            render_body(payload)


def test_power_is_refused_and_repetition_is_bounded():
    with pytest.raises(ClauseError, match=r"\*\*"):
        render_body("{{ 2 ** 100000000 }}")
    with pytest.raises(ClauseError, match="te groot"):
        render_body("{{ 'x' * 10000000 }}")
    assert render_body("{{ '-' * 3 }}") == "---"


def test_range_is_bounded():
    with pytest.raises(ClauseError, match="range"):
        render_body("{% for i in range(1000000000) %}{% endfor %}")


def test_lipsum_is_gone():
    with pytest.raises(ClauseError):
        render_body("{{ lipsum(100000) }}")


def test_a_silent_endless_loop_is_stopped_by_the_time_budget(monkeypatch):
    monkeypatch.setattr(rendering, "TIME_BUDGET_SECONDS", 0.3)
    started = time.monotonic()
    with pytest.raises(ClauseError, match="tijdslimiet"):
        render_body(
            "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
        )
    assert time.monotonic() - started < 3


def test_output_is_capped():
    with pytest.raises(ClauseError, match="uitvoer is groter"):
        render_body("{% for i in range(9000) %}{{ '-' * 90000 }}{% endfor %}")


def test_overlong_templates_are_refused():
    with pytest.raises(ClauseError, match="langer dan"):
        render_body("x" * (rendering.MAX_TEMPLATE_CHARS + 1))


def test_deep_recursion_is_an_error_not_a_crash():
    with pytest.raises(ClauseError, match="Recursion"):
        render_body("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")


def test_conditions_are_expressions_over_the_same_data():
    answers = parse_answers({"dpo": {"designated": True, "email": "fg@x.nl"}})
    document = build_document(
        answers,
        [
            spec("<p>FG</p>", key="a", condition="dpo.designated"),
            spec("<p>geen</p>", key="b", condition="not dpo.designated"),
        ],
    )
    assert document.keys == ["a"]


def test_a_title_is_plain_text_even_when_the_template_writes_markup():
    document = build_document(parse_answers({}), [spec("<p>x</p>", title="<em>Kop</em> & meer")])
    assert document.sections[0].title == "Kop & meer"


def test_a_clause_text_is_compiled_once_and_reused():
    # Compiled templates are cached by their text, so by revision (a revision's text never
    # changes): rendering a statement does not compile its fifteen clauses again (issue 9).
    from generator.clauses.rendering import compile_clause

    source = "<p>{{ controller.legal_name }} compileert één keer.</p>"
    assert compile_clause(source, "test") is compile_clause(source, "test")
    assert compile_clause(source + " ", "test") is not compile_clause(source, "test")
