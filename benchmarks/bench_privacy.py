"""Searching persons with the access policy applied, over a region of about 700,000 inhabitants.

Goal (issue 3): p50 <= 10 ms for a search by BSN and by surname prefix, as a consultant whose team
has the open files of its wijken.
"""

import os
import random
import statistics
import time

from django.db import connection
from django.utils import timezone

from stuurman.accounts.models import User
from stuurman.demo import loader
from stuurman.demo.generator import generate_households
from stuurman.people.models import Person
from stuurman.people.search import surname_starts_with
from stuurman.privacy.policy import visible_persons

from .harness import benchmark

RUNS = 200
# What staff type in the name field, voorvoegsel and all.
TYPED = ("jans", "de vries", "bak", "visser", "yil", "el amrani", "smi", "meij", "van den berg", "hoek")


def _region_of(persons: int) -> None:
    if not loader.is_loaded():
        loader.load_region(timezone.localdate())
    missing = persons - Person.objects.count()
    if missing > 0:
        generate_households(int(missing / 2.15) + 1, seed=7513, progress=False)
    with connection.cursor() as cursor:
        cursor.execute(
            "VACUUM ANALYZE"
        )  # fresh statistics and visibility map, as autovacuum would leave them


def _timed(query, arguments) -> list[float]:
    timings = []
    for argument in arguments:
        started = time.perf_counter()
        list(query(argument))
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _figures(prefix: str, timings: list[float]) -> dict:
    ordered = sorted(timings)
    return {
        f"{prefix}_p50_ms": round(statistics.median(ordered), 2),
        f"{prefix}_p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
    }


@benchmark("policy_search", headline="bsn_p50_ms")
def policy_search():
    _region_of(int(os.environ.get("BENCH_PERSONS", "700000")))
    consultant = User.objects.get(username="consulent")
    rng = random.Random(3)
    visible = list(visible_persons(consultant).values_list("bsn", flat=True)[:100])
    others = list(Person.objects.order_by("?").values_list("bsn", flat=True)[:100])
    bsns = [rng.choice(visible + others) for _ in range(RUNS)]
    typed = [rng.choice(TYPED) for _ in range(RUNS)]

    def by_bsn(bsn):
        return visible_persons(consultant).filter(bsn=bsn)

    def by_surname(typed):
        return surname_starts_with(visible_persons(consultant), typed)[:25]

    return {
        **_figures("bsn", _timed(by_bsn, bsns)),
        **_figures("surname", _timed(by_surname, typed)),
        "persons": Person.objects.count(),
        "visible_persons": visible_persons(consultant).count(),
        "runs": RUNS,
    }
