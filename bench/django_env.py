"""What every in-process benchmark needs first: the project importable, Django set up (DEBUG
for a local run), and the list of example answers files."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "docs" / "examples").glob("*.json") if "." not in p.stem)


def setup(*, allow_async_unsafe: bool = False) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "generator.settings")
    os.environ.setdefault("DEBUG", "1")
    if allow_async_unsafe:
        # Playwright's sync API runs an event loop in this thread; the ORM calls are still plain
        # sequential calls, so Django's async guard would only get in the way.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    import django

    django.setup()
