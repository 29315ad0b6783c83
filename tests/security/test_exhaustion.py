"""Resource exhaustion in a clause (issue 10; notes/security.md, test 4): each payload is
stopped with a clear message (by the in-process caps, or by the CPU and memory limits of the
child process validation runs in), and the process that met it (a worker, here a fresh Python
process like the task worker) goes on to render a normal statement. No time is asserted: the
subprocess timeout only keeps a hang from holding the suite."""

import json
import subprocess
import sys

from tests.conftest import ROOT

PAYLOADS = {
    "huge range": "{% for i in range(1000000000) %}x{% endfor %}",
    "huge range by power": "{% for i in range(10**9) %}x{% endfor %}",
    "nested loops": "{% for i in range(5000) %}{% for j in range(5000) %}{{ i }}{% endfor %}{% endfor %}",
    "power": "{{ 2 ** (10 ** 9) }}",
    "string multiplication": "{{ 'x' * 100000000 }}",
    "list multiplication": "{{ [1] * 100000000 }}",
    "lipsum": "{{ lipsum(1000000) }}",
    "indent": "{{ 'x\nx'|indent(100000000) }}",
    "format padding": "{{ '%100000000s'|format('x') }}",
    "format precision": "{{ '%.100000000f'|format(1) }}",
    "str.format padding": "{{ '{:>100000000}'.format('x') }}",
    "str.format_map padding": "{{ '{a:>100000000}'.format_map({'a': 'x'}) }}",
    "center filter": "{{ 'x'|center(100000000) }}",
    "center method": "{{ 'x'.center(100000000) }}",
    "ljust method": "{{ 'x'.ljust(100000000) }}",
    "zfill method": "{{ '1'.zfill(100000000) }}",
    "expandtabs": "{{ 'a\tb'.expandtabs(100000000) }}",
    "replace filter": "{{ ('x' * 50000)|replace('x', 'y' * 50000) }}",
    "replace method": "{{ ('x' * 50000).replace('x', 'y' * 50000) }}",
    "recursive macro": "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}",
    "joined repetition": "{{ ('x' * 100000) * 100000 }}",
    "output bomb": "{% for i in range(100000) %}{{ 'abcdefghij' * 100 }}{% endfor %}",
}

SCRIPT = """
import json, sys, time
import django
django.setup()
from generator.clauses.files import ClauseSpec
from generator.clauses.services import clause_validate
from generator.answers.loading import load_answers_file
from generator.statements.exports import statement_export
results = {}
for name, body in json.loads(sys.argv[1]).items():
    started = time.monotonic()
    problems = clause_validate(ClauseSpec("test", "nl", "Test", 500, "true", f"<p>{body}</p>", ""))
    results[name] = {"seconds": time.monotonic() - started, "problems": problems}
html = statement_export(load_answers_file("docs/examples/qlinx.json"), fmt="html")
results["afterwards"] = "Media IP B.V." in html.decode()
print(json.dumps(results))
"""


def test_every_expensive_template_is_stopped_in_time_and_the_worker_goes_on():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(PAYLOADS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=5 * len(PAYLOADS) + 60,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "generator.settings", "DEBUG": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    results = json.loads(result.stdout.strip().splitlines()[-1])
    assert results.pop("afterwards") is True  # alive, and rendering normally
    for name, outcome in results.items():
        assert outcome["problems"], f"{name} was accepted"
        assert all(len(problem) > 10 for problem in outcome["problems"]), (name, outcome)


def test_ordinary_uses_of_those_filters_still_work():
    from generator.clauses.rendering import render_template

    body = (
        "{{ '%s: %d dagen'|format('KvK 12345678', 30) }} {{ '{:>5}'.format('x') }} "
        "{{ 'a b'|replace(' ', '-') }} {{ 'x'|center(9) }} {{ 'r1\\nr2'|indent(2) }}"
    )
    output = render_template(body, "test", {})
    assert "KvK 12345678: 30 dagen" in output and "a-b" in output
