"""Server-side template injection: every payload of the corpus, saved as a clause, is refused
with a clear message or renders harmlessly, and none reaches Python objects, files or settings.
(notes/security.md, tests 1-4; the sandbox CVEs since 2016 are in the corpus.)"""

from pathlib import Path

import pytest
from django.conf import settings

from generator.clauses.files import ClauseSpec
from generator.clauses.rendering import render_template, variables_for
from generator.clauses.services import ClauseRefused, clause_save, clause_validate, examples

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "ssti_payloads.txt").read_text().splitlines()
    if line.strip()
]
LEAKS = (
    "<class",
    "__",
    "subclasses",
    "globals",
    "builtins",
    "popen",
    "uid=",
    "root:",
    "<function",
    "<module",
    "object at 0x",
    "Undefined",
)


def spec(body: str) -> ClauseSpec:
    return ClauseSpec("test", "nl", "Test", 500, "true", f"<p>{body}</p>", "")


def test_the_corpus_has_at_least_thirty_payloads():
    assert len(PAYLOADS) >= 30


@pytest.mark.parametrize("payload", PAYLOADS)
def test_each_payload_is_refused_or_harmless(payload):
    problems = clause_validate(spec(payload))
    if problems:
        assert all(problem.strip() for problem in problems)  # a message for the editor
        with pytest.raises(ClauseRefused):
            clause_save(spec=spec(payload))
        return
    # Accepted: then what it renders must be harmless for every example and register.
    for example in examples("nl"):
        for register in ("formal", "informal"):
            output = render_template(
                spec(payload).body, "test", variables_for(example.answers, register)
            )
            for leak in LEAKS:
                assert leak not in output, (payload, output[:200])
            assert settings.SECRET_KEY not in output


def test_the_refusals_name_the_reason():
    assert any("niet toegestaan" in p for p in clause_validate(spec("{{ ''.__class__ }}")))
    assert any(
        "tijdslimiet" in p
        for p in clause_validate(
            spec("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}")
        )
    )
    assert any(
        "groter dan" in p or "te groot" in p for p in clause_validate(spec("{{ 'x' * 100000000 }}"))
    )
    assert any("safe" in p for p in clause_validate(spec("{{ org.name|safe }}")))
    assert any("Python-object" in p for p in clause_validate(spec("{{ r }}")))
