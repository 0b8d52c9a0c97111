"""Cached reports and charts, keyed by the current refresh's token and the filter (ADR 0013).

A refresh writes a new token, so every entry of the previous one becomes unreachable at once, in
every process; nothing needs clearing. Entries hold only suppressed aggregates (ADR 0012).
"""

from django.conf import settings
from django.core.cache import caches

from stuurman import charts

from . import chart_specs
from .filters import Filter, Places
from .models import Refresh
from .report import Report, build


def _cache():
    return caches["monitoring" if "monitoring" in settings.CACHES else "default"]


def report(refresh: Refresh, flt: Filter) -> Report:
    key = f"monitor:{refresh.token}:{flt.cache_key}"
    found = _cache().get(key)
    if found is None:
        found = build(refresh, flt)
        _cache().set(key, found)
    return found


def places(refresh: Refresh, region) -> Places:
    """The region's areas for the filters, read once per refresh (areas rarely change; a refresh
    picks up a new one)."""
    key = f"monitor-places:{refresh.token}:{region.pk}"
    found = _cache().get(key)
    if found is None:
        found = Places.load(region)
        _cache().set(key, found)
    return found


def fragment(refresh: Refresh, flt: Filter, render) -> str:
    """The rendered figures of the page (no form, no user, no CSRF token): ``render()`` on a miss."""
    key = f"monitor-html:{refresh.token}:{flt.cache_key}"
    found = _cache().get(key)
    if found is None:
        found = render()
        _cache().set(key, found)
    return found


def chart_svg(refresh: Refresh, flt: Filter, section_id: str) -> str | None:
    """The SVG of one section's chart, or None when the section has no chart."""
    key = f"monitor-svg:{refresh.token}:{flt.cache_key}:{section_id}"
    found = _cache().get(key)
    if found is None:
        section = next((s for s in report(refresh, flt).sections if s.id == section_id), None)
        if section is None or section.chart is None:
            return None
        found = charts.svg(chart_specs.spec(section.chart))
        _cache().set(key, found)
    return found


def clear() -> None:
    _cache().clear()
