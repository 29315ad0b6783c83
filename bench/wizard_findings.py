"""What R31 adds to a wizard step: the findings shown at the fields, for each example in Dutch
only and with its English version (rendered for R31). Median of 30, in ms.

    DEBUG=1 .venv/bin/python bench/wizard_findings.py
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "generator.settings")
django.setup()

from generator.statements.exports import statement_findings  # noqa: E402

for slug in ["facetalk", "ipcall", "qlinx"]:
    data = json.loads(Path(f"docs/examples/{slug}.json").read_text())
    dutch = dict(data, document=dict(data["document"], extra_languages=[]))
    medians = []
    for answers in (dutch, data):
        statement_findings(answers)
        times = []
        for _ in range(30):
            start = time.perf_counter()
            statement_findings(answers)
            times.append((time.perf_counter() - start) * 1000)
        medians.append(statistics.median(times))
    print(f"{slug}: Dutch only {medians[0]:.1f} ms, with English {medians[1]:.1f} ms")
