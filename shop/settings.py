"""OCOP Storefront settings.

Every setting that differs between a laptop and production is read once, here, from an
environment variable with a safe default (see README.md "Configuration"). Nothing secret is
committed: with ``DEBUG`` off the process refuses to start without ``SECRET_KEY``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------------------------
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the shop refuses to start without it: "
            "export SECRET_KEY to a long random string (python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'), or set DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-only-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" + (",*" if DEBUG else ""))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
PUBLIC_URL = env_str("PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# Ports a Host header may carry (ALLOWED_HOSTS ignores ports; absolute URLs keep them): by
# default PUBLIC_URL's explicit port, any with DEBUG. A Host without a port is always fine.
_PUBLIC_PORT = urlsplit(PUBLIC_URL).port
ALLOWED_HOST_PORTS = env_list(
    "ALLOWED_HOST_PORTS", ",".join([str(_PUBLIC_PORT or "")] + (["*"] if DEBUG else []))
)

INSTALLED_APPS = [
    "shop.admin_apps.OcopAdminConfig",  # django.contrib.admin with the shop's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "graphene_django",
    "corsheaders",
    "shop",
    "accounts",
    "catalog",
    "orders",
    "payments",
    "marketplaces",
    "frontend",
]

MIDDLEWARE = [
    "shop.middleware.ContentSecurityPolicyMiddleware",
    "shop.middleware.HostPortMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.JWTAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a writer instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
# A persistent connection the server dropped (restart, failover, idle timeout) is replaced
# before a request uses it, instead of failing that request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# The only backend: every sign-in (portal, admin, any authenticate() call) passes the login
# throttle that tokenCreate uses (accounts.sign_in).
AUTHENTICATION_BACKENDS = ["accounts.backends.EmailBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME", "ap-southeast-1")
AWS_S3_SIGNATURE_VERSION = env_str("AWS_S3_SIGNATURE_VERSION", "s3v4")
AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
AWS_ACCESS_KEY_ID = env_str("AWS_ACCESS_KEY_ID") or None
AWS_SECRET_ACCESS_KEY = env_str("AWS_SECRET_ACCESS_KEY") or None
AWS_S3_ADDRESSING_STYLE = env_str("AWS_S3_ADDRESSING_STYLE", "path")

# Certificate scans: private objects (own bucket, or the media bucket under a prefix) reached
# through presigned URLs valid this many seconds; locally, files outside MEDIA_ROOT served by
# signed links with the same lifetime (shop/storage.py).
AWS_PRIVATE_STORAGE_BUCKET_NAME = env_str("AWS_PRIVATE_STORAGE_BUCKET_NAME")
AWS_PRIVATE_LOCATION = env_str("AWS_PRIVATE_LOCATION", "private")
AWS_PRESIGNED_EXPIRY = env_int("AWS_PRESIGNED_EXPIRY", 300)
# Local private files; empty: MEDIA_ROOT/../private-media (never under MEDIA_ROOT).
PRIVATE_MEDIA_ROOT = env_str("PRIVATE_MEDIA_ROOT") or None

if AWS_STORAGE_BUCKET_NAME:
    # Product images are public: plain URLs, cacheable by a CDN (see shop/storage.py).
    _default_storage = {"BACKEND": "shop.storage.PublicMediaStorage"}
    _private_storage = {"BACKEND": "shop.storage.PrivateMediaStorage"}
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _private_storage = {"BACKEND": "shop.storage.PrivateFileSystemStorage"}

STORAGES = {
    "default": _default_storage,
    "private": _private_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: images up to 10 MB and 40 megapixels (decompression bombs are refused).
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
MAX_IMAGE_PIXELS = env_int("MAX_IMAGE_PIXELS", 40_000_000)
# GraphQL request bodies (multipart uploads aside) are limited by Django itself.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("GRAPHQL_MAX_BODY_BYTES", 256 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Cache ------------------------------------------------------------------------------------
CACHE_URL = env_str("CACHE_URL")
if CACHE_URL.startswith("redis://") or CACHE_URL.startswith("rediss://"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ocop-storefront",
        }
    }
# Anonymous catalogue responses are cached this many seconds (0 turns the cache off).
GRAPHQL_CACHE_SECONDS = env_int("GRAPHQL_CACHE_SECONDS", 300)

# --- Background jobs --------------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE

# --- Email ------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "OCOP Storefront <no-reply@ocop.local>")

# --- Payments (used from the payments issue on) -----------------------------------------------
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env_str("STRIPE_API_BASE") or None

# --- OCOP rules kept in data, not code (DOMAIN.md) ---------------------------------------------
OCOP_CERTIFICATE_VALIDITY_MONTHS = env_int("OCOP_CERTIFICATE_VALIDITY_MONTHS", 36)
DEFAULT_CHANNEL_SLUG = "default-channel"

# --- Producer portal (/portal/) ---------------------------------------------------------------
# The dashboard lists stock rows with at most this many units available (quantity - allocated).
PORTAL_LOW_STOCK = env_int("PORTAL_LOW_STOCK", 5)
# Bulk stock CSV import: files larger or longer than this are refused whole.
PORTAL_STOCK_IMPORT_MAX_ROWS = env_int("PORTAL_STOCK_IMPORT_MAX_ROWS", 2000)
PORTAL_STOCK_IMPORT_MAX_BYTES = env_int("PORTAL_STOCK_IMPORT_MAX_BYTES", 512 * 1024)

# --- GraphQL ----------------------------------------------------------------------------------
GRAPHENE = {
    "SCHEMA": "shop.schema.schema",
    "SCHEMA_OUTPUT": str(BASE_DIR / "schema.graphql"),
    "SCHEMA_INDENT": 2,
    "RELAY_CONNECTION_MAX_LIMIT": 100,
}
# Query cost = fields resolved at most (shop/graphql/limits.py). Signed-in users and apps get
# GRAPHQL_MAX_COST, anonymous requests the lower GRAPHQL_MAX_COST_ANONYMOUS.
GRAPHQL_MAX_COST = env_int("GRAPHQL_MAX_COST", 50_000)
# Budgets while running (shop/graphql/budget.py): see README's configuration table.
GRAPHQL_MAX_COST_ANONYMOUS = env_int("GRAPHQL_MAX_COST_ANONYMOUS", 20_000)
GRAPHQL_TIME_LIMIT_MS = env_int("GRAPHQL_TIME_LIMIT_MS", 5_000)
GRAPHQL_STATEMENT_TIMEOUT_MS = env_int("GRAPHQL_STATEMENT_TIMEOUT_MS", 3_000)
GRAPHQL_ANONYMOUS_COST_PER_MINUTE = env_int("GRAPHQL_ANONYMOUS_COST_PER_MINUTE", 100_000)
GRAPHQL_MAX_DEPTH = env_int("GRAPHQL_MAX_DEPTH", 15)
GRAPHQL_MAX_ALIASES = env_int("GRAPHQL_MAX_ALIASES", 100)
GRAPHQL_MAX_MUTATIONS = env_int("GRAPHQL_MAX_MUTATIONS", 4)
GRAPHQL_MAX_SEARCH_LENGTH = env_int("GRAPHQL_MAX_SEARCH_LENGTH", 200)

# --- Security with DEBUG off -------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
    # HSTS: browsers refuse plain http for a year. Preload is a commitment (the domain can be
    # added to browsers' built-in lists), so it is opt-in.
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Behind a reverse proxy that sets X-Forwarded-Proto (and strips any the client sent), set
# TRUSTED_PROXY=1 so https requests are seen as secure. Without a proxy the header is the
# client's to forge, and it would choose the scheme of the absolute URLs we build.
TRUSTED_PROXY = env_bool("TRUSTED_PROXY", False)
if TRUSTED_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
# Every document response (shop.middleware); inline scripts and styles are refused.
CONTENT_SECURITY_POLICY = env_str(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'",
)
# GraphiQL (DEBUG only) loads React and GraphiQL from jsDelivr and has an inline script.
GRAPHIQL_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
    "font-src 'self' data: https://cdn.jsdelivr.net; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# CORS for the GraphQL API only, so a storefront on another origin can call it: origins
# (scheme://host[:port]) from CORS_ALLOWED_ORIGINS; bearer tokens, never cookies.
CORS_URLS_REGEX = r"^/graphql/$"
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "POST", "OPTIONS")
CORS_ALLOW_HEADERS = (
    "accept",
    "authorization",
    "authorization-bearer",  # Saleor's alternative bearer header
    "content-type",
    "user-agent",
    "x-requested-with",
)
CORS_PREFLIGHT_MAX_AGE = 24 * 3600

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO", "propagate": True}},
}

# --- Checkout (quantity caps also bound ``quantityAvailable`` as Saleor does) ------------------
CHECKOUT_MAX_LINE_QUANTITY = env_int("CHECKOUT_MAX_LINE_QUANTITY", 50)

# --- Accounts: JWT, login throttling, password reset -------------------------------------------
# Tokens are signed (HS256) with JWT_SECRET; when unset, with a key derived from SECRET_KEY.
# Lifetimes in seconds.
JWT_SECRET = env_str("JWT_SECRET")
JWT_ACCESS_TTL = env_int("JWT_ACCESS_TTL", 5 * 60)
JWT_REFRESH_TTL = env_int("JWT_REFRESH_TTL", 30 * 24 * 3600)
# Hosts a password-reset link (``redirectUrl``) may point at; ports are ignored.
_PUBLIC_HOST = PUBLIC_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
ALLOWED_CLIENT_HOSTS = env_list("ALLOWED_CLIENT_HOSTS", f"{_PUBLIC_HOST},localhost,127.0.0.1")
# Every password check (tokenCreate, portal and admin sign-in, passwordChange) is refused after
# this many failures in the window, per email and per client IP, without checking the password.
LOGIN_THROTTLE_WINDOW = env_int("LOGIN_THROTTLE_WINDOW", 10 * 60)
LOGIN_THROTTLE_EMAIL_FAILURES = env_int("LOGIN_THROTTLE_EMAIL_FAILURES", 5)
LOGIN_THROTTLE_IP_FAILURES = env_int("LOGIN_THROTTLE_IP_FAILURES", 20)
# Behind a reverse proxy, the request header (META name, e.g. HTTP_X_FORWARDED_FOR) whose
# rightmost address is the client's; empty: REMOTE_ADDR.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER")
# At most one password-reset email per address in this many seconds.
PASSWORD_RESET_THROTTLE_SECONDS = env_int("PASSWORD_RESET_THROTTLE_SECONDS", 60)
ACCOUNT_MAX_ADDRESSES = env_int("ACCOUNT_MAX_ADDRESSES", 100)
CHECKOUT_RESERVATION_MINUTES = env_int("CHECKOUT_RESERVATION_MINUTES", 10)
# Renewals never extend a checkout's holds past this many minutes after its first hold.
CHECKOUT_RESERVATION_MAX_MINUTES = env_int("CHECKOUT_RESERVATION_MAX_MINUTES", 30)
# Limits of one object's public metadata (updateMetadata, checkoutComplete(metadata:)): key and
# value lengths in characters, number of keys, size of the whole as UTF-8 JSON in bytes.
METADATA_MAX_KEY_LENGTH = env_int("METADATA_MAX_KEY_LENGTH", 256)
METADATA_MAX_VALUE_LENGTH = env_int("METADATA_MAX_VALUE_LENGTH", 2000)
METADATA_MAX_KEYS = env_int("METADATA_MAX_KEYS", 50)
METADATA_MAX_BYTES = env_int("METADATA_MAX_BYTES", 8192)
CHECKOUT_TTL_DAYS_ANONYMOUS = env_int("CHECKOUT_TTL_DAYS_ANONYMOUS", 30)
CHECKOUT_TTL_DAYS_USER = env_int("CHECKOUT_TTL_DAYS_USER", 90)
# checkoutComplete asks this function (orders must not import payments) whether the checkout's
# transactions cover its total; cash on delivery is a transaction too (transactionInitialize
# with ocop.payments.cod).
CHECKOUT_PAYMENT_COVERAGE = env_str(
    "CHECKOUT_PAYMENT_COVERAGE", "payments.services.checkout_payment_covers"
)
# The cash-on-delivery cap (VND) of a channel without its own ChannelPaymentSettings.
COD_MAX_ORDER_TOTAL = env_int("COD_MAX_ORDER_TOTAL", 20_000_000)
# Public catalogue counts (totalCount) are cached this long under the catalogue version.
CATALOGUE_COUNT_CACHE_SECONDS = env_int("CATALOGUE_COUNT_CACHE_SECONDS", 300)

# Periodic jobs (celery beat): abandoned checkouts, outbox redelivery, the daily certificate job
# (expiry and reminders). Each app keeps its schedule next to its tasks.
from catalog.tasks import CELERY_BEAT_SCHEDULE as _CATALOG_BEAT  # noqa: E402
from orders.tasks import CELERY_BEAT_SCHEDULE as _ORDERS_BEAT  # noqa: E402

CELERY_BEAT_SCHEDULE = {**_ORDERS_BEAT, **_CATALOG_BEAT}

# --- Payments (payments/) ---------------------------------------------------------------------
# The function giving a checkout's or an order's payment state (transactions, authorize/charge
# status, totals) to the orders GraphQL types, which must not import payments.
PAYMENT_STATUS_PROVIDER = env_str("PAYMENT_STATUS_PROVIDER", "payments.selectors.payment_status")
PAYMENT_STATUS_PREFETCH = env_str(
    "PAYMENT_STATUS_PREFETCH", "payments.selectors.payment_status_prefetch"
)
# The gateways a checkout lists in availablePaymentGateways (orders must not import payments).
PAYMENT_GATEWAYS_PROVIDER = env_str(
    "PAYMENT_GATEWAYS_PROVIDER", "payments.selectors.available_gateways"
)
