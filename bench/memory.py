"""Benchmark: resident memory of a process that renders PDFs, after 10, 100 and --renders renders
(issue 9, item 6). WeasyPrint keeps a little memory per render (notes/performance.md), so the
task worker that renders PDFs is recycled (`db_worker --max-tasks 500`, docs/deployment.md);
this measures how fast it grows, to choose the bound. Uncached renders of the examples in turn, in this one process.
"""

import argparse
import time
from pathlib import Path

from baseline import report  # bench/, beside this script
from django_env import EXAMPLES, setup

setup()

from generator.answers.loading import load_answers_file  # noqa: E402
from generator.documents import pdf  # noqa: E402
from generator.documents.options import OutputOptions  # noqa: E402
from generator.statements.exports import statement_document  # noqa: E402


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=1000)
    parser.add_argument("--save-baseline", action="store_true")
    args = parser.parse_args()
    figures = {}
    options = OutputOptions()
    sources = [pdf.print_html(statement_document(load_answers_file(path))) for path in EXAMPLES]
    marks = sorted({10, 100, args.renders})
    print(f"after Django and the examples are loaded: {resident_mb():.0f} MB")
    started = time.perf_counter()
    for number in range(1, args.renders + 1):
        pdf.render_html(sources[number % len(sources)], options)
        if number in marks:
            elapsed = time.perf_counter() - started
            figures[f"after_{number}_mb"] = resident_mb()
            print(f"after {number} renders: {resident_mb():.0f} MB ({elapsed:.0f} s)", flush=True)
    report("memory", figures, args.save_baseline)


if __name__ == "__main__":
    main()
