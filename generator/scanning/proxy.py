"""The only way out for the scanning browser: a forward proxy on 127.0.0.1 that checks every
connection with the guard and connects to the address it checked.

Why a proxy and not Playwright's request routing: Chromium follows redirects without calling
the route handler (tried: a 302 to a private address was fetched unrouted), WebSockets and
WebRTC bypass it, and the browser resolves names itself after the check. Chromium sends every
request here instead (`--proxy-server` with `<-loopback>`, so not even localhost is exempt):
plain http as absolute-form requests, https and WebSockets as CONNECT tunnels whose TLS stays
end to end. Each request is checked on its own, so every hop of a redirect is.
"""

import contextlib
import logging
import select
import socket
import socketserver
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.scanning.guard import RefusedURL, Target, resolve

logger = logging.getLogger(__name__)

HEAD_LIMIT = 64 * 1024
CONNECT_SECONDS = 10
DROPPED_HEADERS = {"proxy-connection", "proxy-authorization", "connection", "keep-alive"}


@dataclass
class Traffic:
    """What the scan's pages reached: hosts contacted and refused, bytes relayed."""

    hosts: list[str] = field(default_factory=list)
    refused: list[dict] = field(default_factory=list)
    bytes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def contacted(self, host: str) -> None:
        with self.lock:
            if host not in self.hosts:
                self.hosts.append(host)

    def refuse(self, what: str, reason: str) -> None:
        with self.lock:
            self.refused.append({"url": what[:300], "reason": reason})
        logger.warning("scan: refused %s (%s)", what[:200], reason)


class _Handler(socketserver.StreamRequestHandler):
    timeout = CONNECT_SECONDS * 3
    # Unbuffered: the relay reads the socket itself, so no byte may wait in a reader's buffer.
    rbufsize = 0

    def handle(self) -> None:
        server: GuardProxy = self.server  # type: ignore[assignment]
        try:
            head = self._read_head()
        except (OSError, ValueError):
            return
        if not head:
            return
        request_line, *header_lines = head.split("\r\n")
        try:
            method, target, version = request_line.split(" ", 2)
        except ValueError:
            return self._reply(400, "Bad Request")
        try:
            if method.upper() == "CONNECT":
                host, _, port = target.rpartition(":")
                checked = resolve(host.strip("[]"), int(port), server.allow_loopback)
                upstream = self._connect(checked)
                server.traffic.contacted(checked.host)
                self.wfile.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
                self.wfile.flush()
                self._relay(upstream, b"")
                return
            parts = urlsplit(target)
            if parts.scheme.lower() != "http" or not parts.hostname:
                raise RefusedURL("alleen http en https")
            checked = resolve(parts.hostname, parts.port or 80, server.allow_loopback)
        except RefusedURL as error:
            server.traffic.refuse(target, str(error))
            return self._reply(403, "Forbidden")
        except (OSError, ValueError) as error:
            return self._reply(502, f"Bad Gateway ({type(error).__name__})")
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        headers = [
            line
            for line in header_lines
            if line and line.split(":", 1)[0].strip().lower() not in DROPPED_HEADERS
        ]
        length = 0
        for line in headers:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip() or 0)
        body = self.rfile.read(length) if length else b""
        outgoing = "\r\n".join([f"{method} {path} {version}", *headers, "Connection: close"])
        try:
            upstream = self._connect(checked)
        except OSError as error:
            return self._reply(502, f"Bad Gateway ({type(error).__name__})")
        server.traffic.contacted(checked.host)
        self._relay(upstream, outgoing.encode("latin-1") + b"\r\n\r\n" + body)

    def _read_head(self) -> str:
        lines = []
        size = 0
        while True:
            line = self.rfile.readline(HEAD_LIMIT + 1)
            size += len(line)
            if size > HEAD_LIMIT:
                raise ValueError("head too large")
            if line in (b"\r\n", b"\n", b""):
                break
            lines.append(line.decode("latin-1").rstrip("\r\n"))
        return "\r\n".join(lines)

    def _reply(self, status: int, reason: str) -> None:
        reply = f"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        with contextlib.suppress(OSError):  # the browser gave up already
            self.wfile.write(reply.encode())

    def _connect(self, target: Target) -> socket.socket:
        """The first of the checked addresses that answers (localhost is ::1 and 127.0.0.1)."""
        error: OSError | None = None
        for address in target.addresses:
            try:
                return socket.create_connection((address, target.port), timeout=CONNECT_SECONDS)
            except OSError as failed:
                error = failed
        raise error or OSError("no address")

    def _relay(self, upstream: socket.socket, first: bytes) -> None:
        """Copy bytes both ways until one side closes, the scan's byte cap or its time."""
        server: GuardProxy = self.server  # type: ignore[assignment]
        client = self.connection
        try:
            if first:
                upstream.sendall(first)
            sockets = [client, upstream]
            while time.monotonic() < server.deadline:
                ready, _, _ = select.select(sockets, [], [], 1.0)
                for source in ready:
                    data = source.recv(65536)
                    if not data:
                        return
                    with server.traffic.lock:
                        server.traffic.bytes += len(data)
                        over = server.traffic.bytes > server.byte_cap
                    if over:
                        server.traffic.refuse(
                            "(alle verkeer)", "de scan haalde te veel gegevens op"
                        )
                        return
                    (upstream if source is client else client).sendall(data)
        except OSError:
            return
        finally:
            upstream.close()


class GuardProxy(socketserver.ThreadingTCPServer):
    """`with GuardProxy(...) as proxy:` serves on 127.0.0.1:proxy.port until the block ends."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, allow_loopback: bool, seconds: float, byte_cap: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.allow_loopback = allow_loopback
        self.deadline = time.monotonic() + seconds
        self.byte_cap = byte_cap
        self.traffic = Traffic()
        self.port = self.server_address[1]
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self) -> "GuardProxy":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
