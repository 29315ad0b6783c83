"""The scan's SSRF guard (issue 18): every spelling of a private address is refused, by what
it resolves to; public addresses pass; the proxy connects only where the guard allowed."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.scanning.guard import RefusedURL, check_url
from generator.scanning.proxy import GuardProxy

PUBLIC = "93.184.216.34"  # example.com's old address; no network is used (resolve is faked)

REFUSED = [
    "http://127.0.0.1/",
    "http://localhost/",
    "http://2130706433/",  # decimal
    "http://0177.0.0.1/",  # octal
    "http://0x7f000001/",  # hexadecimal
    "http://127.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",  # IPv6-mapped
    "http://[::ffff:7f00:1]/",
    "http://[2002:7f00:1::]/",  # 6to4 around loopback
    "http://[64:ff9b::a00:1]/",  # NAT64 around 10.0.0.1
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://167772161/",  # 10.0.0.1, decimal
    "http://169.254.169.254/latest/meta-data/",  # the cloud metadata service
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://0.0.0.0/",
    "http://224.0.0.1/",
    "http://rebinding.example/",  # a name that resolves to loopback
    "http://mixed.example/",  # one public and one private address
    "ftp://example.com/",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "http://user:secret@example.com/",
    "http://example.com:22/",
    "http://example.com:99999/",
    "http:///pad",
    "http://does-not-exist.invalid/",
]


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch):
    real = socket.getaddrinfo
    names = {
        "example.com": [PUBLIC],
        "rebinding.example": ["127.0.0.1"],
        "mixed.example": [PUBLIC, "10.1.2.3"],
    }

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in names[host]]
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize("url", REFUSED)
def test_every_private_or_odd_address_is_refused_with_a_reason(url):
    with pytest.raises(RefusedURL) as refused:
        check_url(url)
    assert str(refused.value)  # a Dutch reason for the person who typed it


def test_a_public_address_passes_and_is_what_the_proxy_will_connect_to():
    target = check_url("https://Example.com/pagina?x=1")
    assert (target.host, target.port, target.addresses) == ("example.com", 443, (PUBLIC,))
    assert check_url("http://example.com/").port == 80


def test_loopback_only_when_allowed_and_never_a_private_network():
    assert check_url("http://127.0.0.1:8123/", allow_loopback=True).addresses == ("127.0.0.1",)
    with pytest.raises(RefusedURL):
        check_url("http://10.0.0.1:8123/", allow_loopback=True)
    with pytest.raises(RefusedURL):
        check_url("http://169.254.169.254/", allow_loopback=True)


class _Hello(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        body = f"hallo {self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _ask(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
            if b"200 Connection Established" in answer:
                break
        return answer


def test_the_proxy_relays_allowed_requests_and_refuses_the_rest():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        with GuardProxy(allow_loopback=True, seconds=30, byte_cap=10**6) as proxy:
            ok = _ask(proxy.port, f"GET http://127.0.0.1:{port}/a?b=1 HTTP/1.1\r\n"
                                  f"Host: 127.0.0.1:{port}\r\n\r\n".encode())  # fmt: skip
            assert ok.startswith(b"HTTP/1.0 200") and ok.endswith(b"hallo /a?b=1")
            for request in (
                b"GET http://10.0.0.1/ HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n",
                b"CONNECT 169.254.169.254:443 HTTP/1.1\r\n\r\n",
                b"CONNECT [::ffff:192.168.0.1]:443 HTTP/1.1\r\n\r\n",
                b"GET ftp://example.com/ HTTP/1.1\r\n\r\n",
            ):
                assert _ask(proxy.port, request).startswith(b"HTTP/1.1 403"), request
            assert len(proxy.traffic.refused) == 4
            tunnel = _ask(proxy.port, f"CONNECT 127.0.0.1:{port} HTTP/1.1\r\n\r\n".encode())
            assert tunnel.startswith(b"HTTP/1.1 200 Connection Established")
        with GuardProxy(allow_loopback=False, seconds=30, byte_cap=10**6) as proxy:
            request = f"GET http://localhost:{port}/ HTTP/1.1\r\n\r\n".encode()
            assert _ask(proxy.port, request).startswith(b"HTTP/1.1 403")
    finally:
        server.shutdown()
        server.server_close()
