"""The database: DATABASE_URL, with an embedded SQLite file as the dev default."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from . import env
from .base import VAR_DIR

SUPPORTED_SCHEMES = ("postgres", "postgresql", "sqlite")


def database_from_url(url: str) -> dict:
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in SUPPORTED_SCHEMES:
        raise ImproperlyConfigured(
            f"DATABASE_URL '{_redacted(url)}' is not understood: use "
            "postgresql://user:password@host:5432/name or sqlite:///path/to/file.sqlite3."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=env.integer("DATABASE_CONN_MAX_AGE", 60))
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL '{_redacted(url)}' is malformed: {error}.") from None
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"DATABASE_URL '{_redacted(url)}' names no database.")
    if config["ENGINE"] == "django.db.backends.sqlite3" and config["NAME"] != ":memory:":
        # The embedded database lives in var/, which a fresh checkout does not have yet.
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        # Fail fast with a clear message instead of hanging when the server cannot be reached.
        config.setdefault("OPTIONS", {})["connect_timeout"] = env.integer("DATABASE_CONNECT_TIMEOUT", 5)
    return config


def _redacted(url: str) -> str:
    """The URL without its password, so error messages never leak it."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


_default_url = None if env.profile() == "production" else f"sqlite:///{VAR_DIR / 'stuurman.sqlite3'}"
_url = env.string("DATABASE_URL", _default_url)
if _url is None:
    raise ImproperlyConfigured("DATABASE_URL must be set in production (see docs/operators-guide.md).")

DATABASES = {"default": database_from_url(_url)}
