"""The stored baseline every benchmark script compares with (bench/baseline.json): figures are
keyed "<script>.<figure>", lower is better, and any more than 20 % worse is printed.
`--save-baseline` on a script replaces that script's figures and keeps the others'."""

import json
from pathlib import Path

BASELINE = Path(__file__).resolve().parent / "baseline.json"
WORSE = 1.20


def compare(figures: dict[str, float], baseline: dict[str, float]) -> list[str]:
    worse = []
    for key, value in sorted(figures.items()):
        before = baseline.get(key)
        if before and value > before * WORSE:
            worse.append(f"{key}: {value:.1f} (baseline {before:.1f}, +{value / before - 1:.0%})")
    return worse


def report(script: str, figures: dict[str, float], save: bool) -> None:
    figures = {f"{script}.{key}": value for key, value in figures.items()}
    stored = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    if save:
        kept = {k: v for k, v in stored.items() if not k.startswith(f"{script}.")}
        BASELINE.write_text(json.dumps(kept | figures, indent=2, sort_keys=True) + "\n")
        print(f"\nBaseline saved for {script}: {BASELINE.name}")
        return
    worse = compare(figures, stored)
    print(
        f"\n{script}: more than 20 % worse than bench/baseline.json:"
        if worse
        else f"\n{script}: no figure is more than 20 % worse than bench/baseline.json."
    )
    for line in worse:
        print(f"  {line}")
