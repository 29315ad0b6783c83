import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.documents.document import Document, Metadata, Section


class Canary:
    """A loopback HTTP server that counts every request; the PDF tests expect zero."""

    def __init__(self):
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                if self.path.startswith("/redirect"):
                    self.send_response(302)
                    self.send_header("Location", "file:///etc/passwd")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"CANARY-SECRET")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canary():
    server = Canary()
    yield server
    server.close()


def make_document(*sections: Section, **meta) -> Document:
    metadata = Metadata(
        organisation=meta.get("organisation", "Voorbeeld B.V."),
        title=meta.get("title", "Privacyverklaring"),
        language="nl",
        register="formal",
        version_label=meta.get("version_label", "2.1"),
        effective_date=datetime.date(2026, 3, 1),
        effective_date_text="1 maart 2026",
    )
    if not sections:
        sections = (
            Section("een", "Eerste deel", "<p>Tekst van het eerste deel.</p>"),
            Section(
                "twee",
                "Tweede deel",
                "<ul><li>Punt</li></ul><table><tr><th>A</th><td>B</td></tr></table>",
            ),
        )
    return Document(metadata=metadata, sections=tuple(sections))


@pytest.fixture
def document() -> Document:
    return make_document()
