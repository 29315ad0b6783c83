"""The clause sandbox, round two (issue 17): what passed validation or the admin preview while
allocating about a gigabyte or running past a minute is refused by the in-process caps, and
behind them validation and preview run in a child process with an address-space limit and a
CPU-time limit (lib/isolation.py); compile-time crashes and Python objects in the output are
messages for the editor, never an HTTP 500."""

import resource

import pytest
from django.urls import reverse

from generator.clauses import rendering, services
from generator.clauses.files import ClauseSpec
from generator.clauses.services import clause_validate
from generator.lib.isolation import IsolatedFailure, run_isolated
from tests.clauses.test_admin import form_data


def spec(body: str) -> ClauseSpec:
    return ClauseSpec("test", "nl", "Test", 500, "true", f"<p>{body}</p>", "")


# Each allocated about a gigabyte or ran past a minute before (the list).
AMPLIFIERS = {
    "% operator width": "{{ '%999999999s' % 'x' }}",
    "% operator arguments": "{{ ('%s' * 30000) % ((('x' * 99999),) * 30000) }}",
    "str.join": "{{ ('x' * 99999).join(['a'] * 99999) }}",
    "join filter": "{{ (['x' * 99999] * 99999)|join }}",
    "join filter over a generator": "{{ range(9999)|map('string')|join('x' * 99999) }}",
    "translate": "{{ ('x' * 99999).translate({120: 'y' * 99999}) }}",
    "format fields": "{{ ('{0}' * 10000).format('x' * 99999) }}",
    "format_map fields": "{{ ('{a}' * 10000).format_map({'a': 'x' * 99999}) }}",
    "doubling with ~": "{% set a = 'x' * 60000 %}" + "{% set a = a ~ a %}" * 30 + "{{ a|length }}",
    "doubling a list with +": "{% set l = ['x'] * 60000 %}"
    + "{% set l = l + l %}" * 30
    + "{{ l|length }}",
    "list_and over a long list": "{{ list_and(['x' * 99] * 99999) }}",
    "list_or over a long list": "{{ list_or(['x' * 99] * 99999) }}",
    "sum with a list start": "{{ (range(9999)|map('string')|map('list')|sum(start=[]))|length }}",
}


@pytest.mark.parametrize("body", AMPLIFIERS.values(), ids=AMPLIFIERS.keys())
def test_each_amplifier_is_refused_by_the_in_process_caps(body):
    problems = clause_validate(spec(body))
    assert problems and all("te groot" in p or "niet toegestaan" in p for p in problems), problems


def test_ordinary_joins_formats_and_lists_still_render():
    body = (
        "{{ ', '.join(['a', 'b']) }}|{{ ['c', 'd']|join('-') }}|{{ '%s en %s' % ('e', 'f') }}|"
        "{{ '{0} {1}'.format('g', 'h') }}|{{ 'ab'.translate({97: 'x'}) }}|{{ 'i' ~ 'j' }}|"
        "{{ ([1] + [2])|length }}|{{ [1, 2]|sum }}|{{ list_and(['k', 'l', 'm']) }}|"
        "{{ list_or(['n', 'o']) }}|{{ 7 % 3 }}|{{ 1 + 2 }}"
    )
    output = rendering.render_template(body, "test", rendering.variables_for(_answers()))
    assert output == "a, b|c-d|e en f|g h|xb|ij|2|3|k, l en m|n of o|1|3"


def _answers():
    return services.examples("nl")[0].answers


# Compile-time crashes: RecursionError, "too many statically nested blocks", an int too long.
DEEP = {
    "3,000 nested parentheses": "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
    "3,000 nested brackets": "{{ " + "[" * 3000 + "1" + "]" * 3000 + " }}",
    "500 nested if": "{% if true %}" * 500 + "x" + "{% endif %}" * 500,
    "30 nested for": "{% for a in [1] %}" * 30 + "x" + "{% endfor %}" * 30,
    "a 5,000-digit number": "{{ " + "9" * 5000 + " }}",
    "5,000 chained filters": "{{ 'x'" + "|lower" * 5000 + " }}",
}


@pytest.mark.parametrize("body", DEEP.values(), ids=DEEP.keys())
def test_a_template_that_crashes_the_compiler_gets_a_message(body):
    problems = clause_validate(spec(body))
    assert len(problems) == 1 and ("genest" in problems[0] or "blokken" in problems[0] or (
        "getal" in problems[0])), problems  # fmt: skip
    assert "Error" not in problems[0] and "Traceback" not in problems[0]


def test_a_deeply_nested_condition_gets_a_message_too():
    deep = ClauseSpec("test", "nl", "Test", 500, "(" * 3000 + "true" + ")" * 3000, "<p>x</p>", "")
    assert any("voorwaarde" in p and "genest" in p for p in clause_validate(deep))


LEAKS = {
    "a slice of a function's text": "{{ (r|string)[1:] }}",
    "self": "{{ self }}",
    "a namespace": "{% set ns = namespace(a=1) %}{{ ns }}",
}


@pytest.mark.parametrize("body", LEAKS.values(), ids=LEAKS.keys())
def test_python_objects_in_the_output_are_refused(body):
    problems = clause_validate(spec(body))
    assert any("Python-object" in p for p in problems), problems


def test_escaped_text_and_addresses_in_the_output_are_not_objects():
    # A clause may print "<" as text and an answer's hexadecimal-looking words.
    assert clause_validate(spec("Kinderen &lt; 16 jaar; het adres 0x1 blijft tekst.")) == []


# The wall behind the caps: the child process itself.


def test_the_child_returns_its_result():
    assert run_isolated(lambda: {"a": [1, "b"]}, cpu_seconds=5, wall_seconds=30) == {"a": [1, "b"]}


def test_a_child_that_allocates_too_much_is_stopped_and_the_parent_keeps_its_memory():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(IsolatedFailure, match="geheugen"):
        run_isolated(lambda: len(bytearray(2 * 1024**3)), cpu_seconds=5, wall_seconds=30)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100 * 1024


def test_a_child_that_computes_too_long_is_stopped_by_its_cpu_limit():
    def spin() -> None:
        while True:
            pass

    with pytest.raises(IsolatedFailure, match="rekentijd"):
        run_isolated(spin, cpu_seconds=1, wall_seconds=60)


def test_a_child_that_hangs_without_computing_is_killed_at_its_wall_clock_limit():
    import time

    with pytest.raises(IsolatedFailure, match="te lang"):
        run_isolated(lambda: time.sleep(60), cpu_seconds=5, wall_seconds=1)


def test_an_exception_in_the_child_comes_back_as_text():
    with pytest.raises(IsolatedFailure, match="ZeroDivisionError"):
        run_isolated(lambda: 1 / 0, cpu_seconds=5, wall_seconds=30)


@pytest.fixture
def no_caps(monkeypatch):
    """The in-process caps switched off, as if an attacker had found an operation they do not
    know: only the child process stands between the template and the worker."""
    monkeypatch.setattr(rendering, "MAX_REPEAT_CHARS", 10**12)
    monkeypatch.setattr(rendering, "TIME_BUDGET_SECONDS", 10**6)


def test_validation_of_a_template_past_the_caps_is_stopped_by_the_memory_limit(no_caps):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    problems = clause_validate(spec("{{ ('x' * 3000000000)|length }}"))
    assert problems and "geheugen" in problems[0], problems
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024


def test_validation_of_a_template_past_the_caps_is_stopped_by_the_cpu_limit(no_caps, monkeypatch):
    monkeypatch.setattr(services, "VALIDATE_CPU_SECONDS", 1)
    body = "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
    problems = clause_validate(spec(body))
    assert problems and "rekentijd" in problems[0], problems


def test_a_batch_with_one_bad_clause_names_that_clause(no_caps):
    good = ClauseSpec("goed", "nl", "Goed", 500, "true", "<p>Goed.</p>", "")
    bad = ClauseSpec("slecht", "nl", "Slecht", 500, "true", "<p>{{ 'x' * 3000000000 }}</p>", "")
    first, second = services.clauses_validate([good, bad])
    assert first == [] and len(second) == 1 and "slecht" in second[0]


# The admin: messages at the field and in the preview, never a 500.


@pytest.mark.django_db
@pytest.mark.parametrize("body", [*DEEP.values(), AMPLIFIERS["format fields"]], ids=[*DEEP, "fmt"])
def test_saving_or_previewing_such_a_template_in_the_admin_is_a_message(
    client, editor, klacht, body
):
    client.force_login(editor)
    url = reverse("admin:clauses_clausetemplate_change", args=[klacht.pk])
    saved = client.post(url, form_data(klacht, body=body))
    assert saved.status_code == 200 and 'class="errorlist' in saved.content.decode()
    previewed = client.post(url + "preview/", form_data(klacht, body=body, example="qlinx"))
    assert previewed.status_code == 400
    assert klacht.revisions.count() == 1


@pytest.mark.django_db
def test_the_preview_of_a_stored_revision_past_the_caps_is_stopped_in_its_child(
    client, editor, klacht, no_caps
):
    client.force_login(editor)
    revision = klacht.active_revision()
    # A stored text that the caps of its day let through (ClauseRevision refuses to change, so
    # the row is written as it would have been then).
    type(revision).objects.filter(pk=revision.pk).update(body="<p>{{ 'x' * 3000000000 }}</p>")
    url = reverse("admin:clauses_clausetemplate_change", args=[klacht.pk]) + "preview/"
    response = client.get(url + f"?revision={revision.pk}&example=qlinx")
    assert response.status_code == 400 and "geheugen" in response.content.decode()
