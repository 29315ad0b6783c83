"""Public pages: the landing page and the example statements rendered live by the engine."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from generator.answers.loading import load_answers_file
from generator.answers.schema import Answers
from generator.documents.formats import FORMATS
from generator.statements.exports import statement_export

REGISTERS = ("formal", "informal")


def example_slugs() -> list[str]:
    return sorted(
        path.stem for path in settings.EXAMPLES_DIR.glob("*.json") if "." not in path.stem
    )


def _example(slug: str) -> Answers:
    # The slug is matched against the files that exist, never joined into a path unchecked.
    if slug not in example_slugs():
        raise Http404("Onbekend voorbeeld")
    return load_answers_file(settings.EXAMPLES_DIR / f"{slug}.json")


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    examples = []
    for slug in example_slugs():
        answers = _example(slug)
        examples.append(
            {
                "slug": slug,
                "organisation": answers.controller.legal_name,
                "title": answers.document.title,
                "register": answers.document.register.value,
            }
        )
    return render(request, "public/home.html", {"examples": examples})


@require_GET
def example_statement(request: HttpRequest, slug: str, fmt: str = "html") -> HttpResponse:
    answers = _example(slug)
    register = request.GET.get("register")
    if register not in REGISTERS:
        register = None
    data = statement_export(answers, fmt=fmt, register=register)
    output = FORMATS[fmt]
    response = HttpResponse(data, content_type=output.CONTENT_TYPE)
    if fmt != "html":
        suffix = f"-{register}" if register else ""
        filename = f"privacyverklaring-{slug}{suffix}.{output.EXTENSION}"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
