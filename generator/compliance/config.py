"""The checker's configuration that changes over time, read from adequacy.json."""

import json
from functools import cache
from pathlib import Path

CONFIG_FILE = Path(__file__).resolve().parent / "adequacy.json"


@cache
def adequacy() -> dict:
    return json.loads(CONFIG_FILE.read_text(encoding="utf-8"))


def adequacy_countries() -> set[str]:
    return set(adequacy()["adequacy_countries"])


def dpf() -> dict:
    return adequacy()["dpf"]
