"""The monitor (ADR 0013): how it refreshes and how many years it computes (its cache: caches.py)."""

from . import env

# The refresh button starts `stuurman refresh-monitor` as a process of its own (a whole region takes
# minutes, longer than a page may); the test suite runs it inline instead.
MONITORING_REFRESH_IN_BACKGROUND = env.boolean("MONITORING_REFRESH_IN_BACKGROUND", env.profile() != "test")

# Periods further back than this many calendar years (this one included) are not computed.
MONITORING_YEARS = env.integer("MONITORING_YEARS", 5)
