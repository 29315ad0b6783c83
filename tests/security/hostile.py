"""Answers with an attack in every free-text field: each string of an example's answers gets
markup appended (script, event handler, attachment link, foreign-scheme link), and keeps it
where the answers' validation accepts it. The fields that refuse it (e-mail, URL, postcode,
phone, enums, dates) are validated formats, which is itself the defence there."""

import copy

from generator.answers.free_text import missing_translations
from generator.answers.loading import AnswersError, parse_answers
from tests.conftest import example_data

PAYLOAD = (
    '<script>alert("xss")</script><img src=x onerror=alert(2)>'
    '"><link rel=attachment href=file:///etc/passwd><a href="javascript:alert(3)">klik</a>'
)


def _strings(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
    elif isinstance(value, str):
        yield path


def _set(data, path, value) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _get(data, path):
    for step in path:
        data = data[step]
    return data


def hostile_answers(slug: str = "every", extra: str = PAYLOAD) -> tuple[dict, list[str]]:
    """An example's answers ("every": the round-trip test's answers that fill every field the
    wizard has) with `extra` appended to every free-text field that takes it, and the dotted
    paths of those fields."""
    if slug == "every":
        from tests.wizard.test_round_trip import EVERY_FIELD

        data = copy.deepcopy(EVERY_FIELD)
    else:
        data = example_data(slug)
    injected = []
    for path in list(_strings(data)):
        trial = copy.deepcopy(data)
        _set(trial, path, _get(trial, path) + extra)
        try:
            parse_answers(trial)
        except AnswersError:
            continue
        data = trial
        injected.append(".".join(str(step) for step in path))
    # The attack turns a bare link or duration ("2 jaar") into text no language writes by
    # itself; its English version is then the same text, so the statement still publishes in
    # both languages (R31) and every output is tested with it.
    for dotted, text in missing_translations(parse_answers(data), "en"):
        path = [int(step) if step.isdigit() else step for step in dotted.split(".")]
        _set(data, path, {"nl": str(text), "en": str(text)})
    return data, injected
