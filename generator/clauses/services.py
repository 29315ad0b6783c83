"""Clause library workflows: which clauses are active, validating an edit, saving it as a new
revision, rolling back, and moving whole clause sets in and out as files."""

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction

from generator.answers.choices import Language
from generator.answers.loading import load_answers_file
from generator.answers.schema import Answers
from generator.clauses import rendering
from generator.clauses.files import ClauseFileError, ClauseSpec, default_clauses, load_clause_dir
from generator.clauses.models import ClauseRevision, ClauseTemplate
from generator.clauses.rendering import (
    ClauseError,
    compile_clause,
    evaluate_condition,
    render_template,
    variables_for,
)
from generator.documents.document import plain_text
from generator.lib.dutch import register_slips
from generator.lib.isolation import IsolatedFailure, run_isolated

logger = logging.getLogger(__name__)

# Python object representations in output mean a template printed an internal object, such as
# a helper function instead of its result: "<function …>", "<Namespace {…}>" and
# "<TemplateReference None>" arrive escaped (a clause's own tags never are), and a slice of one,
# (r|string)[1:], still shows its memory address.
_LEAK = re.compile(
    r"(<|&lt;)(class|function|module|built-in|bound method|generator|jinja2\.)"
    r"|&lt;[A-Za-z_][\w.]*(\s|&gt;)"
    r"|\bat 0x[0-9a-fA-F]{4,}"
)

# The child process that validates (lib/isolation.py): CPU seconds for one clause, rendered
# for every example in both registers (about 0.1 s of real work; the in-process budget allows
# 2 s per render), and the wall-clock time after which it is killed, for a busy machine.
VALIDATE_CPU_SECONDS = 10
VALIDATE_CPU_SECONDS_PER_EXTRA_CLAUSE = 2


SAMPLE_CHANGES = {
    "since": "versie 1 van 1 januari 2026",
    "note": "Voorbeeld van een toelichting.",
    "lines": ["Nieuw: wij gebruiken gegevens voor ‘Nieuwsbrief’."],
}


class ClauseRefused(Exception):
    """An edit that would not render for every example; `problems` say why, with lines."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Example:
    name: str
    answers: Answers


def examples(language: str) -> list[Example]:
    """Every example answers file, set to the given statement language (the examples are Dutch
    organisations; an English clause is checked against them too)."""
    found = []
    for path in sorted(Path(settings.EXAMPLES_DIR).glob("*.json")):
        if "." in path.stem:
            continue  # the .facts.json files
        answers = load_answers_file(path)
        document = answers.document.model_copy(update={"language": Language(language)})
        found.append(Example(path.stem, answers.model_copy(update={"document": document})))
    return found


def active_clauses(language: str) -> list[ClauseSpec]:
    """The newest approved revision of every clause of a language; the files in git when the
    database has none for it (a fresh checkout, or the command line without a database)."""
    try:
        templates = list(ClauseTemplate.objects.filter(language=language).with_active_revision())
        ids = [t.active_revision_id for t in templates if t.active_revision_id]
        revisions = ClauseRevision.objects.filter(pk__in=ids).select_related("template")
        specs = [revision.as_spec() for revision in revisions]
    except DatabaseError:
        logger.info("No clause database available; using the default clause files.")
        return default_clauses(language)
    if not specs:
        return default_clauses(language)
    return sorted(specs, key=lambda spec: (spec.order, spec.key))


def clause_validate(spec: ClauseSpec) -> list[str]:
    """Compile the clause and render it against every example answers file in both registers,
    within the sandbox's caps, in a child process with memory and CPU limits. Returns the
    problems; an empty list means it would be accepted."""
    return clauses_validate([spec])[0]


# Clauses this process has accepted. Validation depends only on the text, the examples and the
# code, none of which change while a process runs, so an identical text is accepted again
# without a child process: the defaults loaded again (every test that needs the library, every
# start) cost nothing. Only acceptance is remembered: a refusal is always worked out again.
_accepted: set[tuple] = set()
_ACCEPTED_MAX = 2_000


def _accepted_key(spec: ClauseSpec) -> tuple:
    return (
        spec.key, spec.language, spec.title, spec.order, spec.condition, spec.body,
        str(settings.EXAMPLES_DIR), rendering.MAX_REPEAT_CHARS, rendering.TIME_BUDGET_SECONDS,
    )  # fmt: skip


def clauses_validate(specs: list[ClauseSpec]) -> list[list[str]]:
    """clause_validate for many clauses in one child process (loading the defaults validates
    every clause of both languages); when that child fails, each clause again on its own, to
    name the one at fault."""
    results: list[list[str] | None] = [
        [] if _accepted_key(spec) in _accepted else None for spec in specs
    ]
    todo = [spec for spec, result in zip(specs, results, strict=True) if result is None]
    if todo:
        found = iter(_validate_isolated(todo))
        results = [next(found) if result is None else result for result in results]
        if len(_accepted) > _ACCEPTED_MAX:
            _accepted.clear()
        _accepted.update(
            _accepted_key(spec) for spec, result in zip(specs, results, strict=True) if not result
        )
    return results  # type: ignore[return-value]


def _validate_isolated(specs: list[ClauseSpec]) -> list[list[str]]:
    cpu = VALIDATE_CPU_SECONDS + VALIDATE_CPU_SECONDS_PER_EXTRA_CLAUSE * (len(specs) - 1)
    try:
        return run_isolated(
            lambda: _validate_here(specs), cpu_seconds=cpu, wall_seconds=3 * cpu + 10
        )
    except IsolatedFailure as failure:
        if len(specs) > 1:
            return [_validate_isolated([spec])[0] for spec in specs]
        return [[f"tekst: clausule '{specs[0].key}': {failure.reason}"]]


@dataclass(frozen=True)
class _Sample:
    where: str
    register: str
    variables: dict


def _samples(language: str) -> list[_Sample]:
    """Every example in both registers, as the variables a clause is rendered with: one
    register as a first version, the other as a later one with changes, so both branches of
    a clause such as "wijzigingen" are rendered. Built once per batch (the variables are
    read-only to templates: the environment is immutable)."""
    samples = []
    for example in examples(language):
        for register in ("formal", "informal"):
            changes = SAMPLE_CHANGES if register == "informal" else None
            samples.append(
                _Sample(
                    f"voorbeeld {example.name} ({register})",
                    register,
                    variables_for(example.answers, register, changes),
                )
            )
    return samples


def _validate_here(specs: list[ClauseSpec]) -> list[list[str]]:
    samples: dict[str, list[_Sample]] = {}
    results = []
    for spec in specs:
        if spec.language not in samples:
            samples[spec.language] = _samples(spec.language)
        results.append(_validate_one(spec, samples[spec.language]))
    return results


def _validate_one(spec: ClauseSpec, samples: list[_Sample]) -> list[str]:
    problems: list[str] = []
    for source, part in ((spec.body, "tekst"), (spec.title, "titel")):
        try:
            compile_clause(source, spec.key)
        except ClauseError as error:
            problems.append(f"{part}: {error}")
    try:
        compile_clause("{% if " + spec.condition + " %}{% endif %}", spec.key)
    except ClauseError as error:
        problems.append(f"voorwaarde: {error.message}")
    if problems:
        return problems
    for sample in samples:
        where, register, variables = sample.where, sample.register, sample.variables
        try:
            if not evaluate_condition(spec.condition, spec.key, variables):
                continue
            output = render_template(spec.title, spec.key, variables)
            output += render_template(spec.body, spec.key, variables)
        except ClauseError as error:
            # One failing example is enough to refuse; rendering the others would only
            # spend the time budget again on a template that loops or explodes.
            return [*problems, f"{where}: {error}"]
        leak = _LEAK.search(output)
        if leak:
            problems.append(f"{where}: de tekst toont een intern Python-object ({leak.group()}…)")
        # One voice (R30): the examples' own texts are register-neutral, so a word of the
        # other register here was written by the clause.
        slips = register_slips(plain_text(output), register) if spec.language == "nl" else []
        if slips:
            problems.append(
                f"{where}: '{slips[0].phrase}' hoort bij de andere aanspreekvorm; "
                'gebruik w.je, w.uw of r("u-vorm", "je-vorm")'
            )
    return problems


def _next_number(template: ClauseTemplate) -> int:
    last = template.revisions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def clause_save(
    *, spec: ClauseSpec, author=None, note: str = "", approved: bool = True
) -> ClauseRevision:
    """Validate, then store the clause as the next revision of its template (made if new)."""
    problems = clause_validate(spec)
    if problems:
        raise ClauseRefused(problems)
    template, _ = ClauseTemplate.objects.select_for_update().get_or_create(
        key=spec.key,
        language=spec.language,
        defaults={"title": spec.title, "order": spec.order, "condition": spec.condition},
    )
    revision = ClauseRevision.objects.create(
        template=template,
        number=_next_number(template),
        title=spec.title,
        order=spec.order,
        condition=spec.condition,
        body=spec.body,
        note=note,
        approved=approved,
        author=author,
    )
    if approved:
        ClauseTemplate.objects.filter(pk=template.pk).update(
            title=spec.title, order=spec.order, condition=spec.condition
        )
    return revision


def clause_approve(*, revision: ClauseRevision) -> ClauseRevision:
    revision.approved = True
    revision.save(update_fields=["approved"])
    ClauseTemplate.objects.filter(pk=revision.template_id).update(
        title=revision.title, order=revision.order, condition=revision.condition
    )
    return revision


def clause_rollback(*, revision: ClauseRevision, author=None) -> ClauseRevision:
    """Roll back by making a new revision with an old text; history only ever grows."""
    return clause_save(
        spec=revision.as_spec(), author=author, note=f"Teruggezet naar revisie {revision.number}"
    )


def _same(revision: ClauseRevision | None, spec: ClauseSpec) -> bool:
    return revision is not None and (
        revision.title,
        revision.order,
        revision.condition,
        revision.body,
    ) == (
        spec.title,
        spec.order,
        spec.condition,
        spec.body,
    )


DEFAULT_NOTE = "Standaardtekst"


def _untouched_default(revision: ClauseRevision | None) -> bool:
    """The active text is a default file loaded by the program, not an editor's revision."""
    return revision is not None and revision.author_id is None and revision.note == DEFAULT_NOTE


def clauses_import(
    specs: list[ClauseSpec], *, author=None, note: str = "", only_new: bool = False
) -> list[ClauseRevision]:
    """All or nothing: every clause is validated first; then each one whose text differs from
    its active revision becomes a new revision. With only_new, a clause that an editor has
    revised is left alone, and one still at an earlier default text gets the new default: an
    upgrade brings better default texts without overwriting anyone's edits (loading the
    defaults on every start never duplicates a revision)."""
    problems = [
        f"{spec.language}/{spec.key}: {problem}"
        for spec, found in zip(specs, clauses_validate(specs), strict=True)
        for problem in found
    ]
    if problems:
        raise ClauseRefused(problems)
    created = []
    with transaction.atomic():
        for spec in specs:
            template = ClauseTemplate.objects.filter(key=spec.key, language=spec.language).first()
            active = template.active_revision() if template is not None else None
            if template is not None and (
                _same(active, spec) or (only_new and not _untouched_default(active))
            ):
                continue
            created.append(clause_save(spec=spec, author=author, note=note))
    return created


def load_default_clauses() -> list[ClauseRevision]:
    specs = [spec for language in ("nl", "en") for spec in _defaults_if_any(language)]
    return clauses_import(specs, note=DEFAULT_NOTE, only_new=True)


def _defaults_if_any(language: str) -> list[ClauseSpec]:
    try:
        return default_clauses(language)
    except ClauseFileError:
        return []


def format_clause(spec: ClauseSpec) -> str:
    """The file format of generator/clauses/defaults (files.py), for export."""
    header = f"key: {spec.key}\ntitle: {spec.title}\norder: {spec.order}\ncondition: {spec.condition}\n---\n"
    return header + spec.body


def clauses_export(directory: Path) -> list[Path]:
    written = []
    languages = ClauseTemplate.objects.values_list("language", flat=True).distinct()
    for language in sorted(set(languages)):
        for spec in active_clauses(language):
            path = directory / language / f"{spec.order:03d}-{spec.key}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(format_clause(spec), encoding="utf-8")
            written.append(path)
    return written


def clauses_from_directory(directory: Path) -> list[ClauseSpec]:
    specs = []
    for language_dir in sorted(p for p in directory.iterdir() if p.is_dir()):
        specs.extend(load_clause_dir(language_dir, language_dir.name))
    if not specs:
        raise ClauseFileError(
            f"{directory}: geen clausules gevonden (verwacht <map>/<taal>/*.html)"
        )
    return specs
