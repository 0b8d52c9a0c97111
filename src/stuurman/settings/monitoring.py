"""The monitor (ADR 0013): how many years it computes, and where its cached pages live."""

from . import env

# The refresh button starts `stuurman refresh-monitor` as a process of its own (a whole region takes
# minutes, longer than a page may); the test suite runs it inline instead.
MONITORING_REFRESH_IN_BACKGROUND = env.boolean("MONITORING_REFRESH_IN_BACKGROUND", env.profile() != "test")

# Periods further back than this many calendar years (this one included) are not computed.
MONITORING_YEARS = env.integer("MONITORING_YEARS", 5)

# Pages are cached per filter under the current refresh's token, so a refresh makes every old entry
# unreachable in every process. In memory by default (each process warms its own); a directory shared
# by the processes of one server lets them share it.
_cache_dir = env.string("MONITORING_CACHE_DIR", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "monitoring": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache"
        if _cache_dir
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": _cache_dir or "stuurman-monitoring",
        "TIMEOUT": 2 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
