"""Turns "the task worker has not made this PDF yet", "it failed" and "it is too large to make"
into a page that says so, for every view that offers a PDF download, instead of a server
error."""

import logging

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from generator.documents.pdf import PdfFailed, PdfPending, PdfTooLarge

logger = logging.getLogger(__name__)


class PdfUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, PdfPending):
            response = HttpResponse(
                render_to_string("documents/pdf_unavailable.html", {"pending": True}, request),
                status=503,
            )
            response["Retry-After"] = "30"
            return response
        if isinstance(exception, PdfTooLarge):
            return HttpResponse(
                render_to_string("documents/pdf_unavailable.html", {"too_large": True}, request),
                status=413,
            )
        if isinstance(exception, PdfFailed):
            logger.error("PDF task failed for %s", exception)
            return HttpResponse(
                render_to_string("documents/pdf_unavailable.html", {"pending": False}, request),
                status=500,
            )
        return None
