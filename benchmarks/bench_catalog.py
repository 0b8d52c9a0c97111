"""The social map's search over 5,000 entries, as the public page runs it: the first page and the total.

Goal (issue 6): p50 <= 20 ms on PostgreSQL. The queries mix what inhabitants type (one or two words,
Dutch inflections and compounds) with a kern or wijk, a life domain or a kind, and no text at all.
"""

import os
import random
import statistics
import time

from django.db import connection
from django.utils import timezone

from stuurman.catalog.models import Service
from stuurman.catalog.search import MapQuery, page_of, social_map
from stuurman.demo import loader
from stuurman.demo.catalogue import generate_catalogue
from stuurman.tenancy.models import Area

from .harness import benchmark

ENTRIES = int(os.environ.get("BENCH_CATALOGUE_ENTRIES", "5000"))
RUNS = 300
TYPED = (
    "eenzaam",
    "schulden",
    "mantelzorger",
    "koffie",
    "wandelen",
    "taal",
    "opvoeding",
    "klussen",
    "vervoer huisarts",
    "ontmoeting",
    "geldzaken",
    "",
    "",
)
DOMAINS = ("", "", "", "network", "finances", "physical")
KINDS = ("", "", "", "local_initiative", "general", "tailored")


def _fill(entries: int) -> None:
    if not loader.is_loaded():
        loader.load_region(timezone.localdate())
    missing = entries - Service.objects.count()
    if missing > 0:
        generate_catalogue(missing, seed=6)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # fresh statistics, as autovacuum would leave them


def _page_of(query: MapQuery, today) -> int:
    page = page_of(social_map(query, today), 1, 20)
    return len(page.object_list) + page.paginator.count


@benchmark("social_map_search", headline="p50_ms")
def social_map_search():
    _fill(ENTRIES)
    rng = random.Random(11)
    places = list(Area.objects.filter(kind__in=["kern", "wijk"]).select_related("municipality", "parent"))
    queries = [
        MapQuery(
            rng.choice(TYPED),
            area=rng.choice([*places, None]),
            life_domain=rng.choice(DOMAINS),
            kind=rng.choice(KINDS),
        )
        for _ in range(RUNS)
    ]
    today = timezone.localdate()
    for query in queries[:20]:  # warm the connection and the caches
        _page_of(query, today)
    timings = []
    for query in queries:
        started = time.perf_counter()
        _page_of(query, today)
        timings.append((time.perf_counter() - started) * 1000)
    ordered = sorted(timings)
    text_only = [t for q, t in zip(queries, timings, strict=True) if q.text]
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
        "with_text_p50_ms": round(statistics.median(text_only), 2),
        "entries": Service.objects.count(),
        "runs": RUNS,
    }
