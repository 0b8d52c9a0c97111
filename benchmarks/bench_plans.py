"""The plan page of a household with ten years of history, on PostgreSQL, through the real page.

Goal (issue 7): p50 <= 40 ms. The history (benchmarks/plan_history.py, DECADE): 40 goals, 60
contributions on every tier with their considerations, decisions and assignments, 20 agreed versions,
20 reviews with a result per goal and ZRM re-scores for five people, 600 plan events and 1,500 access-log
rows about the plan. One user requests /huishoudens/<id>/plannen/<id>/ through Django's test client:
middleware, the access policy, the queries, the access-log insert and the template, without a network.

The headline is the page as it is mostly seen: its body taken from memory (plans/page_cache.py, with
the fingerprint query that proves it still current). ``cold_p50_ms`` is the first view after a change,
with the body read and rendered.
"""

import statistics
import time

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stuurman.accounts.models import User
from stuurman.assessment.models import Assessment, Conversation
from stuurman.demo import loader
from stuurman.plans.models import Plan
from stuurman.privacy.models import AccessLog

from .harness import benchmark
from .plan_history import DECADE, build

PAGES = 200
COLD_PAGES = 60
WARM_UP = 5


def _plan() -> Plan:
    if not loader.is_loaded():
        loader.load_region(timezone.localdate())
    found = Plan.objects.filter(household__name__startswith="Huishouden Historie").order_by("pk").first()
    if found is None:
        found = build(DECADE)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return found


@benchmark("plan_page", headline="p50_ms")
def plan_page():
    plan = _plan()
    client = Client()
    client.force_login(User.objects.get(username="regisseur"))
    url = reverse("plans:plan", args=[plan.household_id, plan.pk])
    for _ in range(WARM_UP):
        assert client.get(url).status_code == 200
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        client.get(url)
    timings, home = [], []
    for n in range(PAGES):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
        if n % 4 == 0:
            # The empty home page, interleaved: what any page costs on this machine at this moment.
            started = time.perf_counter()
            client.get("/")
            home.append((time.perf_counter() - started) * 1000)
    cold = []
    for _ in range(COLD_PAGES):
        caches["plan_pages"].clear()
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        cold.append((time.perf_counter() - started) * 1000)
    ordered, cold = sorted(timings), sorted(cold)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 1),
        "cold_p50_ms": round(statistics.median(cold), 1),
        "cold_p95_ms": round(cold[int(len(cold) * 0.95) - 1], 1),
        "home_page_p50_ms": round(statistics.median(home), 1),
        "queries_per_page": len(queries),
        "goals": plan.goals.count(),
        "contributions": plan.contributions.count(),
        "agreed_versions": plan.agreed_versions.count(),
        "reviews": plan.reviews.count(),
        "plan_events": plan.events.count(),
        "conversations": Conversation.objects.filter(household=plan.household).count(),
        "assessments": Assessment.objects.filter(conversation__household=plan.household).count(),
        "log_rows_about_plan": AccessLog.objects.filter(
            object_type="plan", object_ids__contains=[plan.pk]
        ).count(),
        "page_kb": round(len(response.content) / 1024, 1),
    }
