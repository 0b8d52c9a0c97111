"""How fast the demo generator fills a region: 100,000 households must take minutes, not hours."""

import os
import time

from django.utils import timezone

from stuurman.demo import loader
from stuurman.demo.generator import generate_households
from stuurman.people.models import Person

from .harness import benchmark


@benchmark("demo_households", headline="households_per_second")
def demo_households():
    households = int(os.environ.get("BENCH_HOUSEHOLDS", "20000"))
    if not loader.is_loaded():
        loader.load_region(timezone.localdate())
    persons_before = Person.objects.count()
    started = time.perf_counter()
    generate_households(households, seed=4242, progress=False)
    seconds = time.perf_counter() - started
    rate = households / seconds
    return {
        "households_per_second": round(rate),
        "households": households,
        "persons": Person.objects.count() - persons_before,
        "seconds": round(seconds, 2),
        "projected_minutes_for_100000": round(100_000 / rate / 60, 1),
    }
