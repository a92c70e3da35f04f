"""Settings for Selection, read from the environment.

DEBUG is off unless the environment turns it on (``make run`` and the test run do). With
DEBUG off the settings refuse to load without SECRET_KEY and SELECTION_BASE_URL and switch
on the production safeguards.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Returns the boolean value of an environment variable ("1", "true", "yes", "on")."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Returns a comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def base_url(value: str) -> str:
    """SELECTION_BASE_URL checked and normalised to ``scheme://host[:port]``."""
    parts = urlsplit(value.strip())
    if (parts.scheme not in {"http", "https"} or not parts.hostname
            or parts.path not in {"", "/"} or parts.query or parts.fragment):
        raise ImproperlyConfigured(
            f"SELECTION_BASE_URL must be a scheme and a host only, like "
            f"https://hire.example.com (it is {value!r})."
        )
    return f"{parts.scheme}://{parts.netloc}"


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in the environment when DEBUG is off."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"

# The address people open the site at. Every link in an email (password reset, invitation,
# candidate test links) is built from it, never from the Host header of the request that
# caused the email, so a forged Host cannot redirect a reset link to another site.
if os.environ.get("SELECTION_BASE_URL", "").strip():
    SELECTION_BASE_URL = base_url(os.environ["SELECTION_BASE_URL"])
elif DEBUG:
    SELECTION_BASE_URL = "http://127.0.0.1:8000"
else:
    raise ImproperlyConfigured(
        "SELECTION_BASE_URL must be set in the environment when DEBUG is off: the address "
        "people open the site at, e.g. https://hire.example.com. Links in emails use it."
    )

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    "*" if DEBUG else f"{urlsplit(SELECTION_BASE_URL).hostname},127.0.0.1,localhost",
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "selection",
    "competencies",
    "interviews",
    "assessments",
    "reports",
    "api",
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "selection.apps.UsersConfig",  # wagtail.users, HR limited to staff accounts
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "selection.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "selection.middleware.RequireTwoFactorMiddleware",
    "selection.middleware.StaffAreaMiddleware",
    "selection.middleware.SecurityHeadersMiddleware",
    "selection.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "selection.urls"
WSGI_APPLICATION = "selection.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "selection.context_processors.roles",
                "selection.context_processors.branding",
            ],
        },
    },
]

# Database: PostgreSQL or SQLite from DATABASE_URL; without it, the SQLite file SQLITE_PATH.
# SQLite always gets WAL, synchronous=NORMAL, IMMEDIATE transactions and a busy timeout,
# however it was chosen: without them a writer beside the worker fails "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Options given in the URL's query string (e.g. ?timeout=60) take precedence.
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
# Selection's wording for a few of Wagtail's workflow strings ("submitted for approval").
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads (CSV imports) are refused above this size.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
SELECTION_IMPORT_MAX_BYTES = int(os.environ.get("SELECTION_IMPORT_MAX_BYTES", 5 * 1024 * 1024))

# Accounts: django-allauth, email login, no open sign-up, TOTP with recovery codes.
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "selection.accounts.InviteOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Not the request's host, which allauth would otherwise put in every subject line.
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Selection] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Selection"
MFA_ADAPTER = "selection.accounts.StaffTwoFactorAdapter"
# Superusers and HR must activate TOTP before they reach anything else (see
# selection.middleware.RequireTwoFactorMiddleware). On by default in production.
SELECTION_REQUIRE_MFA_FOR_STAFF = env_bool("SELECTION_REQUIRE_MFA_FOR_STAFF", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "selection@localhost")
# SMTP (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend): the server and its login.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 30))
# A django-anymail backend (EMAIL_BACKEND=anymail.backends.<provider>.EmailBackend, with
# django-anymail installed) reads its settings from ANYMAIL: every ANYMAIL_<NAME> variable
# becomes ANYMAIL["<NAME>"] (ANYMAIL_MAILGUN_API_KEY -> ANYMAIL["MAILGUN_API_KEY"]), so no
# provider is named here.
ANYMAIL = {name.removeprefix("ANYMAIL_"): value for name, value in os.environ.items()
           if name.startswith("ANYMAIL_") and len(name) > len("ANYMAIL_")}

# Wagtail: the HR workspace lives at /cms/, logins go through allauth.
# The product's name heads the admin; the company's own name, when set, stands beside it
# (dashboard, page titles, the app's top bar).
WAGTAIL_SITE_NAME = "Selection"
SELECTION_COMPANY_NAME = os.environ.get("SELECTION_COMPANY_NAME", "").strip()
# No Gravatar: avatars are an uploaded picture or the person's initials, drawn here, so
# no admin page asks another site for anything.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = SELECTION_BASE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
# Wagtail's own password reset is routed to allauth's (selection/urls.py); off here too.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "competencies.workflows.publish_approved"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf"]

# Background work: Django tasks with the database backend. The worker is `manage.py worker`
# (django-tasks-db's `db_worker` plus recovery of lost packet builds).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Packet builds heartbeat while they run; `manage.py worker` queues again a build whose
# heartbeat stopped (its worker died), at most SELECTION_PACKET_MAX_ATTEMPTS runs in all.
SELECTION_PACKET_DIR = Path(os.environ.get("SELECTION_PACKET_DIR", MEDIA_ROOT / "packets"))
SELECTION_PACKET_HEARTBEAT_SECONDS = float(
    os.environ.get("SELECTION_PACKET_HEARTBEAT_SECONDS", 3))
SELECTION_PACKET_STALE_SECONDS = float(os.environ.get("SELECTION_PACKET_STALE_SECONDS", 30))
SELECTION_PACKET_MAX_ATTEMPTS = int(os.environ.get("SELECTION_PACKET_MAX_ATTEMPTS", 3))
# Finished packets (row and PDF) are removed by the worker's sweep this many days after they
# finished; 0 keeps them for ever.
SELECTION_PACKET_RETENTION_DAYS = float(os.environ.get("SELECTION_PACKET_RETENTION_DAYS", 30))
# Pages read an opening's stored calibration; one older than this is shown while a
# recompute is queued (new evidence queues one anyway). Seconds; a day by default.
SELECTION_CALIBRATION_MAX_AGE_SECONDS = float(
    os.environ.get("SELECTION_CALIBRATION_MAX_AGE_SECONDS", 24 * 3600))
# A calibration computed for a reader blind scoring withholds scorecards from (the API's
# results, a report read by someone still to submit) is cached with a hash of the evidence
# it was computed from; this only bounds how long an unread one takes memory.
SELECTION_BLIND_CALIBRATION_CACHE_SECONDS = float(
    os.environ.get("SELECTION_BLIND_CALIBRATION_CACHE_SECONDS", 3600))

# The integration API (api/, docs/api.md): calls per client per minute (429 beyond, with
# Retry-After), the largest request body, and webhook delivery.
SELECTION_API_RATE_LIMIT = int(os.environ.get("SELECTION_API_RATE_LIMIT", 600))
SELECTION_API_MAX_BODY_BYTES = int(os.environ.get("SELECTION_API_MAX_BODY_BYTES", 2_000_000))
# Rows of the call log older than this many days are deleted by the worker's sweep.
SELECTION_API_LOG_RETENTION_DAYS = float(os.environ.get("SELECTION_API_LOG_RETENTION_DAYS", 90))
SELECTION_WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("SELECTION_WEBHOOK_MAX_ATTEMPTS", 8))
SELECTION_WEBHOOK_BACKOFF_SECONDS = float(os.environ.get("SELECTION_WEBHOOK_BACKOFF_SECONDS", 30))
SELECTION_WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("SELECTION_WEBHOOK_TIMEOUT_SECONDS", 10))
# Webhooks to private and loopback addresses (and plain http) only on a developer's machine.
SELECTION_WEBHOOK_ALLOW_PRIVATE = env_bool("SELECTION_WEBHOOK_ALLOW_PRIVATE", DEBUG)

# Security: safe defaults, stricter when DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = not DEBUG and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG and env_bool("SECURE_HSTS_PRELOAD", True)
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Hiring rules that HR may tune per installation.
SELECTION_CANDIDATE_LINK_DAYS = int(os.environ.get("SELECTION_CANDIDATE_LINK_DAYS", 7))
SELECTION_TOP_SHARE = 0.25
# A judgment test with a smaller share of its items answered is incomplete evidence: its
# scores are shown (with the count) but do not enter the band.
SELECTION_SJT_MIN_COMPLETE = float(os.environ.get("SELECTION_SJT_MIN_COMPLETE", 0.8))
SELECTION_BOTTOM_SHARE = 0.25
SELECTION_MIN_COHORT = 10

# References and background checks for finalists (assessments/references/).
SELECTION_REFERENCE_LINK_DAYS = int(os.environ.get("SELECTION_REFERENCE_LINK_DAYS", 14))
SELECTION_REFERENCE_DUE_DAYS = int(os.environ.get("SELECTION_REFERENCE_DUE_DAYS", 7))
SELECTION_REFERENCE_REMINDER_DAYS = int(os.environ.get("SELECTION_REFERENCE_REMINDER_DAYS", 3))
SELECTION_REFERENCE_RELATIONSHIPS = os.environ.get(
    "SELECTION_REFERENCE_RELATIONSHIPS", "former_manager:2")
SELECTION_REFERENCE_RETENTION_DAYS = int(os.environ.get("SELECTION_REFERENCE_RETENTION_DAYS", 365))
SELECTION_ADVERSE_WAIT_DAYS = int(os.environ.get("SELECTION_ADVERSE_WAIT_DAYS", 5))
# Requests per signed reference link (candidate's or referee's) per five minutes.
SELECTION_LINK_RATE_LIMIT = int(os.environ.get("SELECTION_LINK_RATE_LIMIT", 120))
# Interviews, invitations and reminders (docs/scheduling.md).
# The time zone a new interview is proposed in; each interview keeps its own.
SELECTION_INTERVIEW_TIME_ZONE = os.environ.get("SELECTION_INTERVIEW_TIME_ZONE", TIME_ZONE)
# "Scorecard due" goes this many hours after an interview ended, "overdue" after the second.
SELECTION_SCORECARD_DUE_HOURS = float(os.environ.get("SELECTION_SCORECARD_DUE_HOURS", 24))
SELECTION_SCORECARD_OVERDUE_HOURS = float(
    os.environ.get("SELECTION_SCORECARD_OVERDUE_HOURS", 48))
SELECTION_ADJUSTMENTS_CONTACT = os.environ.get("SELECTION_ADJUSTMENTS_CONTACT",
                                               DEFAULT_FROM_EMAIL)
# HR's home lists an import (performance figures, psychometric scores) not refreshed for this
# many days.
SELECTION_IMPORT_STALE_DAYS = int(os.environ.get("SELECTION_IMPORT_STALE_DAYS", 90))
