"""Fast settings for the test suite (style.md, habit 9)."""

import os

os.environ.setdefault("DEBUG", "1")

from generator.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the source folders, as in development; no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Background tasks run inside the request, so tests see their result at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Publishing does not make PDFs here (a second or more per publish in dozens of tests); the
# tests of that feature switch it on (tests/statements/test_publish_pdfs.py).
PDFS_ON_PUBLISH = False
