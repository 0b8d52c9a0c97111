"""Configuration mistakes produce one clear sentence, never a traceback; production is strict."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db(False)


def run_stuurman(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "stuurman", *args], env=environment, capture_output=True, text=True, timeout=60
    )


def assert_one_sentence(result, *fragments):
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_malformed_database_url():
    result = run_stuurman("migrate", STUURMAN_ENV="test", DATABASE_URL="postgres//nobody@nowhere")
    assert_one_sentence(result, "DATABASE_URL", "is not understood")


def test_database_url_without_database_name():
    result = run_stuurman("migrate", STUURMAN_ENV="test", DATABASE_URL="postgresql://u:secret@localhost:5432")
    assert_one_sentence(result, "names no database")
    assert "secret" not in result.stderr


def test_unreachable_postgresql():
    # Port 9 on loopback (discard) has no PostgreSQL: the connection is refused at once.
    result = run_stuurman(
        "migrate", STUURMAN_ENV="test", DATABASE_URL="postgresql://stuurman:pw@127.0.0.1:9/stuurman"
    )
    assert_one_sentence(result, "Cannot use the PostgreSQL database 'stuurman' at 127.0.0.1:9")
    assert ":pw@" not in result.stderr


def test_unknown_profile():
    result = run_stuurman("check", STUURMAN_ENV="staging")
    assert_one_sentence(result, "STUURMAN_ENV")


def test_production_requires_a_secret_key():
    result = run_stuurman("check", STUURMAN_ENV="production", DATABASE_URL="sqlite:///tmp/x.sqlite3")
    assert_one_sentence(result, "SECRET_KEY must be set in production")


def test_production_requires_a_database_url():
    result = run_stuurman("check", STUURMAN_ENV="production", SECRET_KEY="k" * 50)
    assert_one_sentence(result, "DATABASE_URL must be set in production")


def test_production_defaults_are_safe():
    code = (
        "import json, django; from django.conf import settings; django.setup(); print(json.dumps({k: "
        "getattr(settings, k) for k in ('DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'ALLOWED_HOSTS', 'X_FRAME_OPTIONS')}))"
    )
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "STUURMAN_ENV": "production",
        "SECRET_KEY": "k" * 50,
        "DATABASE_URL": "postgresql://u@db.example:5432/stuurman",
        "DJANGO_SETTINGS_MODULE": "stuurman.settings",
    }
    environment.pop("DEBUG", None)
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["ALLOWED_HOSTS"] == []
    assert values["X_FRAME_OPTIONS"] == "DENY"
