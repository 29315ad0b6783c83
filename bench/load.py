"""Benchmark: the wizard under load while a batch export runs (issue 9, item 4).

Starts gunicorn with the production settings and the checked-in gunicorn.conf.py on 127.0.0.1
(loopback only) and a task worker (`db_worker`), against a fresh SQLite database with the demo
account. --users simulated users, each with its own session and its own organisation, walk
every wizard step for --seconds: open the step, think (--think seconds on average, uniformly
0.5x to 1.5x; people read and type), and save the form as the browser would send it. Meanwhile
batch exports of every organisation run one after another on an empty PDF cache (at most
--batches). Reports requests per second, p50/p95 per step for opening and for saving, the
errors, the batches, and the peak resident memory of the web and task workers.

`--think 0` turns the users into a saturation test: every user fires its next request the
moment the last one returns, so the figures then measure throughput, not what a person waits.

Run: `DEBUG=1 .venv/bin/python bench/load.py` (DEBUG only for this script's own set-up; the
server runs with DEBUG off).
"""

import argparse
import html.parser
import http.cookiejar
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

from baseline import report  # bench/, beside this script

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
STEPS = ["organisatie", "contact", "diensten", "verwerkingen", "ontvangers", "doorgifte", "cookies",
         "rechten", "overig", "document", "controle"]  # fmt: skip
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(folder: Path, port: int) -> dict:
    return os.environ | {
        "DEBUG": "0", "SECRET_KEY": "bench-only-not-secret", "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0", "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"), "MEDIA_ROOT": str(folder / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}", "LOG_LEVEL": "WARNING",
    }  # fmt: skip


def manage(environment: dict, *arguments: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *arguments], cwd=ROOT, env=environment, check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class WizardForm(html.parser.HTMLParser):
    """The fields of the wizard's form as a browser submits them unchanged: named inputs with
    their values (check boxes and radio buttons only when checked), the selected options,
    the text areas; nothing inside <template> (the empty row for "toevoegen") and no buttons."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.inside_form = self.inside_template = False
        self.select: str | None = None
        self.select_fields: list[tuple[str, str]] = []
        self.first_option: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-wizard-form" in attrs:
            self.inside_form = True
        elif tag == "template":
            self.inside_template = True
        if not self.inside_form or self.inside_template:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            else:
                self.fields.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self.select, self.select_fields, self.first_option = name, [], None
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in attrs:
                self.select_fields.append((self.select, value))
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields.append((name, ""))

    def handle_endtag(self, tag):
        if tag == "template":
            self.inside_template = False
        elif tag == "form":
            self.inside_form = False
        elif tag == "select" and self.select:
            self.fields.extend(self.select_fields or [(self.select, self.first_option or "")])
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.fields and self.fields[-1][0] == self.textarea:
            self.fields[-1] = (self.textarea, self.fields[-1][1] + data)


def form_fields(page: str) -> list[tuple[str, str]]:
    parser = WizardForm()
    parser.feed(page)
    return parser.fields


class User:
    def __init__(self, base: str):
        self.base = base
        cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        self.opener = urllib.request.build_opener(cookies)
        self.saver = urllib.request.build_opener(cookies, NoRedirect())

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""

    def post(self, path: str, fields: list[tuple[str, str]]) -> tuple[int, str]:
        """A form post; the redirect after a save is not followed (the next step is opened
        and timed as a step of its own)."""
        request = urllib.request.Request(
            self.base + path, data=urllib.parse.urlencode(fields).encode(),
            headers={"Referer": self.base + path},
        )  # fmt: skip
        try:
            with self.saver.open(request, timeout=30) as response:
                response.read()
                return response.status, ""
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", "")

    def log_in(self, username: str, password: str) -> None:
        _, page = self.get("/account/login/")
        data = {
            "csrfmiddlewaretoken": CSRF.search(page).group(1),
            "username": username,
            "password": password,
        }
        request = urllib.request.Request(
            self.base + "/account/login/", data=urllib.parse.urlencode(data).encode(),
            headers={"Referer": self.base + "/account/login/"},
        )  # fmt: skip
        with self.opener.open(request, timeout=30) as response:
            assert "/dashboard/" in response.url, "login failed"


def walk(user: User, organisation: int, until: float, think: float, samples: dict,
         errors: list) -> None:  # fmt: skip
    while time.perf_counter() < until:
        for step in STEPS:
            path = f"/organisaties/{organisation}/wizard/{step}/"
            started = time.perf_counter()
            status, page = user.get(path)
            samples[step].append((time.perf_counter() - started) * 1000)
            if status != 200:
                errors.append(f"{step}: HTTP {status}")
                continue
            time.sleep(think * random.uniform(0.5, 1.5))  # noqa: S311 - pacing, not secrets
            if time.perf_counter() >= until:
                return
            started = time.perf_counter()
            status, _ = user.post(path, form_fields(page))
            samples[f"{step} (save)"].append((time.perf_counter() - started) * 1000)
            if status != 302:  # 200 means the unchanged form was refused
                errors.append(f"{step} (save): HTTP {status}")


def run_batches(user: User, organisations: list[int], media: Path, until: float, limit: int,
                finished: list) -> None:  # fmt: skip
    """Batch exports of every organisation, one after another on an empty PDF cache."""
    while len(finished) < limit and time.perf_counter() < until:
        shutil.rmtree(media / "pdf-cache", ignore_errors=True)
        _, page = user.get("/dashboard/")
        fields = [("csrfmiddlewaretoken", CSRF.search(page).group(1))]
        fields += [("organisations", str(pk)) for pk in organisations]
        started = time.perf_counter()
        _, batch = user.post("/exports/nieuw/", fields)
        while time.perf_counter() < until + 120:
            time.sleep(0.5)
            _, body = user.get(batch.rstrip("/") + "/status/")
            if '"status": "done"' in body:
                finished.append(time.perf_counter() - started)
                break
        else:
            return


def resident_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0.0


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def sample_memory(server: int, worker: int, until: float, peaks: dict) -> None:
    while time.perf_counter() < until:
        for pid in children(server):
            peaks["web"] = max(peaks.get("web", 0.0), resident_mb(pid))
        peaks["task"] = max(peaks.get("task", 0.0), resident_mb(worker))
        time.sleep(0.5)


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between steps")
    parser.add_argument("--batches", type=int, default=10, help="batch exports at most")
    parser.add_argument("--save-baseline", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    port = free_port()
    environment = server_environment(folder, port)
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["load_clauses"],
                    ["load_catalog"]):  # fmt: skip
        manage(environment, *command)
    # load_demo refuses to run without DEBUG (its password is public); the server runs without.
    manage(environment | {"DEBUG": "1"}, "load_demo")
    # One organisation per user (the demo's three in turn, each under its own name, so every
    # PDF differs), every one published so the batch export has them all.
    demo = manage(environment, "shell", "-c", f"""
from generator.accounts.management.commands import load_demo as d
from generator.statements.models import Organisation as O
from generator.statements.services import organisation_create, statement_publish
demo = list(O.objects.select_related("statement", "workspace"))
for number in range({args.users}):
    original = demo[number % len(demo)]
    answers = original.statement.answers | {{"controller": original.statement.answers["controller"]
                                                | {{"legal_name": f"{{original.name}} {{number + 1}}"}}}}
    organisation_create(workspace=original.workspace, name=f"{{original.name}} {{number + 1}}",
                        answers=answers)
for organisation in O.objects.select_related("statement"):
    statement_publish(statement=organisation.statement, user=None, acknowledge_blocking=True)
print(d.DEMO_USERNAME, d.DEMO_PASSWORD, *O.objects.order_by("pk").values_list("pk", flat=True))
""")  # fmt: skip
    username, password, *ids = demo.strip().splitlines()[-1].split()  # after shell's own notes
    organisations = [int(pk) for pk in ids]
    own = organisations[-args.users :]

    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "generator.wsgi", "-c", str(ROOT / "gunicorn.conf.py"),
         "--access-logfile", "/dev/null"],
        cwd=ROOT, env=environment,
    )  # fmt: skip
    worker = subprocess.Popen(
        # At a lower priority, as docs/deployment.md runs it: PDFs fill the idle CPU time and
        # the wizard keeps its response times.
        [PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.nice(10),
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        users = [User(base) for _ in range(args.users + 1)]
        for user in users:
            user.log_in(username, password)
        exporter = users.pop()
        samples: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        batches: list[float] = []
        peaks: dict[str, float] = {}
        started = time.perf_counter()
        until = started + args.seconds
        threads = [
            threading.Thread(target=walk, args=(user, pk, until, args.think, samples, errors))
            for user, pk in zip(users, own, strict=True)
        ]
        threads.append(threading.Thread(
            target=run_batches, args=(exporter, organisations, folder / "media", until,
                                      args.batches, batches),
        ))  # fmt: skip
        threads.append(
            threading.Thread(target=sample_memory, args=(server.pid, worker.pid, until, peaks))
        )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)

    total = sum(len(values) for values in samples.values())
    opened = [value for step in STEPS for value in samples[step]]
    saved = [value for step in STEPS for value in samples[f"{step} (save)"]]
    print(f"{args.users} users, think {args.think:g} s, {wall:.0f} s, gunicorn workers: "
          f"{environment.get('WEB_CONCURRENCY', 2 * (os.cpu_count() or 1))}, {os.cpu_count()} cores")  # fmt: skip
    print(f"{total} requests, {total / wall:.1f} per second, {len(errors)} errors")
    print(f"batch exports of {len(organisations)} organisations finished: {len(batches)} "
          f"({', '.join(f'{b:.1f} s' for b in batches) or 'none'})")  # fmt: skip
    print(f"peak resident memory: web worker {peaks.get('web', 0):.0f} MB, "
          f"task worker {peaks.get('task', 0):.0f} MB\n")  # fmt: skip
    print("| step | opened | p50 ms | p95 ms | saved | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|---|")
    for step in STEPS:
        got, put = samples[step], samples[f"{step} (save)"]
        if got:
            print(f"| {step} | {len(got)} | {statistics.median(got):.0f} | {percentile(got, 0.95):.0f} "
                  f"| {len(put)} | {statistics.median(put):.0f} | {percentile(put, 0.95):.0f} |"
                  if put else f"| {step} | {len(got)} | {statistics.median(got):.0f} "
                  f"| {percentile(got, 0.95):.0f} | 0 | | |")  # fmt: skip
    print(f"| all steps | {len(opened)} | {statistics.median(opened):.0f} | {percentile(opened, 0.95):.0f} "
          f"| {len(saved)} | {statistics.median(saved):.0f} | {percentile(saved, 0.95):.0f} |")  # fmt: skip
    for error in sorted(set(errors))[:10]:
        print(f"error: {error}")
    figures = {"open_p95_ms": percentile(opened, 0.95), "save_p95_ms": percentile(saved, 0.95),
               "web_mb": peaks.get("web", 0.0), "task_mb": peaks.get("task", 0.0)}  # fmt: skip
    figures |= {
        f"{step}_p95_ms": percentile(samples[step], 0.95) for step in STEPS if samples[step]
    }
    report(f"load.think{args.think:g}", figures, args.save_baseline)


if __name__ == "__main__":
    main()
