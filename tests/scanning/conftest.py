"""The scan of the local site (site.py), made once per run and shared by the scan's tests and
the wizard's (test_views.py): a real result, never one written by hand."""

import threading

import pytest
from django.core.management import call_command
from django.db import transaction

from generator.catalog.models import CatalogCookie
from generator.scanning.matching import Matcher
from generator.scanning.scan import catalog_processors, scan_site
from tests.scanning.site import Site
from tests.security.live import _prepared_installation, installation

__all__ = ["_prepared_installation", "installation"]


def in_thread(function, *args, **kwargs):
    """Playwright's sync API refuses to start inside another sync Playwright (the e2e tests'
    browser lives for the whole run): a thread of its own has none."""
    result = {}

    def run():
        try:
            result["value"] = function(*args, **kwargs)
        except BaseException as error:
            result["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.fixture(scope="session")
def scanned(django_db_setup, django_db_blocker):
    # The catalog is read into memory and its loading rolled back: other tests find the
    # database as they expect it.
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_catalog", verbosity=0)
        matcher = Matcher(CatalogCookie.objects.select_related("processor"))
        processors = catalog_processors()
        transaction.set_rollback(True)
    progress = []
    with Site() as site:
        result = in_thread(
            scan_site,
            site.url,
            pages=5,
            allow_loopback=True,
            seconds=60,
            progress=lambda done, total: progress.append((done, total)),
            matcher=matcher,
            processors=processors,
        )
    return site, result, progress
