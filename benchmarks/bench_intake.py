"""A team's work queue with 90,000 open requests in the region, at 1 and at 16 concurrent users.

Goal (issue 4): p95 <= 80 ms at 16 concurrent users on PostgreSQL. Each user is a separate process
that requests the real page (/werkvoorraad/) through Django's test client: middleware, policy,
queries, the access log insert and the template, without a network in between.
"""

import os
import random
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from stuurman.accounts.models import Team, User
from stuurman.demo import loader
from stuurman.demo.generator import generate_households
from stuurman.intake.models import Request
from stuurman.people.models import Household

from .harness import benchmark

OPEN_REQUESTS = int(os.environ.get("BENCH_OPEN_REQUESTS", "90000"))
PAGES_PER_USER = 40


def _fill(open_requests: int) -> None:
    if not loader.is_loaded():
        loader.load_region(timezone.localdate())
    if Household.objects.count() < open_requests:
        generate_households(open_requests - Household.objects.count(), seed=90, progress=False)
    missing = open_requests - Request.objects.exclude(status="closed").count()
    if missing <= 0:
        return
    rng = random.Random(4)
    teams = {wijk.pk: team for team in Team.objects.prefetch_related("areas") for wijk in team.areas.all()}
    registrar = User.objects.get(username="loket")
    today, now = timezone.localdate(), timezone.now()
    households = (
        Household.objects.select_related("area")
        .order_by("pk")
        .values_list("pk", "municipality_id", "area__parent_id")[:missing]
    )
    batch = []
    for household_id, municipality_id, wijk_id in households.iterator():
        team = teams.get(wijk_id)
        if team is None:
            continue
        received = today - timedelta(days=rng.randint(0, 60))
        batch.append(
            Request(
                municipality_id=municipality_id,
                household_id=household_id,
                question="Hulpvraag (benchmark)",
                safety_concern=False,
                law=rng.choice(["wmo", "jeugdwet", "participatiewet", "debt"]),
                status="routed",
                responsible_team=team,
                received_on=received,
                registered_at=now,
                registered_by=registrar,
                unknown_name="benchmark",
                next_deadline="Onderzoek afgerond",
                next_due=received + timedelta(weeks=6),
            )
        )
        if len(batch) == 5000:
            Request.objects.bulk_create(batch)
            batch = []
    Request.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def _user_session(pages: int) -> list[float]:
    """One concurrent user: log in, then open the queue (with a filter every other time)."""
    import django

    django.setup()
    from django.db import connection as own_connection
    from django.test import Client

    own_connection.close()  # a fresh connection of this process
    client = Client()
    client.force_login(User.objects.get(username="consulent"))
    timings = []
    for n in range(pages):
        query = {"law": "wmo"} if n % 2 else {}
        started = time.perf_counter()
        response = client.get("/werkvoorraad/", query)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return timings


def _percentiles(prefix: str, timings: list[float]) -> dict:
    ordered = sorted(timings)
    return {
        f"{prefix}_p50_ms": round(statistics.median(ordered), 1),
        f"{prefix}_p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 1),
    }


@benchmark("team_queue", headline="users16_p95_ms")
def team_queue():
    _fill(OPEN_REQUESTS)
    connection.close()
    figures = {}
    for users in (1, 16):
        with ProcessPoolExecutor(max_workers=users) as pool:
            runs = list(pool.map(_user_session, [PAGES_PER_USER] * users))
        figures.update(_percentiles(f"users{users}", [t for run in runs for t in run[2:]]))
    consultant = User.objects.get(username="consulent")
    figures["open_requests"] = Request.objects.exclude(status="closed").count()
    figures["in_this_queue"] = Request.objects.filter(responsible_team__members=consultant).count()
    return figures
