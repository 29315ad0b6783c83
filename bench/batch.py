"""Benchmark: a batch export of --clients distinct published statements (issue 9, item 5).

A fresh SQLite database and media folder in a temporary directory; the statements are the
three examples in turn, each with its own organisation name, so every PDF is different. Task
workers (`manage.py db_worker`, production settings) are started first and left idle; the wall
time runs from queuing the batch, as the dashboard does, to the finished ZIP. Measured with one
and with two workers on an empty PDF cache, then again with everything cached. The peak resident
memory of the workers is sampled from /proc while they work.

Run: `DEBUG=1 .venv/bin/python bench/batch.py` (also part of `make bench`).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

FOLDER = Path(tempfile.mkdtemp(prefix="bench-batch-"))
os.environ |= {
    "DATABASE_URL": f"sqlite:///{FOLDER / 'bench.sqlite3'}",
    "MEDIA_ROOT": str(FOLDER / "media"),
    "LOG_LEVEL": "WARNING",
}
os.environ.pop("TASKS_BACKEND", None)  # the database queue the real workers read
# Publishing would queue every client's PDFs before the batch (issue 19); the batch is to
# measure the rendering itself.
os.environ["PDFS_ON_PUBLISH"] = "0"

from baseline import report  # noqa: E402  (bench/, beside this script)
from django_env import EXAMPLES, ROOT, setup  # noqa: E402

setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from generator.accounts.models import Membership, Workspace  # noqa: E402
from generator.statements.models import BatchExport  # noqa: E402
from generator.statements.services import organisation_create, statement_publish  # noqa: E402
from generator.statements.tasks import batch_export_start  # noqa: E402


def make_clients(count: int) -> tuple[object, list]:
    user = get_user_model().objects.create_user("bench", "bench@example.org", "bench-only-2026")
    workspace = Workspace.objects.create(name="Bench")
    Membership.objects.create(workspace=workspace, user=user, role=Membership.Role.OWNER)
    originals = [json.loads(path.read_text(encoding="utf-8")) for path in EXAMPLES]
    organisations = []
    for number in range(count):
        answers = json.loads(json.dumps(originals[number % len(originals)]))
        answers["controller"]["legal_name"] += f" {number + 1}"
        organisation = organisation_create(
            workspace=workspace, name=answers["controller"]["legal_name"], answers=answers
        )
        statement_publish(statement=organisation.statement, user=None, acknowledge_blocking=True)
        organisations.append(organisation)
    return user, organisations


def start_workers(count: int) -> list[subprocess.Popen]:
    environment = os.environ | {"DEBUG": "0", "SECRET_KEY": "bench-only-not-secret"}
    command = [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay",
               "--no-reload"]  # fmt: skip
    workers = [
        subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL)
        for _ in range(count)
    ]
    time.sleep(4)  # Django set up and waiting, as a running installation's workers are
    for worker in workers:
        assert worker.poll() is None, "a task worker did not start"
    return workers


def resident_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0


def run_batch(user, organisations: list, workers: list[subprocess.Popen], limit: float) -> dict:
    batch = BatchExport.objects.create(
        user=user, total=len(organisations), expires_at=timezone.now() + timedelta(hours=1)
    )
    batch.organisations.set(organisations)
    started = time.perf_counter()
    batch_export_start(batch)
    peak = 0.0
    while True:
        batch.refresh_from_db()
        if batch.status == BatchExport.Status.DONE:
            break
        if time.perf_counter() - started > limit:
            raise SystemExit(f"batch not done after {limit:.0f} s ({batch.done}/{batch.total})")
        peak = max([peak, *(resident_mb(worker.pid) for worker in workers)])
        time.sleep(0.05)
    wall = time.perf_counter() - started
    failed = [row for row in batch.manifest if row["status"] != "ok"]
    assert not failed, failed
    return {"seconds": wall, "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--limit", type=float, default=600, help="seconds per batch at most")
    parser.add_argument("--save-baseline", action="store_true")
    args = parser.parse_args()
    try:
        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_clauses", verbosity=0)
        user, organisations = make_clients(args.clients)
        figures = {}
        for count in (1, 2):
            shutil.rmtree(FOLDER / "media" / "pdf-cache", ignore_errors=True)
            workers = start_workers(count)
            try:
                figures[f"uncached, {count} worker(s)"] = run_batch(
                    user, organisations, workers, args.limit
                )
                figures[f"cached, {count} worker(s)"] = run_batch(
                    user, organisations, workers, args.limit
                )
            finally:
                for worker in workers:
                    worker.terminate()
                    worker.wait(timeout=30)
    finally:
        shutil.rmtree(FOLDER, ignore_errors=True)

    print(f"batch export of {args.clients} distinct statements, {os.cpu_count()} cores\n")
    print("| run | wall time s | per client ms | peak worker memory MB |")
    print("|---|---|---|---|")
    for name, figure in figures.items():
        print(
            f"| {name} | {figure['seconds']:.1f} | {1000 * figure['seconds'] / args.clients:.0f} "
            f"| {figure['peak_mb']:.0f} |"
        )
    one, two = figures["uncached, 1 worker(s)"], figures["uncached, 2 worker(s)"]
    print(f"\n2 workers ÷ 1 worker: {one['seconds'] / two['seconds']:.2f}× faster (target ≥ 1.7)")
    cached = max(
        figures["cached, 1 worker(s)"]["seconds"], figures["cached, 2 worker(s)"]["seconds"]
    )
    print(f"everything cached: {cached:.1f} s at most (target ≤ 2 s)")
    report(
        "batch",
        {"uncached_1_s": one["seconds"], "uncached_2_s": two["seconds"], "cached_s": cached,
         "peak_mb": max(figure["peak_mb"] for figure in figures.values())},
        args.save_baseline,
    )  # fmt: skip


if __name__ == "__main__":
    main()
