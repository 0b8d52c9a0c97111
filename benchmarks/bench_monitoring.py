"""The region dashboard over region-scale data: 700,000 inhabitants, 90,000 open files (DESIGN.md §7).

Goal (issue 8): the policy advisor's monitor page ≤ 500 ms cold (nothing cached since the last
refresh) and ≤ 50 ms warm (cached), over many filters. Also measured: the generator with cases, the
refresh that materialises the aggregates (ADR 0013), one chart and the exports.
"""

import os
import statistics
import time

from django.db import connection
from django.test import Client
from django.utils import timezone

from stuurman.accounts.models import User
from stuurman.demo import loader
from stuurman.demo.generator import generate_households
from stuurman.monitoring import cache
from stuurman.monitoring.models import Cell
from stuurman.monitoring.refresh import refresh
from stuurman.people.models import Household, Person
from stuurman.plans.models import Contribution, Plan
from stuurman.privacy.models import Involvement
from stuurman.tenancy.models import Area, Municipality

from .harness import benchmark

PERSONS_PER_HOUSEHOLD = 2.15
WARM_RUNS = 5


def _open_files() -> int:
    return Involvement.objects.filter(source=Involvement.Source.TEAM_LEAD, until__isnull=True).count()


def _region(persons: int, open_files: int) -> dict:
    if not loader.is_loaded():
        loader.load_region(timezone.localdate())
    missing_persons = max(0, persons - Person.objects.count())
    missing_open = max(0, open_files - _open_files())
    households = (
        max(int(missing_persons / PERSONS_PER_HOUSEHOLD) + 1, missing_open)
        if missing_persons or missing_open
        else 0
    )
    figures = {}
    if households:
        share = min(1.0, missing_open / households)
        started = time.perf_counter()
        generate_households(households, seed=9090, progress=False, open_share=share)
        seconds = time.perf_counter() - started
        figures = {
            "generated_households": households,
            "generator_seconds": round(seconds, 1),
            "generator_households_per_second": round(households / seconds),
        }
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return figures


def _filters() -> list[str]:
    """The queries an advisor would try: the region, every municipality, kernen and wijken, laws, years."""
    queries = ["", "wet=wmo", "wet=jeugdwet", "periode=2025", "periode=2025-H2&wet=participatiewet"]
    for municipality in Municipality.objects.order_by("pk"):
        queries += [f"gemeente={municipality.pk}", f"gemeente={municipality.pk}&wet=debt"]
    for area in Area.objects.filter(kind__in=["kern", "wijk"]).order_by("pk")[:24]:
        queries.append(f"gebied={area.pk}")
    return queries


def _timed(client: Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def _percentiles(prefix: str, timings: list[float]) -> dict:
    ordered = sorted(timings)
    return {
        f"{prefix}_p50_ms": round(statistics.median(ordered), 1),
        f"{prefix}_p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1),
    }


@benchmark("monitoring_dashboard", headline="cold_p95_ms")
def monitoring_dashboard():
    figures = _region(
        int(os.environ.get("BENCH_PERSONS", "700000")), int(os.environ.get("BENCH_OPEN_FILES", "90000"))
    )
    started = time.perf_counter()
    run = refresh(trigger="benchmark")
    refresh_seconds = time.perf_counter() - started
    client = Client()
    client.force_login(User.objects.get(username="beleid"))
    client.get("/monitor/")  # the process itself warm (templates, URLconf), the cache cleared below
    cache.clear()
    urls = [f"/monitor/?{query}" for query in _filters()]
    cold = [_timed(client, url) for url in urls]
    warm = [_timed(client, url) for _ in range(WARM_RUNS) for url in urls]
    cache.clear()
    chart_cold = _timed(client, "/monitor/grafiek/costs.svg")
    xlsx = _timed(client, "/monitor/export.xlsx")
    return {
        **_percentiles("cold", cold),
        **_percentiles("warm", warm),
        "filters": len(urls),
        "persons": Person.objects.count(),
        "households": Household.objects.count(),
        "open_files": _open_files(),
        "plans": Plan.objects.count(),
        "contributions": Contribution.objects.count(),
        "cells": Cell.objects.filter(refresh=run).count(),
        "refresh_seconds": round(refresh_seconds, 1),
        "chart_cold_ms": round(chart_cold),
        "xlsx_ms": round(xlsx),
        **figures,
    }
