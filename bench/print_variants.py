"""The PDF of one example under variants of the print CSS and of the render, timed side by side:
what each change of issue 19 bought, and what each part of a statement still costs.

Every variant is the pipeline's own `pdf.render_html` (our fetcher, fonts and options) on the
example's print HTML with one thing changed. They run in turn, round after round, in one
process, and the figure is the median CPU time of the process per render: variants that run
alternately share the machine's ups and downs, which wall-clock figures from separate runs do
not on a shared 2-core machine. Not part of `make bench`; run
`DEBUG=1 .venv/bin/python bench/print_variants.py [EXAMPLE] [--rounds N] [--only A,B]
[--collector-running]` (docs/benchmarks.md, issue 19).
"""

import argparse
import contextlib
import io
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django_env import EXAMPLES, setup

setup(allow_async_unsafe=True)

from pypdf import PdfReader  # noqa: E402

from generator.answers.loading import load_answers_file  # noqa: E402
from generator.documents import pdf  # noqa: E402
from generator.documents.options import OutputOptions  # noqa: E402
from generator.statements.exports import statement_document  # noqa: E402

CSS_FILE = pdf.STATIC_DIR / "documents" / "print.css"

# The print CSS before issue 19, for the contents and the bullets.
OLD_CONTENTS = """
.statement-toc li { position: static; padding-right: 0; background: none; }
.statement-toc a { background: none; padding-right: 0; }
.statement-toc a::after { content: leader(".") " " target-counter(attr(href), page);
  position: static; background: none; padding-left: 0; }
"""
OLD_BULLETS = """
ul { list-style: disc; padding-left: 5mm; }
ul > li { padding-left: 0; background: none; }
"""
GRADIENT_DOTS = """
.statement-toc li { background: linear-gradient(to right, #5b636b 1pt, transparent 1pt)
  repeat-x right bottom 3.4pt / 3.5pt 1pt; }
"""


@dataclass(frozen=True)
class Variant:
    name: str
    css: Callable[[str], str] = lambda css: css
    html: Callable[[str], str] = lambda html: html


def added(extra: str) -> Callable[[str], str]:
    return lambda css: css + extra


VARIANTS = [
    Variant("as it is"),
    Variant("contents with leader() dots", css=added(OLD_CONTENTS)),
    Variant("bullets as ::marker", css=added(OLD_BULLETS)),
    Variant("both, as before issue 19", css=added(OLD_CONTENTS + OLD_BULLETS)),
    Variant("contents dots as a tiled gradient", css=added(GRADIENT_DOTS)),
    Variant("no contents dots", css=added(".statement-toc li { background: none; }")),
    Variant("no bullets", css=added("ul > li { background: none; }")),
    Variant(
        "page numbers in the contents fixed, not target-counter()",
        css=lambda css: css.replace("content: target-counter(attr(href), page);", 'content: "3";'),
    ),
    Variant("without the tables", css=added("table { display: none; }")),
    Variant("without the lists", css=added("ul { display: none; }")),
    Variant("without the contents", css=added(".statement-toc { display: none; }")),
    Variant("without the summary", css=added(".statement-lead { display: none; }")),
]


def stylesheet(css: str):
    """The variant's print CSS parsed once, with the pipeline's fonts and fetcher."""
    from weasyprint import CSS

    from generator.documents.fetcher import SafeURLFetcher

    _, fonts = pdf._stylesheet()
    return CSS(string=css, font_config=fonts, url_fetcher=SafeURLFetcher())


def render(html: str, sheet, variant: Variant) -> bytes:
    """pdf.render_html with this variant's stylesheet in place of print.css."""
    original_stylesheet = pdf._stylesheet
    fonts = original_stylesheet()[1]
    pdf._stylesheet = lambda: (sheet, fonts)
    try:
        return pdf.render_html(variant.html(html), OutputOptions())
    finally:
        pdf._stylesheet = original_stylesheet


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("example", nargs="?", default="ipcall", choices=[e.stem for e in EXAMPLES])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--only", help="comma-separated variant numbers (0 is 'as it is')")
    parser.add_argument(
        "--collector-running",
        action="store_true",
        help="leave Python's cyclic collector running during renders, as before issue 19 "
        "(compare with a run without it: the frozen heap stays frozen within one process)",
    )
    args = parser.parse_args()
    if args.collector_running:
        pdf._collector_paused = contextlib.nullcontext
    chosen = VARIANTS
    if args.only:
        chosen = [VARIANTS[int(number)] for number in args.only.split(",")]
    path = next(example for example in EXAMPLES if example.stem == args.example)
    html = pdf.print_html(statement_document(load_answers_file(path)))
    base_css = CSS_FILE.read_text(encoding="utf-8")
    sheets = {variant.name: stylesheet(variant.css(base_css)) for variant in chosen}
    samples: dict[str, list[float]] = {variant.name: [] for variant in chosen}
    pages = {}
    for variant in chosen:  # warm-up, and the page count
        data = render(html, sheets[variant.name], variant)
        pages[variant.name] = len(PdfReader(io.BytesIO(data)).pages)
    for _ in range(args.rounds):
        for variant in chosen:
            started = time.process_time()
            render(html, sheets[variant.name], variant)
            samples[variant.name].append((time.process_time() - started) * 1000)
    first = statistics.median(samples[chosen[0].name])
    print(f"{args.example}, {args.rounds} rounds; CPU ms per render, median\n")
    print(f"| variant | pages | ms | against '{chosen[0].name}' |")
    print("|---|---|---|---|")
    for variant in chosen:
        ms = statistics.median(samples[variant.name])
        print(f"| {variant.name} | {pages[variant.name]} | {ms:.0f} | {ms - first:+.0f} |")


if __name__ == "__main__":
    main()
