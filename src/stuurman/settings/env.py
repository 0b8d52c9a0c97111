"""Typed access to environment variables, with errors that name the variable."""

import os

from django.core.exceptions import ImproperlyConfigured

PROFILES = ("production", "dev", "test")


def profile() -> str:
    value = os.environ.get("STUURMAN_ENV", "production").strip().lower()
    if value not in PROFILES:
        raise ImproperlyConfigured(f"STUURMAN_ENV is '{value}', but must be one of: {', '.join(PROFILES)}.")
    return value


def string(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def required(name: str, dev_default: str) -> str:
    """A value production must set explicitly; dev and test fall back to a harmless default."""
    value = string(name)
    if value:
        return value
    if profile() == "production":
        raise ImproperlyConfigured(f"{name} must be set in production (see docs/operators-guide.md).")
    return dev_default


def boolean(name: str, default: bool) -> bool:
    value = string(name)
    if value is None:
        return default
    normalized = value.strip().lower()
    if normalized in ("1", "true", "yes", "on"):
        return True
    if normalized in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} is '{value}', but must be true or false.")


def integer(name: str, default: int) -> int:
    value = string(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} is '{value}', but must be a whole number.") from None


def listing(name: str, default: list[str]) -> list[str]:
    value = string(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]
