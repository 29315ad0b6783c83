"""A small site on loopback for the cookie scan (issue 18), under two host names so a third
party exists: `localhost` is the site, `127.0.0.1` a tracker elsewhere. It sets cookies by
header and by script, before and after consent, on two pages, keeps a localStorage key, and
tries private addresses by image, by script and by a redirect: all of which the scan must see,
or refuse."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"

INDEX = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Salon Knip</title></head>
<body>
<h1>Salon Knip</h1>
<nav><a href="/over-ons">Over ons</a> <a href="/beheer">Beheer</a>
<a href="{tracker}/elders">Elders</a> <a href="/folder.pdf">Folder</a></nav>
<img src="http://169.254.169.254/latest/meta-data/" alt="">
<img src="http://167772161/teller.gif" alt="">
<script src="http://[::ffff:192.168.1.1]/lek.js"></script>
<div id="banner" role="dialog" aria-label="Cookies">
  <p>Wij gebruiken cookies.</p>
  <button type="button" id="weiger">Weigeren</button>
  <button type="button" id="accept">Alles accepteren</button>
</div>
<script>
  // Before any consent: analytics (a violation the scan must show) and a storage key.
  document.cookie = "_hjid=1; max-age=31536000; path=/";
  localStorage.setItem("_hjLocalStorageTest", "1");
  function consented() {{
    document.cookie = "_hjSession_123=1; max-age=1800; path=/";
    document.cookie = "_hjIncludedInSessionSample_9=1; max-age=120; path=/";
    var script = document.createElement("script");
    script.src = "{tracker}/tracker.js";
    document.body.appendChild(script);
    var pixel = new Image();
    pixel.src = "{tracker}/pixel.gif";
  }}
  document.getElementById("accept").onclick = function () {{
    document.cookie = "CookieConsent=ja; max-age=31536000; path=/";
    document.getElementById("banner").hidden = true;
    consented();
  }};
  if (document.cookie.indexOf("CookieConsent=ja") >= 0) {{
    document.getElementById("banner").hidden = true;
    consented();
  }}
</script>
</body></html>"""

ABOUT = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Over ons</title></head>
<body><h1>Over ons</h1><a href="/">Home</a></body></html>"""

TRACKER = 'document.cookie = "_tt_enable_cookie=1; max-age=34128000; path=/";'


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def send(self, status: int, body: bytes, kind: str, headers: tuple = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        tracker = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path.split("?")[0]
        if host == "localhost" and path == "/":
            page = INDEX.format(tracker=tracker).encode()
            session = ("Set-Cookie", "sessionid=abc; HttpOnly; Path=/; Max-Age=1209600")
            return self.send(200, page, "text/html; charset=utf-8", (session,))
        if host == "localhost" and path == "/over-ons":
            preference = ("Set-Cookie", "salon_voorkeur=kort; Path=/; Max-Age=2592000")
            return self.send(200, ABOUT.encode(), "text/html; charset=utf-8", (preference,))
        if host == "localhost" and path == "/beheer":
            self.send_response(302)
            self.send_header("Location", "http://192.168.1.1/admin")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if host == "127.0.0.1" and path == "/tracker.js":
            return self.send(200, TRACKER.encode(), "text/javascript")
        if host == "127.0.0.1" and path == "/pixel.gif":
            # A third party's own cookie: only SameSite=None; Secure crosses sites.
            ide = ("Set-Cookie", "IDE=xyz; Path=/; Max-Age=34128000; SameSite=None; Secure")
            return self.send(200, GIF, "image/gif", (ide,))
        return self.send(404, b"niet gevonden", "text/plain")


class Site:
    """`with Site() as site:` serves on 127.0.0.1; site.url is the site's address."""

    def __enter__(self) -> "Site":
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://localhost:{self.port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
