"""Where the time of one PDF goes: the render of each example split into WeasyPrint's phases,
timed without a profiler's overhead, and the functions that cost most under cProfile.

The phases are timed by wrapping WeasyPrint's own functions for this run only (nothing in the
application does this): the CSS cascade, building the boxes, laying out the pages (text line
breaking in Pango is shown apart), drawing the pages, the PDF/UA structure tags, writing the
PDF objects (with their zlib compression) and our one collection of the cyclic garbage after
the render. With --scaling: ipcall cut to its first 1, 3 and 8 sections, whole, and doubled,
each timed in WeasyPrint and in headless Chromium side by side, to show how each grows with
the pages. Run with `DEBUG=1 .venv/bin/python bench/pdf_profile.py [--runs N] [--top N]
[--scaling]` (docs/benchmarks.md, issue 19).
"""

import argparse
import cProfile
import dataclasses
import gc
import io
import pstats
import statistics
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager

from django_env import EXAMPLES, setup

setup(allow_async_unsafe=True)

import pydyf  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from render import chromium_printer  # noqa: E402  (bench/, beside this script)
from render import timed as median_and_p95  # noqa: E402
from weasyprint import document  # noqa: E402
from weasyprint import pdf as weasy_pdf  # noqa: E402
from weasyprint.layout import inline, preferred  # noqa: E402

from generator.answers.loading import load_answers_file  # noqa: E402
from generator.documents import pdf  # noqa: E402
from generator.documents.document import Document  # noqa: E402
from generator.documents.options import OutputOptions  # noqa: E402
from generator.statements.exports import statement_document  # noqa: E402

# (where the function is looked up when WeasyPrint calls it, its name, the phase). Line
# breaking runs inside the page layout and is subtracted from it.
PHASES = [
    (document, "get_all_computed_styles", "CSS cascade"),
    (document, "build_formatting_structure", "boxes"),
    (document, "layout_document", "page layout"),
    (inline, "split_first_line", "line breaking (Pango)"),
    (preferred, "split_first_line", "line breaking (Pango)"),
    (document.Page, "paint", "drawing"),
    (weasy_pdf, "add_tags", "PDF/UA tags"),
    (pydyf.PDF, "write", "PDF objects and zlib"),
]
NESTED = {"line breaking (Pango)": "page layout"}

spent: dict[str, float] = defaultdict(float)
depth: dict[str, int] = defaultdict(int)


def timed(phase: str, function):
    def wrapper(*args, **kwargs):
        depth[phase] += 1
        started = time.perf_counter()
        try:
            result = function(*args, **kwargs)
            if phase == "page layout":  # a generator: its pages are made as it is iterated
                result = list(result)
            return result
        finally:
            depth[phase] -= 1
            if depth[phase] == 0:
                spent[phase] += time.perf_counter() - started

    return wrapper


@contextmanager
def phases_timed():
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in PHASES]
    for owner, name, phase in PHASES:
        setattr(owner, name, timed(phase, getattr(owner, name)))
    try:
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def collect_timed(original):
    def collect(*args):
        started = time.perf_counter()
        try:
            return original(*args)
        finally:
            spent["collecting cyclic garbage"] += time.perf_counter() - started

    return collect


def scaling(runs: int) -> None:
    from pathlib import Path

    example = next(path for path in EXAMPLES if path.stem == "ipcall")
    document = statement_document(load_answers_file(example))
    sections = document.sections
    doubled = sections + tuple(
        dataclasses.replace(section, key=f"{section.key}-2") for section in sections
    )
    cuts = {"1 section": sections[:1], "3 sections": sections[:3], "8 sections": sections[:8],
            "whole": sections, "doubled": doubled}  # fmt: skip
    prepare, print_pdf, close = chromium_printer(Path(tempfile.mkdtemp(prefix="bench-")))
    options = OutputOptions()
    print("| ipcall cut to | pages | WeasyPrint ms | Chromium ms | ratio |")
    print("|---|---|---|---|---|")
    try:
        for name, part in cuts.items():
            source = pdf.print_html(Document(document.metadata, part))
            saved = prepare(source, name.replace(" ", "-"))
            for _ in range(3):
                pdf.render_html(source, options)
                print_pdf(saved)
            weasy, _ = median_and_p95(lambda s=source: pdf.render_html(s, options), runs)
            chromium, _ = median_and_p95(lambda p=saved: print_pdf(p), runs)
            pages = len(PdfReader(io.BytesIO(pdf.render_html(source, options))).pages)
            print(f"| {name} | {pages} | {weasy:.0f} | {chromium:.0f} | {weasy / chromium:.2f} |")
    finally:
        close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--scaling", action="store_true")
    args = parser.parse_args()
    if args.scaling:
        scaling(args.runs)
        return
    options = OutputOptions()
    for example in EXAMPLES:
        source = pdf.print_html(statement_document(load_answers_file(example)))
        for _ in range(3):
            pdf.render_html(source, options)
        totals, shares = [], defaultdict(list)
        original_collect = gc.collect
        gc.collect = collect_timed(original_collect)
        try:
            with phases_timed():
                for _ in range(args.runs):
                    spent.clear()
                    started = time.perf_counter()
                    pdf.render_html(source, options)
                    total = time.perf_counter() - started
                    totals.append(total * 1000)
                    for phase, seconds in spent.items():
                        shares[phase].append(seconds * 1000)
        finally:
            gc.collect = original_collect
        for nested, outer in NESTED.items():
            shares[outer] = [a - b for a, b in zip(shares[outer], shares[nested], strict=True)]
        total = statistics.median(totals)
        print(f"\n{example.stem}: {total:.0f} ms median over {args.runs} renders\n")
        print("| phase | ms | share |")
        print("|---|---|---|")
        known = 0.0
        for phase in [*dict.fromkeys(p for _, _, p in PHASES), "collecting cyclic garbage"]:
            ms = statistics.median(shares[phase]) if shares[phase] else 0.0
            known += ms
            print(f"| {phase} | {ms:.0f} | {ms / total:.0%} |")
        print(f"| the rest (parsing, fonts, metadata, anchors) | {total - known:.0f} "
              f"| {(total - known) / total:.0%} |")  # fmt: skip
        if args.top:
            profile = cProfile.Profile()
            profile.enable()
            pdf.render_html(source, options)
            profile.disable()
            print(f"\nMost time of its own, under cProfile (one render of {example.stem}):")
            pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
