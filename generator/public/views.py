"""Public pages: the landing page, the live examples, and each organisation's published
statement at its unguessable address, with its archive. Drafts are never shown here: every
lookup starts from published versions."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from generator.answers.loading import load_answers_file
from generator.answers.schema import Answers
from generator.answers.types import text_of
from generator.documents import pdf
from generator.documents.formats import FORMATS
from generator.documents.html import page_context
from generator.documents.options import OutputOptions
from generator.statements.exports import statement_export, version_export
from generator.statements.models import Organisation, StatementVersion

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
                "title": text_of(answers.document.title, "en" if get_language() == "en" else "nl"),
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
    data = statement_export(answers, fmt=fmt, register=register, in_worker=True)
    output = FORMATS[fmt]
    response = HttpResponse(data, content_type=output.CONTENT_TYPE)
    if fmt != "html":
        suffix = f"-{register}" if register else ""
        filename = f"privacyverklaring-{slug}{suffix}.{output.EXTENSION}"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _published(public_id) -> tuple[Organisation, list[StatementVersion]]:
    organisation = get_object_or_404(
        Organisation.objects.select_related("statement"), public_id=public_id
    )
    versions = list(organisation.statement.versions.order_by("-number"))
    if not versions:
        raise Http404("Nog niet gepubliceerd")
    return organisation, versions


def _language(request: HttpRequest, version: StatementVersion) -> str:
    wanted = request.GET.get("taal")
    return wanted if wanted in version.languages else version.language


def _page(
    request: HttpRequest, organisation: Organisation, versions: list, version: StatementVersion
) -> HttpResponse:
    language = _language(request, version)
    context = page_context(version.as_document(language)) | {
        "language": language,
        # The first layer is written in the main language only.
        "summary_html": version.summary_html if language == version.language else "",
        "organisation": organisation,
        "version": version,
        "latest": versions[0],
        "is_latest": version.pk == versions[0].pk,
        "versions": versions,
        "pdf_being_made": bool(pdf.queued_versions([version.pk])),
    }
    return render(request, "public/statement.html", context)


@require_GET
def public_statement(request: HttpRequest, public_id) -> HttpResponse:
    organisation, versions = _published(public_id)
    return _page(request, organisation, versions, versions[0])


@require_GET
def public_version(request: HttpRequest, public_id, number: int) -> HttpResponse:
    organisation, versions = _published(public_id)
    version = next((v for v in versions if v.number == number), None)
    if version is None:
        raise Http404
    return _page(request, organisation, versions, version)


@require_GET
def public_archive(request: HttpRequest, public_id) -> HttpResponse:
    organisation, versions = _published(public_id)
    return render(
        request, "public/archive.html", {"organisation": organisation, "versions": versions}
    )


@require_GET
@xframe_options_exempt
def public_fragment(request: HttpRequest, public_id) -> HttpResponse:
    """The latest version as an HTML fragment for the organisation's own site; any site may
    fetch it (it is public anyway), but it carries no cookies or scripts."""
    _organisation, versions = _published(public_id)
    data = FORMATS["fragment"].render(versions[0].as_document(), OutputOptions())
    response = HttpResponse(data, content_type=FORMATS["fragment"].CONTENT_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def public_download(request: HttpRequest, public_id, number: int, fmt: str) -> HttpResponse:
    _organisation, versions = _published(public_id)
    version = next((v for v in versions if v.number == number), None)
    if version is None or fmt not in ("pdf", "docx", "md"):
        raise Http404
    return version_export(version, fmt, _language(request, version))


@require_GET
def public_cookies(request: HttpRequest, public_id) -> HttpResponse:
    """The cookie statement on its own page (many sites link a separate cookieverklaring),
    taken from the latest published version."""
    organisation, versions = _published(public_id)
    document = versions[0].as_document()
    if "cookies" not in document.keys:
        raise Http404("Geen cookies in deze verklaring")
    context = {
        "organisation": organisation,
        "version": versions[0],
        "meta": document.metadata,
        "section": document.section("cookies"),
    }
    return render(request, "public/cookies.html", context)
