"""Benchmark: the wizard under load (issue 9, item 4). Starts gunicorn with the production
settings and the checked-in gunicorn.conf.py on 127.0.0.1 (loopback only) against a fresh
SQLite database with the demo account, then lets --users simulated users (each its own session)
log in and walk every wizard step of a demo organisation, including the review step with the
checker, for --seconds. Reports requests per second, p50/p95 per step and the errors.

Run: `DEBUG=1 .venv/bin/python bench/load.py` (DEBUG only for this script's own set-up; the
server runs with DEBUG off).
"""

import argparse
import http.cookiejar
import os
import re
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
        "SECURE_COOKIES": "0", "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"), "MEDIA_ROOT": str(folder / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}", "LOG_LEVEL": "WARNING",
    }  # fmt: skip


def manage(environment: dict, *arguments: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *arguments], cwd=ROOT, env=environment, check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip


class User:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""

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


def walk(user: User, organisations: list[int], until: float, samples: dict, errors: list) -> None:
    number = 0
    while time.perf_counter() < until:
        organisation = organisations[number % len(organisations)]
        number += 1
        for step in STEPS:
            started = time.perf_counter()
            status, _ = user.get(f"/organisaties/{organisation}/wizard/{step}/")
            elapsed = (time.perf_counter() - started) * 1000
            if status != 200:
                errors.append(f"{step}: HTTP {status}")
            samples[step].append(elapsed)
            if time.perf_counter() >= until:
                return


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    port = free_port()
    environment = server_environment(folder, port)
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["load_clauses"],
                    ["load_catalog"]):  # fmt: skip
        manage(environment, *command)
    # load_demo refuses to run without DEBUG (its password is public); the server runs without.
    manage(environment | {"DEBUG": "1"}, "load_demo")
    demo = manage(environment, "shell", "-c",
                  "from generator.accounts.management.commands import load_demo as d; "
                  "from generator.statements.models import Organisation as O; "
                  "print(d.DEMO_USERNAME, d.DEMO_PASSWORD, *O.objects.values_list('pk', flat=True))")  # fmt: skip
    username, password, *ids = demo.strip().splitlines()[-1].split()  # after shell's own notes
    organisations = [int(pk) for pk in ids]

    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "generator.wsgi", "-c", str(ROOT / "gunicorn.conf.py"),
         "--access-logfile", "/dev/null"],
        cwd=ROOT, env=environment,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        users = [User(base) for _ in range(args.users)]
        for user in users:
            user.log_in(username, password)
        samples: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        started = time.perf_counter()
        until = started + args.seconds
        threads = [
            threading.Thread(target=walk, args=(user, organisations, until, samples, errors))
            for user in users
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(len(values) for values in samples.values())
    every = [value for values in samples.values() for value in values]
    print(f"{args.users} users, {wall:.0f} s, gunicorn workers: "
          f"{environment.get('WEB_CONCURRENCY', 2 * (os.cpu_count() or 1))}, {os.cpu_count()} cores")  # fmt: skip
    print(f"{total} requests, {total / wall:.1f} per second, {len(errors)} errors\n")
    print("| step | requests | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    for step in STEPS:
        values = samples[step]
        if values:
            print(
                f"| {step} | {len(values)} | {statistics.median(values):.0f} | {percentile(values, 0.95):.0f} |"
            )
    print(
        f"| all steps | {total} | {statistics.median(every):.0f} | {percentile(every, 0.95):.0f} |"
    )
    for error in sorted(set(errors))[:10]:
        print(f"error: {error}")


if __name__ == "__main__":
    main()
