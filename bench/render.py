"""Benchmark: how long one statement takes, per example and per output format.

Measures, for every example answers file:
  - cold: `manage.py render_statement EXAMPLE --format pdf` as a new process (what a user of the
    command waits for, Python and WeasyPrint start-up included);
  - warm: in one process, after warm-ups, answers -> Document (clauses), HTML page, Markdown,
    and the full PDF pipeline (uncached); plus bare WeasyPrint `write_pdf` on the pipeline's
    exact HTML and CSS, so the pipeline's own overhead is visible (notes/performance.md, 5);
  - headless Chromium (Debian's, through Playwright) printing that same HTML and CSS;
  - a repeated download of an unchanged statement: the PDF comes from the content-hash cache.

Prints a Markdown table for docs/benchmarks.md and compares the figures with
bench/baseline.json (written by --save-baseline): any figure more than 20 % worse is listed.
Run with `make bench`. Medians and 95th percentiles over --runs runs; numbers vary ±15 % on a
shared 2-core machine.
"""

import argparse
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from baseline import report  # bench/, beside this script
from django_env import EXAMPLES, ROOT, setup

setup(allow_async_unsafe=True)

import weasyprint  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from generator.answers.loading import load_answers_file  # noqa: E402
from generator.compliance.checker import readability_by_section  # noqa: E402
from generator.documents import html, markdown, pdf  # noqa: E402
from generator.documents.options import OutputOptions  # noqa: E402
from generator.statements.exports import statement_document  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip


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


def chromium_printer(folder: Path):
    """Headless Chromium printing a saved HTML file with the print CSS and the bundled fonts."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = browser.new_page()
    static = ROOT / "static"
    css = (static / "documents" / "print.css").read_text().replace("static:", static.as_uri() + "/")

    def prepare(source: str, name: str) -> Path:
        path = folder / f"{name}.html"
        path.write_text(source.replace("</head>", f"<style>{css}</style></head>", 1))
        return path

    def print_pdf(path: Path) -> bytes:
        page.goto(path.as_uri())
        return page.pdf(format="A4", print_background=True, tagged=True)

    def close():
        browser.close()
        playwright.stop()

    return prepare, print_pdf, close


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmups", type=int, default=5)
    parser.add_argument("--save-baseline", action="store_true")
    args = parser.parse_args()

    options = OutputOptions()
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    prepare, print_pdf, close = chromium_printer(folder)
    try:
        for example in EXAMPLES:
            answers = load_answers_file(example)
            document = statement_document(answers)
            source = pdf.print_html(document)
            saved = prepare(source, example.stem)
            for _ in range(args.warmups):
                pdf.render_html(pdf.print_html(document), options)
                print_pdf(saved)
            data = pdf.render(document, options)  # fills the content-hash cache
            rows.append(
                {
                    "example": example.stem,
                    "pages": len(PdfReader(io.BytesIO(data)).pages),
                    "kb": len(data) / 1024,
                    "cold": statistics.median(cold_pdf(example) for _ in range(3)),
                    "document": timed(lambda a=answers: statement_document(a), args.runs),
                    "html": timed(lambda d=document: html.render(d, options), args.runs),
                    "md": timed(lambda d=document: markdown.render(d, options), args.runs),
                    "pdf": timed(
                        lambda d=document: pdf.render_html(pdf.print_html(d), options), args.runs
                    ),
                    "bare": timed(lambda s=source: pdf.render_html(s, options), args.runs),
                    "chromium": timed(lambda p=saved: print_pdf(p), args.runs),
                    "cached": timed(lambda d=document: pdf.render(d, options), args.runs),
                }
            )
            default_storage.delete(f"pdf-cache/{pdf.cache_key(source, options)}.pdf")
    finally:
        close()

    print(f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, "
          f"{os.cpu_count()} cores, {args.runs} runs after {args.warmups} warm-ups; "
          "times in ms, median / p95.\n")  # fmt: skip
    print("| example | pages | PDF size | cold command (PDF) | clauses → Document | HTML page "
          "| Markdown | PDF pipeline | bare WeasyPrint | pipeline ÷ bare | Chromium "
          "| WeasyPrint ÷ Chromium | cached download | cached ÷ pipeline |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    figures = {}
    for row in rows:
        cells = [row["example"], str(row["pages"]), f"{row['kb']:.0f} KB", f"{row['cold']:.0f}"]
        cells += [f"{row[k][0]:.1f} / {row[k][1]:.1f}" for k in ("document", "html", "md")]
        cells += [f"{row[k][0]:.0f} / {row[k][1]:.0f}" for k in ("pdf", "bare")]
        cells.append(f"{row['pdf'][0] / row['bare'][0]:.2f}")
        cells.append(f"{row['chromium'][0]:.0f} / {row['chromium'][1]:.0f}")
        cells.append(f"{row['pdf'][0] / row['chromium'][0]:.2f}")
        cells.append(f"{row['cached'][0]:.2f} / {row['cached'][1]:.2f}")
        cells.append(f"1/{row['pdf'][0] / row['cached'][0]:.0f}")
        print("| " + " | ".join(cells) + " |")
        for key in ("document", "html", "md", "pdf", "bare", "cached"):
            figures[f"{row['example']}.{key}.p95"] = row[key][1]
        figures[f"{row['example']}.cold"] = row["cold"]
    readability_table()

    report("render", figures, args.save_baseline)


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
