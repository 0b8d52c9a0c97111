"""The caches: the monitor's pages (ADR 0013) and the plan page's bodies (ADR 0014)."""

from . import env

# The monitor's pages are cached per filter under the current refresh's token, so a refresh makes every
# old entry unreachable in every process. In memory by default (each process warms its own); a
# directory shared by the processes of one server lets them share it. They hold no persons.
_monitoring_dir = env.string("MONITORING_CACHE_DIR", "")

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "monitoring": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache"
        if _monitoring_dir
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": _monitoring_dir or "stuurman-monitoring",
        "TIMEOUT": 2 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Plan bodies hold personal data: only ever in the memory of the process that rendered them, for
    # ten minutes at most, a few hundred plans per process (a ten-year plan's body is some 70 kB).
    "plan_pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "stuurman-plan-pages",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": env.integer("PLAN_PAGE_CACHE_ENTRIES", 300)},
    },
}
