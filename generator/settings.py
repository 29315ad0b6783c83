"""Settings for the privacy statement generator.

One file, driven by environment variables. Every helper fails loudly on a value it cannot
read, so a typo in production configuration stops the start-up instead of silently
falling back to a default (Healthchecks' habit).
"""

import base64
import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(_TRUE | _FALSE)}, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    # A fixed key for local development only; DEBUG=False refuses to start without one.
    SECRET_KEY = "development-only-not-secret"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "crispy_forms",
    "crispy_bootstrap5",
    "generator.accounts",
    "generator.catalog",
    "generator.clauses",
    "generator.statements",
    "generator.wizard",
    "generator.public",
    "generator.scanning",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "generator.documents.middleware.PdfUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "generator.urls"
WSGI_APPLICATION = "generator.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Widgets through Django's Jinja2 widget templates where they exist (same markup, faster on the
# long wizard steps); pages and crispy-forms' field templates stay Django templates.
FORM_RENDERER = "generator.lib.forms.WidgetRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes share the file (gunicorn workers, task workers): WAL lets readers go on
    # while one writes, IMMEDIATE takes the write lock at the start of a transaction instead of
    # failing halfway, and the timeout waits for a lock rather than raising "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Generated files (the PDF cache, batch exports). Never served as static media: downloads go
# through views that check access.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    # Manifest storage needs collectstatic; development serves the source folder directly.
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "statements:dashboard"
LOGOUT_REDIRECT_URL = "public:home"
# Development prints e-mail (sign-up confirmations, password resets, invitations) to the
# console; production uses SMTP.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "privacyverklaring@localhost")

# The wizard keeps only its position in the session; cached_db survives a cache restart.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS only in production: plain HTTP is redirected, and browsers are told (HSTS) to use HTTPS
# for a year, subdomains included. Behind a proxy, gunicorn learns the scheme from
# X-Forwarded-Proto (FORWARDED_ALLOW_IPS, gunicorn.conf.py). Each can be turned off for a
# deployment that needs it (docs/deployment.md); `check --deploy` runs in CI with the defaults.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): our own origin only, no inline script anywhere, no
# plugins, forms post only to us. The one inline style allowed is the standalone statement
# page's own stylesheet (documents/page.html inlines static/documents/statement.css so a
# downloaded file stands alone), by its hash; data: only for images (the empty favicon).
_STATEMENT_CSS = (BASE_DIR / "static" / "documents" / "statement.css").read_bytes()
STATEMENT_CSS_HASH = (
    f"'sha256-{base64.b64encode(hashlib.sha256(_STATEMENT_CSS).digest()).decode()}'"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, STATEMENT_CSS_HASH],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failed logins for one account (from
# any address) or from one address (for any account), further logins are refused with HTTP 429
# for LOGIN_COOLOFF_MINUTES. Also covers the admin's login. A successful login clears the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "generator.accounts.client_ip.client_ip"
# Behind a reverse proxy, the number of proxies that append to X-Forwarded-For (0: none; the
# address is REMOTE_ADDR). Too high a number would let clients choose their own address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# The statement engine. Example answers files double as documentation and as the fixtures
# that every clause must render against.
EXAMPLES_DIR = BASE_DIR / "docs" / "examples"

# Background tasks: the database backend, worked off by `manage.py db_worker` (make run starts
# one). TASKS_BACKEND=immediate runs them inside the request instead (tests, tiny installs).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if os.environ.get("TASKS_BACKEND") == "immediate"
        else "django_tasks_db.DatabaseBackend",
    }
}
BATCH_EXPORT_KEEP_HOURS = env_int("BATCH_EXPORT_KEEP_HOURS", 24)
# A batch that has not finished a client for this long lost its worker and is queued again.
BATCH_STALL_SECONDS = env_int("BATCH_STALL_SECONDS", 300)
# How long a web request waits for the task worker to make an uncached PDF before it answers
# "try again shortly" (HTTP 503); a warm render takes well under a second.
PDF_WAIT_SECONDS = env_int("PDF_WAIT_SECONDS", 20)
# Publishing a version queues its PDFs (each language) for the task worker, so that the first
# download is a cache hit (issue 19). Off in the test settings, which run tasks at once.
PDFS_ON_PUBLISH = env_bool("PDFS_ON_PUBLISH", True)
# CPU seconds one PDF may take in the task worker before it is given up as too large (the
# largest statement and register allowed take well under this on a slow machine;
# docs/benchmarks.md), and how long such a failure is remembered, so that asking again does
# not queue the same hopeless render (issue 17).
PDF_RENDER_SECONDS = env_int("PDF_RENDER_SECONDS", 60)
PDF_FAILED_REMEMBER_SECONDS = env_int("PDF_FAILED_REMEMBER_SECONDS", 600)

# The cookie scan (issue 18): Debian's Chromium, and the caps of one scan: its time, the pages
# it may visit, and the bytes its pages may fetch through the guard's proxy.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCAN_SECONDS = env_int("SCAN_SECONDS", 90)
SCAN_MAX_PAGES = env_int("SCAN_MAX_PAGES", 20)
SCAN_MAX_BYTES = env_int("SCAN_MAX_MB", 50) * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint logs every refused URL and missing glyph as a warning; ours says enough.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        # django-axes logs its start and every attempt at INFO (noise in every command's
        # output); lockouts are warnings and still show.
        "axes": {"level": "WARNING"},
    },
}
