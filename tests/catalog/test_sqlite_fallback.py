"""`make run` uses SQLite: the social map works there with its plain-text fallback (ADR 0009).

Runs the real `stuurman` command in a subprocess against a fresh SQLite file, like tests/site's smoke.
"""

import os
import subprocess
import sys
import textwrap

CHECK = textwrap.dedent(
    """
    from datetime import date
    from django.utils import timezone
    from stuurman.catalog.search import MapQuery, page_of, social_map
    from stuurman.tenancy.models import Area

    today = timezone.localdate()
    kern = Area.objects.get(municipality__cbs_code="GM9901", kind="kern", name="Waalkant")
    found = [s.name for s in social_map(MapQuery("eenzaamheid", area=kern), today)]
    assert found == ["Koffieochtend De Ontmoeting"], found
    money = [s.name for s in social_map(MapQuery(life_domain="finances", kind="general"), today)]
    assert money == ["Inloopspreekuur geldzaken en schulden"], money
    page = page_of(social_map(MapQuery(), today), 2, 10)
    assert page.number == 2 and page.paginator.count > 10 and len(page.object_list) == 10
    print("sociale kaart ok")
    """
)


def test_the_social_map_on_sqlite(tmp_path):
    env = {
        **os.environ,
        "STUURMAN_ENV": "dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'map.sqlite3'}",
        "STUURMAN_VAR_DIR": str(tmp_path),
    }
    stuurman = [sys.executable, "-m", "stuurman.cli"]

    def run(*args):
        result = subprocess.run([*stuurman, *args], env=env, capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    run("migrate", "--verbosity", "0")
    run("demo", "--households", "0", "--verbosity", "0")
    assert "sociale kaart ok" in run("shell", "--command", CHECK)
