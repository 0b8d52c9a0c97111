"""`make run` uses SQLite: the same code must work there, with its simpler fallbacks (ADR 0005).

Runs the real `stuurman` command in a subprocess against a fresh SQLite file, so nothing of the
PostgreSQL test database leaks in.
"""

import os
import subprocess
import sys
import textwrap

CHECK = textwrap.dedent(
    """
    from django.test import RequestFactory
    from django.core.management import call_command
    from stuurman.accounts.models import User
    from stuurman.people.search import surname_starts_with
    from stuurman.privacy import log
    from stuurman.privacy.models import AccessLog
    from stuurman.privacy.policy import visible_persons

    consultant = User.objects.get(username="consulent")
    seen = visible_persons(consultant)
    assert set(seen.filter(surname="Vries").values_list("first_names", flat=True)) >= {"Jan", "Els", "Roos"}
    assert surname_starts_with(seen, "de vries").count() == 5
    request = RequestFactory().get("/huishoudens/1/")
    request.user = consultant
    for purpose in ("een", "twee", "drie"):
        log.record(request, log.Action.READ, purpose=purpose, persons=seen.filter(surname="Vries"))
    jan = seen.get(first_names="Jan")
    assert AccessLog.objects.filter(log.mentioning(jan.pk)).count() == 3
    call_command("verify-log")
    """
)


def test_migrate_demo_policy_and_log_on_sqlite(tmp_path):
    env = {
        **os.environ,
        "STUURMAN_ENV": "dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'smoke.sqlite3'}",
        "STUURMAN_VAR_DIR": str(tmp_path),
    }
    stuurman = [sys.executable, "-m", "stuurman.cli"]

    def run(*args):
        result = subprocess.run([*stuurman, *args], env=env, capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    run("migrate", "--verbosity", "0")
    run("demo", "--households", "30", "--verbosity", "0")
    assert "intact: 3 regels" in run("shell", "--command", CHECK)
