"""The only URL fetcher WeasyPrint gets: our own static files and data: URIs, nothing else.

WeasyPrint fetches every URL in the HTML and CSS it renders, and with its default fetcher a
`<link rel=attachment href=file:///etc/passwd>` embeds that file in the PDF, and an image URL
makes a request to any host (notes/security.md, section 2). The clause sanitiser already removes
such markup; this is the second wall, and the one that also covers our own templates.
"""

import logging
import mimetypes
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
# Only these folders of static/ are fonts and stylesheets meant for documents.
SERVED_FOLDERS = ("fonts", "documents")
SCHEME = "static"

logger = logging.getLogger(__name__)


class RefusedURL(ValueError):
    """Not fatal: WeasyPrint leaves the resource out and renders the rest."""


def static_url(relative: str) -> str:
    return f"{SCHEME}:{relative}"


class SafeURLFetcher(URLFetcher):
    def __init__(self) -> None:
        super().__init__(
            timeout=3, allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=False
        )
        self.refused: list[str] = []

    def _refuse(self, url: str, reason: str) -> RefusedURL:
        self.refused.append(url)
        logger.warning("PDF: refused %s (%s)", url[:200], reason)
        return RefusedURL(f"{reason}: {url[:200]}")

    def _static(self, url: str) -> URLFetcherResponse:
        relative = url[len(SCHEME) + 1 :].split("?")[0].split("#")[0].lstrip("/")
        path = (STATIC_DIR / relative).resolve()
        allowed = [(STATIC_DIR / folder).resolve() for folder in SERVED_FOLDERS]
        if not any(path.is_relative_to(folder) for folder in allowed) or not path.is_file():
            raise self._refuse(url, "not one of our document assets")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == SCHEME:
            return self._static(url)
        if scheme == "data":
            return super().fetch(url, headers)
        raise self._refuse(url, "scheme not allowed")
