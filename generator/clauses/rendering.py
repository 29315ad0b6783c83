"""The only place that runs Jinja2: clause templates rendered in a capped sandbox.

Clause templates are untrusted code (design.md, invariant 4). They run in Jinja2's
ImmutableSandboxedEnvironment with autoescape and StrictUndefined, over the plain data of
context.py, with no loader (so no include or import), and with caps that the sandbox itself
does not give: template length, output size, a time budget, no `**`, bounded `*` and `range`.
Their output is then reduced to the section vocabulary of documents.document.
"""

import operator
import re
import string
import threading
import time
import traceback
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

import markdown
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.answers.free_text import in_language
from generator.answers.schema import Answers
from generator.clauses.context import build_context
from generator.clauses.files import ClauseSpec
from generator.documents.document import Document, Metadata, Section, clean_html, plain_text
from generator.lib import dutch

MAX_TEMPLATE_CHARS = 50_000
MAX_CLAUSE_OUTPUT_CHARS = 200_000
MAX_DOCUMENT_OUTPUT_CHARS = 2_000_000
MAX_RANGE = 10_000
MAX_REPEAT_CHARS = 100_000
TIME_BUDGET_SECONDS = 2.0

DEFAULT_TITLE = {"nl": "Privacyverklaring", "en": "Privacy statement"}
EXTRA_SECTIONS_ORDER = 900  # user-written sections go just before the contact section
LEAD_ORDER = 10  # clauses ordered below this open the document, before its table of contents


class ClauseError(Exception):
    """A clause that cannot be compiled or rendered; names the clause and, if known, the line."""

    def __init__(self, key: str, message: str, lineno: int | None = None):
        self.key = key
        self.message = message
        self.lineno = lineno
        where = f"clausule '{key}'" + (f", regel {lineno}" if lineno else "")
        super().__init__(f"{where}: {message}")


class _Budget(threading.local):
    deadline: float = float("inf")


_budget = _Budget()


def _check_time() -> None:
    if time.monotonic() > _budget.deadline:
        raise SecurityError("de clausule doet er te lang over (tijdslimiet)")


def _capped_range(*args: int) -> Iterator[int]:
    values = range(*args)
    if len(values) > MAX_RANGE:
        raise SecurityError(f"range() is beperkt tot {MAX_RANGE} waarden")
    for value in values:
        # A generator, so nested loops over it are interrupted by the time budget even when
        # they print nothing.
        _check_time()
        yield value


def _too_big(size: int) -> None:
    if size > MAX_REPEAT_CHARS:
        raise SecurityError("de uitvoer van deze bewerking is te groot")


# A printf-style conversion ("%300000000s", "%.300000000f") and a str.format spec (">300000000").
_PERCENT_SPEC = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBER = re.compile(r"\d+")


def _refuse_wide(numbers: list[str]) -> None:
    # A width or precision that big allocates the string before any output cap could see it;
    # a "*" would take it from the arguments.
    if any(n == "*" or (n and int(n) > MAX_REPEAT_CHARS) for n in numbers):
        raise SecurityError("een breedte in een opmaak is te groot")


def _check_format_spec(spec: str) -> None:
    _refuse_wide(["*"] if "*" in spec else _NUMBER.findall(spec))


def _check_percent_format(text: str) -> None:
    _refuse_wide([n for match in _PERCENT_SPEC.findall(text) for n in match])


def _expansion_check(name: str, value: Any, args: tuple) -> None:
    """Before a filter or str method that can make its result far larger than its input runs:
    refuse when the result would pass MAX_REPEAT_CHARS (the time budget and the output cap only
    see a result after it was built, in memory)."""
    text = value if isinstance(value, str) else str(value)
    if name in ("center", "ljust", "rjust", "zfill") and args:
        _too_big(args[0] if isinstance(args[0], int) else 0)
    elif name == "indent" and args:
        width = args[0] if isinstance(args[0], int) else len(str(args[0]))
        _too_big(len(text) + width * (text.count("\n") + 1))
    elif name == "expandtabs" and args:
        _too_big(len(text) + (args[0] if isinstance(args[0], int) else 0) * text.count("\t"))
    elif name == "replace" and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        count = text.count(old) if old else len(text) + 1
        _too_big(len(text) + count * max(0, len(new) - len(old)))
    elif name == "format":  # the |format filter: text % args
        _check_percent(text, args)
    elif name == "translate" and args and isinstance(args[0], Mapping):
        longest = max((_size(v) for v in args[0].values() if v is not None), default=1)
        _too_big(len(text) * max(1, longest))


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str) else len(str(value))


def _check_percent(text: str, operand: Any) -> None:
    """`text % operand` (and |format): no wide field, and no result past the cap, counting
    every "%" as a field that could print the largest argument."""
    _check_percent_format(text)
    if isinstance(operand, tuple):
        sizes = [_size(item) for item in operand]
    elif isinstance(operand, Mapping):
        sizes = [_size(item) for item in operand.values()]
    else:
        sizes = [_size(operand)]
    _too_big(len(text) + text.count("%") * max(sizes, default=0))


def _joined(separator: str, items: list) -> None:
    _too_big(len(separator) * max(0, len(items) - 1) + sum(_size(item) for item in items))


def _bounded_join(original: Any) -> Any:
    # |join: the items are counted before the join builds the text (a generator is read once,
    # so it is made a list first).
    def bounded(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> Any:
        items = list(value)
        _joined(str(d), items)
        return original(eval_ctx, items, d, attribute)

    bounded.jinja_pass_arg = original.jinja_pass_arg
    return bounded


def _bounded_sum(original: Any) -> Any:
    # |sum(start=[]) adds lists or texts one by one, copying the growing result each time.
    def bounded(environment: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
        if not isinstance(start, (int, float, Decimal)) or isinstance(start, bool):
            raise SecurityError("sum telt alleen getallen op")
        return original(environment, iterable, attribute, start)

    bounded.jinja_pass_arg = original.jinja_pass_arg
    return bounded


def _bounded_filter(name: str, original: Any) -> Any:
    if hasattr(original, "jinja_pass_arg"):  # the filter is given the context first

        def bounded(passed: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
            _expansion_check(name, value, args + tuple(kwargs.values()))
            return original(passed, value, *args, **kwargs)

        bounded.jinja_pass_arg = original.jinja_pass_arg
    else:

        def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
            _expansion_check(name, value, args + tuple(kwargs.values()))
            return original(value, *args, **kwargs)

    bounded.__name__ = original.__name__
    return bounded


class _CodeGenerator(CodeGenerator):
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # `a ~ b` compiles to a join Jinja2 does not let a sandbox intercept; send it through
        # the environment, which measures the parts first (doubling a text 30 times with ~).
        self.write("environment.checked_concat(context, (")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class ClauseEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"**", "*", "%", "+"})
    code_generator_class = _CodeGenerator

    def checked_concat(self, context: Any, parts: tuple) -> Any:
        _check_time()
        _joined("", list(parts))
        return markup_join(parts) if context.eval_ctx.autoescape else str_join(parts)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            raise SecurityError("machtsverheffen (**) is niet toegestaan in clausules")
        if operator_name == "%":
            if isinstance(left, str):
                _check_percent(left, right)
            return operator.mod(left, right)
        if operator_name == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                _too_big(len(left) + len(right))  # doubling a list with l + l
            return operator.add(left, right)
        if operator_name == "*":
            for seq, count in ((left, right), (right, left)):
                if (
                    isinstance(seq, (str, list, tuple))
                    and isinstance(count, int)
                    and len(seq) * count > MAX_REPEAT_CHARS
                ):
                    raise SecurityError("de uitvoer van * is te groot")
            return operator.mul(left, right)
        return super().call_binop(context, operator_name, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _check_time()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _check_time()
        return super().getitem(obj, argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_time()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):  # 'x'.center(10**9), 'x'.replace(...), '...'.format(...)
            name = getattr(__obj, "__name__", "")
            if name == "join" and len(args) == 1 and not kwargs:
                items = list(args[0])
                _joined(owner, items)
                args = (items,)
            _expansion_check(name, owner, args + tuple(kwargs.values()))
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        # The sandbox hands out its own wrapper for str.format and str.format_map when the
        # attribute is read; check the format string's widths before handing it out.
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__
        fields = 0
        for _text, field, spec, _conversion in string.Formatter().parse(text):
            if spec and "{" in spec:
                raise SecurityError("een breedte in een opmaak is te groot")
            _check_format_spec(spec or "")
            fields += field is not None

        def measured(*args: Any, **kwargs: Any) -> Any:
            # ('{0}' * 10000).format(long_text): every field may print the longest argument.
            values = [*args, *kwargs.values()]
            if value.__name__ == "format_map" and args and isinstance(args[0], Mapping):
                values = list(args[0].values())
            _too_big(len(text) + fields * max((_size(v) for v in values), default=0))
            return wrapped(*args, **kwargs)

        return measured


def _register_helpers(register: str, language: str = "nl") -> dict[str, Any]:
    formal = register == "formal"

    def r(formal_text: str, informal_text: str) -> str:
        """Pick the formal ("u") or informal ("je") wording."""
        return formal_text if formal else informal_text

    if language == "en":
        # English has one form of address; the same helper names keep templates alike.
        words = {"je": "you", "jij": "you", "jou": "you", "jouw": "your", "u": "you", "uw": "your"}
    else:
        # Informal Dutch says the unstressed "je" where no contrast is meant ("Zo gebruik je je
        # rechten", "Dit kost je niets"): w.u and w.uw; "jou" and "jouw" only with stress.
        words = {
            "je": "u" if formal else "je",
            "jij": "u" if formal else "jij",
            "jou": "u" if formal else "jou",
            "jouw": "uw" if formal else "jouw",
            "u": "u" if formal else "je",
            "uw": "uw" if formal else "je",
        }
    words |= {key.capitalize(): value.capitalize() for key, value in words.items()}
    return {"r": r, "w": words, "formal": formal}


def _make_environment() -> ClauseEnvironment:
    env = ClauseEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # lipsum() and an unbounded range() can each keep a worker busy indefinitely.
    for name in ("lipsum", "range", "cycler", "joiner"):
        env.globals.pop(name, None)
    env.globals["range"] = _capped_range
    # Everything a clause prints is escaped; |safe would let an answer write its own HTML.
    env.filters.pop("safe", None)
    for name in ("center", "indent", "replace", "format"):
        env.filters[name] = _bounded_filter(name, env.filters[name])
    env.filters["join"] = _bounded_join(env.filters["join"])
    env.filters["sum"] = _bounded_sum(env.filters["sum"])
    return env


ENV = _make_environment()


def _listed(items: Any, language: str, style: str = "standard") -> str:
    items = list(items)
    _joined(", ", items)
    return dutch.format_list(items, language, style)


def _language_helpers(language: str) -> dict[str, Any]:
    return {
        "list_and": lambda items: _listed(items, language),
        "list_or": lambda items: _listed(items, language, style="or"),
        "number": lambda value: dutch.number_words(int(value), language),
        "capfirst": dutch.capfirst,
        "sentence": dutch.sentence,
        "full_stop": dutch.full_stop,
        "inline": lambda text: dutch.inline(text, language),
        # Names of activities inside a sentence, in the statement's quotation marks.
        "quoted": lambda items: [f"‘{item}’" for item in items],
    }


@lru_cache(maxsize=512)
def _compile(source: str) -> Any:
    # Keyed by the text itself, so an edited clause is compiled anew and an unchanged one never.
    return ENV.from_string(source)


def _error_line(error: BaseException) -> int | None:
    lineno = getattr(error, "lineno", None)
    if lineno:
        return lineno
    # Jinja2 rewrites tracebacks so template frames carry the template's own line numbers;
    # templates made with from_string() are all named "<template>".
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename == "<template>":
            return frame.lineno
    return None


def compile_clause(source: str, key: str) -> Any:
    if len(source) > MAX_TEMPLATE_CHARS:
        raise ClauseError(key, f"de tekst is langer dan {MAX_TEMPLATE_CHARS} tekens")
    try:
        return _compile(source)
    except TemplateSyntaxError as error:
        raise ClauseError(key, error.message or str(error), error.lineno) from None
    except RecursionError:
        # Jinja2's parser and compiler recurse per parenthesis, bracket, block and filter.
        raise ClauseError(
            key, "de tekst is te diep genest (haakjes, blokken of filters binnen elkaar)"
        ) from None
    except SyntaxError:
        # Python's own compiler, on the code Jinja2 made: "too many statically nested blocks"
        # (its line number is one of that code, not of the clause).
        raise ClauseError(
            key, "de tekst heeft te veel blokken ({% for %}, {% if %}) binnen elkaar"
        ) from None
    except ValueError:
        raise ClauseError(key, "een getal in de tekst is te lang") from None
    except MemoryError:
        raise ClauseError(key, "de tekst is te groot om te vertalen") from None


def render_template(source: str, key: str, variables: dict[str, Any]) -> str:
    """Render one clause template (body or title) with the caps. Raises ClauseError."""
    template = compile_clause(source, key)
    _budget.deadline = time.monotonic() + TIME_BUDGET_SECONDS
    chunks: list[str] = []
    size = 0
    try:
        for chunk in template.generate(variables):
            size += len(chunk)
            if size > MAX_CLAUSE_OUTPUT_CHARS:
                raise ClauseError(key, f"de uitvoer is groter dan {MAX_CLAUSE_OUTPUT_CHARS} tekens")
            chunks.append(chunk)
            _check_time()
    except ClauseError:
        raise
    except SecurityError as error:
        raise ClauseError(key, f"niet toegestaan: {error}", _error_line(error)) from None
    except MemoryError as error:
        # In the child process of validation and preview: past its address-space limit.
        raise ClauseError(
            key, "de clausule gebruikt te veel geheugen", _error_line(error)
        ) from None
    except (TemplateError, RecursionError, ArithmeticError, TypeError,
            ValueError, LookupError, AttributeError) as error:  # fmt: skip
        raise ClauseError(key, f"{type(error).__name__}: {error}", _error_line(error)) from None
    finally:
        _budget.deadline = float("inf")
    return "".join(chunks)


def evaluate_condition(expression: str, key: str, variables: dict[str, Any]) -> bool:
    if expression.strip().lower() in {"", "true", "altijd"}:
        return True
    source = "{% if " + expression + " %}1{% endif %}"
    return render_template(source, key, variables) == "1"


def variables_for(
    answers: Answers, register: str | None = None, changes: dict | None = None
) -> dict[str, Any]:
    context = build_context(answers, register, changes)
    helpers = _register_helpers(context["register"], context["language"])
    return context | helpers | _language_helpers(context["language"])


def _has_text(html: str) -> bool:
    return bool(plain_text(html).strip())


def _extra_sections(answers: Answers) -> list[Section]:
    sections = []
    for index, extra in enumerate(answers.other.extra_sections, start=1):
        html = clean_html(markdown.markdown(extra.body))
        if _has_text(html):
            sections.append(
                Section(key=f"extra-{index}", title=extra.title, html=html, revision="answers")
            )
    return sections


def build_document(
    answers: Answers,
    clauses: list[ClauseSpec],
    register: str | None = None,
    changes: dict | None = None,
) -> Document:
    """Answers + clause revisions + register (+ the changes since the previous published
    version) -> Document (design.md, invariant 1)."""
    variables = variables_for(answers, register, changes)
    language = variables["language"]
    answers = in_language(answers, language)  # the title and the extra sections below
    ordered: list[tuple[int, Section]] = []
    total = 0
    for spec in clauses:
        if spec.language != language:
            continue
        if not evaluate_condition(spec.condition, spec.key, variables):
            continue
        html = clean_html(render_template(spec.body, spec.key, variables))
        if not _has_text(html):
            continue  # no empty headings: a section with nothing to say does not appear
        total += len(html)
        if total > MAX_DOCUMENT_OUTPUT_CHARS:
            raise ClauseError(spec.key, "de verklaring als geheel is te groot")
        title = plain_text(render_template(spec.title, spec.key, variables)).strip()
        lead = spec.order < LEAD_ORDER
        ordered.append((spec.order, Section(spec.key, title, html, spec.revision, lead)))
    ordered.extend((EXTRA_SECTIONS_ORDER, s) for s in _extra_sections(answers))
    ordered.sort(key=lambda item: item[0])
    if not ordered:
        raise ClauseError("*", f"geen clausules voor taal '{language}'")
    document = answers.document
    metadata = Metadata(
        organisation=answers.controller.legal_name,
        title=document.title or DEFAULT_TITLE[language],
        language=language,
        register=variables["register"],
        version_label=document.version_label,
        effective_date=document.effective_date,
        effective_date_text=variables["document"]["date"],
    )
    return Document(metadata=metadata, sections=tuple(section for _, section in ordered))
