"""The one write path of the monitor (ADR 0013): compute every figure for every period, area and law,
suppress small cells (ADR 0012), and replace the current aggregates in one transaction.

Run by ``stuurman refresh-monitor`` after the nightly run, and on demand from the monitor page. The
queries group in the database (extract.py); the indicators turn the grouped rows into cells for each
wijk (the leaves); the cells add up to kernen, municipalities and the region; suppression runs over
the whole set at once, so a figure hidden on one page cannot be worked out from another page's totals.
"""

import secrets
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from stuurman.tenancy.models import Area, Municipality

from . import extract, figures, suppression
from . import indicators as ind
from .models import Cell, Refresh
from .periods import Period, covering, of_day

POPULATION_PERIOD = "now"
TRIGGER_PAGE = "op verzoek, vanaf de monitor"
ADVISORY_LOCK = 80_090_001  # any fixed number of our own: one refresh at a time


class RefreshBusy(RuntimeError):
    """Another refresh is running; ``str()`` is a Dutch message."""


@dataclass
class Scopes:
    """The areas as scopes: R<id> region, M<id> municipality, A<id> kern or wijk. Households on a kern
    itself, or without an area, sit in a remainder (``A<id>-``, ``M<id>-``): never shown, and taken to
    be known to anyone, so they never protect a hidden cell."""

    parent: dict[str, str] = field(default_factory=dict)
    leaf_of_area: dict[int, str] = field(default_factory=dict)
    region_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Scopes":
        scopes = cls()
        municipalities = dict(Municipality.objects.values_list("pk", "region_id"))
        for pk, region in municipalities.items():
            scopes._add(f"R{region}", None)
            scopes._add(f"M{pk}", f"R{region}")
        areas = {
            row[0]: row for row in Area.objects.values_list("pk", "kind", "parent_id", "municipality_id")
        }
        for pk, kind, _parent, municipality in areas.values():
            if kind == "kern":
                scopes._add(f"A{pk}", f"M{municipality}")
        for pk, kind, parent, municipality in areas.values():
            if kind == "wijk":
                in_kern = parent is not None and areas[parent][1] == "kern"
                scopes._add(f"A{pk}", f"A{parent}" if in_kern else f"M{municipality}")
        for pk, kind, parent, municipality in areas.values():
            scopes.leaf_of_area[pk] = cls._leaf(pk, kind, parent, municipality, areas)
        return scopes

    def _add(self, scope: str, parent: str | None) -> None:
        if parent is not None:
            self.parent[scope] = parent
        self.region_of.setdefault(scope, scope if parent is None else self.region_of[parent])

    @staticmethod
    def _leaf(pk, kind, parent, municipality, areas) -> str:
        if kind == "wijk":
            return f"A{pk}"
        if kind == "kern":
            return f"A{pk}-"
        if parent is not None and areas[parent][1] == "wijk":
            return f"A{parent}"
        if parent is not None and areas[parent][1] == "kern":
            return f"A{parent}-"
        return f"M{municipality}-"

    def leaf(self, area_id, municipality_id) -> str:
        """The leaf a household's area adds to; a remainder becomes a scope when something lands in it."""
        scope = f"M{municipality_id}-" if area_id is None else self.leaf_of_area[area_id]
        if scope.endswith("-") and scope not in self.parent:
            self._add(scope, scope[:-1])
        return scope

    def chain(self, scope: str) -> list[str]:
        found = [scope]
        while found[-1] in self.parent:
            found.append(self.parent[found[-1]])
        return found

    def children(self) -> dict[str, list[str]]:
        found = defaultdict(list)
        for child, parent in self.parent.items():
            found[parent].append(child)
        return found

    @staticmethod
    def is_remainder(scope: str) -> bool:
        return scope.endswith("-")


# (indicator, period, scope, law) → cells
Raw = dict[tuple[str, str, str, str], ind.Cells]


def _add(raw: Raw, where: tuple[str, str, str, str], cells: ind.Cells) -> None:
    target = raw.setdefault(where, {})
    for key, (count, amount) in cells.items():
        old_count, old_amount = target.get(key, (0, None))
        summed = None if amount is None and old_amount is None else (old_amount or 0) + (amount or 0)
        target[key] = (old_count + count, summed)


def _feed(raw: Raw, scopes: Scopes, indicator: str, rows, function, *, law_at: int = 3) -> None:
    """Group rows (period, area, municipality, law, *dims) by period, leaf and law, and apply the
    indicator's function to each group."""
    groups = defaultdict(list)
    for row in rows:
        period, area, municipality, law = row[0], row[1], row[2], row[law_at]
        groups[(period, scopes.leaf(area, municipality), law or "")].append(row[law_at + 1 :])
    for (period, leaf, law), dims in groups.items():
        _add(raw, (indicator, period, leaf, law), function(dims))


def _collect(periods: list[Period], scopes: Scopes, domains_map) -> Raw:
    raw: Raw = {}

    def both(indicator, rows: extract.Rows, function):
        _feed(raw, scopes, indicator, rows.by_law, function)
        _feed(raw, scopes, indicator, rows.all_laws, function)

    both("reach", extract.reach(periods), lambda dims: ind.reach(*map(sum, zip(*dims, strict=True))))
    both("integrated", extract.integrated(periods), ind.integrated)
    both("outflow", extract.outflow(periods), lambda dims: ind.outflow((bool(i), n) for i, n in dims))
    both("lines", extract.lines(periods), ind.lines)
    tier_rows = extract.tiers(periods)
    both("tiers", tier_rows, ind.tiers)
    both("four_way", tier_rows, ind.four_way)
    both("zrm", extract.zrm(periods, domains_map), ind.zrm)
    ladder = extract.ladder(periods)
    both("ladder_movement", ladder, ind.ladder_movement)
    both("ladder_rungs", ladder, ind.ladder_rungs)
    both("ladder_gap", ladder, ind.ladder_gaps)
    both("reviews", extract.reviews(periods), ind.reviews)
    both("costs", extract.costs(periods), ind.costs)
    stacking = [(*row[:3], "", *row[3:]) for row in extract.stacking(periods)]
    _feed(raw, scopes, "stacking", stacking, ind.stacking)

    keys = {p.key for p in periods}
    decided = []
    for area, municipality, law, applied, decided_on, n in extract.deadlines(
        periods[0].start, periods[-1].end
    ):
        for period in of_day(decided_on):
            if period.key in keys:
                decided.append((period.key, area, municipality, law, law, applied, decided_on, n))
                decided.append((period.key, area, municipality, "", law, applied, decided_on, n))
    _feed(raw, scopes, "deadlines", decided, ind.deadlines)

    people = [
        (POPULATION_PERIOD, area, municipality, "", persons, households)
        for area, municipality, persons, households in extract.population()
    ]
    _feed(raw, scopes, "population", people, lambda dims: ind.population(*map(sum, zip(*dims, strict=True))))
    return raw


def _budgets(raw: Raw, periods: list[Period]) -> None:
    for municipality, law, year, amount in extract.budgets({p.year for p in periods}):
        for period in periods:
            if period.year == year:
                cells = {"amount": (0, figures.budget_cents(amount, period))}
                _add(raw, ("budget", period.key, f"M{municipality}", law), cells)
                _add(raw, ("budget", period.key, f"M{municipality}", ""), cells)


def _rolled_up(raw: Raw, scopes: Scopes) -> Raw:
    full: Raw = {}
    for (indicator, period, scope, law), cells in raw.items():
        for target in scopes.chain(scope):
            _add(full, (indicator, period, target, law), cells)
    return full


class _Grid:
    """One indicator of one region as numbered cells (period, scope, law, key): plain integers keep
    the relations of hundreds of thousands of cells small and quick to build."""

    def __init__(self, periods, scopes, laws, keys):
        self.periods, self.scopes, self.laws, self.keys = periods, scopes, laws, keys
        self.p, self.s, self.l, self.k = (
            {value: i for i, value in enumerate(axis)} for axis in (periods, scopes, laws, keys)
        )

    def id(self, period, scope, law, key) -> int:
        return ((self.p[period] * len(self.scopes) + self.s[scope]) * len(self.laws) + self.l[law]) * len(
            self.keys
        ) + self.k[key]

    def cell(self, number: int) -> tuple[str, str, str, str]:
        number, k = divmod(number, len(self.keys))
        number, law = divmod(number, len(self.laws))
        period, scope = divmod(number, len(self.scopes))
        return self.periods[period], self.scopes[scope], self.laws[law], self.keys[k]


def _relations(grid: _Grid, indicator, domains, children, years) -> list:
    """The totals that link the cells: categories, areas, the half-years of a year, the laws. When a
    half-year must be protected, the year is hidden rather than the other half-year."""
    found, cell = [], grid.id
    periods, scopes, laws, keys = grid.periods, grid.scopes, grid.laws, grid.keys
    sums = indicator.relations(domains)
    parents = [(parent, children[parent]) for parent in scopes if parent in children]
    for period in periods:
        for scope in scopes:
            for law in laws:
                found += [
                    (cell(period, scope, law, t), tuple(cell(period, scope, law, p) for p in ps))
                    for t, ps in sums
                ]
        for law in laws:
            for key in keys:
                for parent, below in parents:
                    found.append(
                        (cell(period, parent, law, key), tuple(cell(period, c, law, key) for c in below))
                    )
    for year in years:
        halves = [half.key for half in year.halves if half.key in grid.p]
        for scope in scopes:
            for law in laws:
                for key in keys:
                    found.append(
                        (
                            cell(year.key, scope, law, key),
                            tuple(cell(h, scope, law, key) for h in halves),
                            True,
                        )
                    )
    if indicator.laws:
        for period in periods:
            for scope in scopes:
                for key in keys:
                    parts = tuple(cell(period, scope, law, key) for law in indicator.laws)
                    found.append((cell(period, scope, "", key), parts))
    return found


def _hidden(full: Raw, scopes: Scopes, periods: list[Period], domains: list[str]) -> set:
    """Suppress each indicator of each region as one linked set of cells."""
    hidden = set()
    children = scopes.children()
    period_keys = [p.key for p in periods]
    years = [p for p in periods if p.is_year]
    for indicator in ind.INDICATORS.values():
        if not indicator.suppressed:
            continue
        implicit_keys = indicator.implicit_keys(domains)
        keys = indicator.keys(domains) + implicit_keys
        for region in set(scopes.region_of.values()):
            in_region = [s for s, r in scopes.region_of.items() if r == region]
            grid = _Grid(period_keys, in_region, ["", *indicator.laws], keys)
            cells = {}
            for period in period_keys:
                for scope in in_region:
                    for law in grid.laws:
                        present = full.get((indicator.id, period, scope, law), {})
                        for key in keys:
                            cells[grid.id(period, scope, law, key)] = present.get(key, (0, None))[0]
            relations = _relations(grid, indicator, domains, children, years)
            implicit = {
                grid.id(p, s, law, k)
                for p in period_keys
                for s in in_region
                for law in grid.laws
                for k in implicit_keys
            }
            known = {
                grid.id(p, s, law, k)
                for p in period_keys
                for s in in_region
                if scopes.is_remainder(s)
                for law in grid.laws
                for k in keys
            }
            for number in suppression.protect(cells, relations, implicit=implicit, known=known):
                hidden.add((indicator.id, *grid.cell(number)))
    return hidden


def _rows(full: Raw, hidden: set, scopes: Scopes) -> list[tuple]:
    """What is stored: every non-zero cell with whether it is hidden; never a remainder, an implicit
    cell, or a law the monitor does not report on its own ("anders")."""
    out = []
    for (indicator_id, period, scope, law), cells in full.items():
        indicator = ind.INDICATORS[indicator_id]
        if scopes.is_remainder(scope) or (law and law not in indicator.laws):
            continue
        implicit = set(indicator.implicit)
        prefix = indicator.unpublished_prefix
        for key, (count, amount) in cells.items():
            if key.rsplit(":", 1)[-1] in implicit or (count == 0 and not amount):
                continue
            secret = (bool(prefix) and key.startswith(prefix)) or (
                indicator_id,
                period,
                scope,
                law,
                key,
            ) in hidden
            out.append((period, scope, law, indicator_id, key, count, amount, secret))
    return out


_COLUMNS = ("period", "scope", "law", "indicator", "key", "count", "amount", "hidden")


def _store(run: Refresh, rows: list[tuple]) -> None:
    if connection.vendor != "postgresql":
        Cell.objects.bulk_create(
            (Cell(refresh=run, **dict(zip(_COLUMNS, row, strict=True))) for row in rows), 5000
        )
        return
    # COPY: a few hundred thousand rows in seconds, where one model instance per row takes minutes.
    columns = ", ".join(("refresh_id", *(f'"{name}"' for name in _COLUMNS)))
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {Cell._meta.db_table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row((run.pk, *row))


def _periods(today: date) -> list[Period]:
    earliest = extract.first_day() or today
    years = getattr(settings, "MONITORING_YEARS", 5)
    cap = date(today.year - years + 1, 1, 1)
    return covering(max(min(earliest, today), cap), today)


def _lock() -> bool:
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK])
        return cursor.fetchone()[0]


def _unlock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK])


def refresh(*, trigger: str, by: str = "", today: date | None = None) -> Refresh:
    """Compute everything anew and make it current; the previous aggregates stay current until then."""
    if not _lock():
        raise RefreshBusy("De monitor wordt al ververst. Probeer het over een paar minuten opnieuw.")
    started = time.perf_counter()
    run = Refresh.objects.create(
        token=secrets.token_hex(16), started_at=timezone.now(), trigger=trigger, by=by
    )
    try:
        today = today or timezone.localdate()
        periods = _periods(today)
        names, mapping = extract.zrm_domains()
        scopes = Scopes.load()
        raw = _collect(periods, scopes, mapping)
        _budgets(raw, periods)
        full = _rolled_up(raw, scopes)
        hidden = _hidden(full, scopes, periods, list(names))
        rows = _rows(full, hidden, scopes)
        with transaction.atomic():
            _store(run, rows)
            run.status = Refresh.Status.DONE
            run.finished_at = timezone.now()
            run.periods = [p.key for p in periods]
            run.domains = names
            run.cell_count = len(rows)
            run.seconds = round(time.perf_counter() - started, 2)
            run.save()
        Refresh.objects.exclude(pk=run.pk).filter(started_at__lt=run.started_at).exclude(
            status=Refresh.Status.RUNNING
        ).delete()
        return run
    except Exception as error:
        Refresh.objects.filter(pk=run.pk).update(
            status=Refresh.Status.FAILED, finished_at=timezone.now(), error=repr(error)[:2000]
        )
        raise
    finally:
        _unlock()


def current() -> Refresh | None:
    return Refresh.objects.filter(status=Refresh.Status.DONE).order_by("-finished_at", "-pk").first()


STALE = timedelta(hours=3)  # a refresh "running" longer than this was killed


def running() -> Refresh | None:
    return state()[1]


def state() -> tuple[Refresh | None, Refresh | None]:
    """The current refresh and the one running now, if any, in one query."""
    since = timezone.now() - STALE
    recent = Refresh.objects.filter(
        Q(status=Refresh.Status.DONE) | Q(status=Refresh.Status.RUNNING, started_at__gte=since)
    ).order_by("-pk")[:3]
    done = next((run for run in recent if run.status == Refresh.Status.DONE), None)
    busy = next((run for run in recent if run.status == Refresh.Status.RUNNING), None)
    return done or current(), busy


def start_in_background(by: str) -> None:
    """``stuurman refresh-monitor`` in a process of its own, outliving the request that asked for it."""
    command = [sys.executable, "-m", "stuurman.cli", "refresh-monitor", "--by", by]
    command += ["--trigger", TRIGGER_PAGE]
    subprocess.Popen(
        command,
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
