"""Benchmark: how long one statement takes, per example and per output format.

Measures, for every example answers file:
  - cold: `manage.py render_statement EXAMPLE --format pdf` as a new process (what a user of the
    command waits for, Python and WeasyPrint start-up included);
  - warm: in one process, after warm-ups, answers -> Document (clauses), HTML page, Markdown,
    and the full PDF pipeline; plus bare WeasyPrint on the pipeline's exact HTML, so the
    pipeline's own overhead is visible (notes/performance.md, section 5).

Prints a Markdown table for docs/benchmarks.md. Run with `make bench`. Timings are medians
and 95th percentiles over --runs runs; numbers vary ±15 % on a shared 2-core machine.
"""

import argparse
import io
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "generator.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

import weasyprint  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from generator.answers.loading import load_answers_file  # noqa: E402
from generator.compliance.checker import readability_by_section  # noqa: E402
from generator.documents import html, markdown, pdf  # noqa: E402
from generator.documents.options import OutputOptions  # noqa: E402
from generator.statements.exports import statement_document  # noqa: E402

EXAMPLES = sorted(p for p in (ROOT / "docs" / "examples").glob("*.json") if "." not in p.stem)


def timed(func, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def cold_pdf(example: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "render_statement", str(example), "--format", "pdf",
         "--output", os.devnull],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmups", type=int, default=5)
    args = parser.parse_args()

    options = OutputOptions()
    rows = []
    for example in EXAMPLES:
        answers = load_answers_file(example)
        document = statement_document(answers)
        source = pdf.print_html(document)
        for _ in range(args.warmups):
            pdf.render(document, options)
        data = pdf.render(document, options)
        rows.append(
            {
                "example": example.stem,
                "pages": len(PdfReader(io.BytesIO(data)).pages),
                "kb": len(data) / 1024,
                "cold": statistics.median(cold_pdf(example) for _ in range(3)),
                "document": timed(lambda a=answers: statement_document(a), args.runs),
                "html": timed(lambda d=document: html.render(d, options), args.runs),
                "md": timed(lambda d=document: markdown.render(d, options), args.runs),
                "pdf": timed(lambda d=document: pdf.render(d, options), args.runs),
                "bare": timed(lambda s=source: pdf.render_html(s, options), args.runs),
            }
        )

    print(f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, "
          f"{os.cpu_count()} cores, {args.runs} runs after {args.warmups} warm-ups; "
          "times in ms, median / p95.\n")  # fmt: skip
    print("| example | pages | PDF size | cold command (PDF) | clauses → Document | HTML page "
          "| Markdown | PDF pipeline | bare WeasyPrint | pipeline ÷ bare |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        cells = [row["example"], str(row["pages"]), f"{row['kb']:.0f} KB", f"{row['cold']:.0f}"]
        cells += [f"{row[k][0]:.1f} / {row[k][1]:.1f}" for k in ("document", "html", "md")]
        cells += [f"{row[k][0]:.0f} / {row[k][1]:.0f}" for k in ("pdf", "bare")]
        cells.append(f"{row['pdf'][0] / row['bare'][0]:.2f}")
        print("| " + " | ".join(cells) + " |")
    readability_table()


def readability_table() -> None:
    print(
        "\n| example | register | Flesch-Douma | Brouwer | words per sentence | sentences over 20 words |"
    )
    print("|---|---|---|---|---|---|")
    for example in EXAMPLES:
        answers = load_answers_file(example)
        for register in ("formal", "informal"):
            overall, _ = readability_by_section(statement_document(answers, register=register))
            print(f"| {example.stem} | {register} | {overall.flesch_douma:.1f} | {overall.brouwer:.1f} "
                  f"| {overall.words_per_sentence:.1f} | {overall.long_share:.0%} |")  # fmt: skip


if __name__ == "__main__":
    main()
