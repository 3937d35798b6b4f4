"""Virage settings: one file, every value read from the environment.

Development (`make run`) sets DEBUG=1; production must set SECRET_KEY, ALLOWED_HOSTS and
DATABASE_URL. See docs/operations.md and README.md, "Configuration".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VIRAGE_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str | None = None) -> str | None:
    """Read a setting from the environment, or from the file named by NAME_FILE (secrets)."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        try:
            return Path(file_path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={file_path} cannot be read: {exc}") from None
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in (env(name, default) or "").split(",") if part.strip()]


DEBUG = env_bool("DEBUG", False)
# Under pytest (or VIRAGE_TESTING=1): development-grade secrets, immediate tasks, fast hashing.
TESTING = env_bool("VIRAGE_TESTING", False) or "pytest" in sys.modules

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "django-insecure-development-only-key-virage-not-for-production"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is required when DEBUG is off: set SECRET_KEY (or SECRET_KEY_FILE) "
            "to a long random value (in development: DEBUG=1, as make run and make test do)."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Database -------------------------------------------------------------------------------
DEFAULT_SQLITE = f"sqlite:///{VAR_DIR / 'virage.sqlite3'}"
_database_url = env("DATABASE_URL") or DEFAULT_SQLITE
try:
    _db = dj_database_url.parse(_database_url, conn_max_age=int(env("DB_CONN_MAX_AGE", "0")))
except Exception as exc:  # noqa: BLE001 - dj-database-url raises several types
    raise ImproperlyConfigured(
        f"DATABASE_URL is not a valid database URL ({exc.__class__.__name__}): use "
        "sqlite:///path/to/file.sqlite3 or postgres://user:password@host:5432/name"
    ) from None
if _db.get("ENGINE") not in {
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
}:
    raise ImproperlyConfigured(
        "DATABASE_URL must use sqlite:// or postgres:// (got engine "
        f"{_db.get('ENGINE') or 'unknown'})."
    )
if _db["ENGINE"] == "django.db.backends.sqlite3":
    if _db.get("NAME") and _db["NAME"] != ":memory:":
        Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    _db["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
    # tests use an in-memory database per process (parallel runs never collide)
else:
    _db.setdefault("OPTIONS", {})
    _db["CONN_HEALTH_CHECKS"] = True
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Applications ---------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "virage.core",
    "virage.accounts",
    "virage.programs",
    "virage.enterprises",
    "virage.waitlist",
    "virage.diagnostics",
    "virage.catalog",
    "virage.plans",
    "virage.coaching",
    "virage.training",
    "virage.capsules",
    "virage.funding",
    "virage.reporting",
    "virage.privacy",
    "virage.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "virage.api.middleware.ApiBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "virage.accounts.middleware.SessionTimeoutMiddleware",
    "virage.accounts.middleware.MFARequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "virage.core.middleware.NoStoreForAuthenticatedMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "virage.core.context_processors.platform",
            ],
            "builtins": ["django.templatetags.i18n", "virage.core.templatetags.virage"],
        },
    }
]

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "core:landing"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2  # two hours
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 60 * 60 * 12  # absolute: twelve hours
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Internationalisation: French first -------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "virage_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
if DEBUG or TESTING:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL")
if env("CACHE_URL", "") == "redis" and REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "virage_cache",
        }
    }

# --- E-mail ---------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Virage <noreply@virage.example>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25") or 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))  # filebased backend only

# --- Background tasks (Django Tasks API) -------------------------------------------------------
# database: django-tasks-db, one `manage.py db_worker` (default, nothing else to run)
# rq: Redis + RQ workers (`manage.py rqworker --job-class django_tasks_rq.backend.Job
#     default email --with-scheduler`) for several
#     machines; needs REDIS_URL. immediate: runs in the request (tests). dummy: never runs.
TASK_BACKEND = env("TASK_BACKEND", "immediate" if TESTING else "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
if TASK_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASK_BACKEND must be one of {', '.join(sorted(_TASK_BACKENDS))} (got {TASK_BACKEND})."
    )
TASK_QUEUES = ["default", "email"]
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASK_BACKEND], "QUEUES": TASK_QUEUES}}
if TASK_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASK_BACKEND=rq needs REDIS_URL (redis://host:6379/0).")
    INSTALLED_APPS.append("django_rq")
RQ_QUEUES = {
    name: {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 300}
    for name in TASK_QUEUES
}
EMAIL_MAX_ATTEMPTS = int(env("EMAIL_MAX_ATTEMPTS", "5") or 5)

# --- Security -------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not (DEBUG or TESTING))
SESSION_COOKIE_SECURE = not (DEBUG or TESTING)
CSRF_COOKIE_SECURE = not (DEBUG or TESTING)
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-virage_session"
    CSRF_COOKIE_NAME = "__Host-virage_csrf"
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "0" if DEBUG or TESTING else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sign-in: throttling and lockout per account and per IP (virage/accounts/throttle.py)
AUTHENTICATION_BACKENDS = ["virage.accounts.backends.ThrottledModelBackend"]
VIRAGE_LOGIN_FAILURES_PER_ACCOUNT = 5  # then the account is locked for the lockout time
VIRAGE_LOGIN_FAILURES_PER_IP = 20
VIRAGE_LOGIN_WINDOW_SECONDS = 15 * 60
VIRAGE_LOGIN_LOCKOUT_SECONDS = 15 * 60
# Two-factor authentication (TOTP, django-otp): required for every staff role in production;
# off by default in development and under pytest so the demo logins and force_login work.
VIRAGE_MFA_REQUIRED = env_bool("VIRAGE_MFA_REQUIRED", not (DEBUG or TESTING))
OTP_TOTP_ISSUER = "Virage"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Sessions: idle timeout by role, absolute timeout, re-authentication for sensitive changes
VIRAGE_SESSION_IDLE_STAFF_SECONDS = 30 * 60
VIRAGE_SESSION_IDLE_MERCHANT_SECONDS = 2 * 60 * 60
VIRAGE_SESSION_ABSOLUTE_SECONDS = SESSION_COOKIE_AGE
VIRAGE_REAUTH_MAX_AGE_SECONDS = 10 * 60
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Logging: structured JSON lines in production, plain text in development ----------------
LOG_FORMAT = env("LOG_FORMAT", "text" if DEBUG or TESTING else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "virage.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {"redact": {"()": "virage.core.logging.RedactFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- Virage ---------------------------------------------------------------------------------
API_MAX_BODY_BYTES = 64 * 1024
VIRAGE_SITE_URL = env("VIRAGE_SITE_URL", "http://127.0.0.1:8000")
VIRAGE_DEMO = env_bool("VIRAGE_DEMO", DEBUG or TESTING)
# Dashboards read pre-computed figures (reporting.ReportSnapshot) younger than this many
# seconds; `run_scheduled` refreshes them every 15 minutes. 0 = always compute (the tests'
# default, so that every test sees its own data at once).
REPORTING_SNAPSHOT_MAX_AGE = int(env("REPORTING_SNAPSHOT_MAX_AGE", "0" if TESTING else "1200"))

if TESTING:
    # fast hashing in tests only; production keeps Django's default (PBKDF2)
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
