"""The monitor for one filter, as tables of display values: what the page, the charts, the CSV and XLSX
exports and the PDF all show. This is the only reader of the stored cells, and it never lets a hidden
value through: a hidden count reads "< 10", a figure derived from one (a share, a rate, a difference,
an amount, a median) reads "verborgen", and neither carries its number (ADR 0012).
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from stuurman.tenancy.models import Area, Municipality

from . import figures
from . import indicators as ind
from .filters import Filter
from .models import Cell, Refresh
from .periods import Period, parse
from .refresh import POPULATION_PERIOD
from .suppression import HIDDEN_COUNT, HIDDEN_FIGURE, is_small

NO_DATA = "—"


@dataclass(frozen=True)
class Value:
    text: str
    number: int | Decimal | None = None  # None when hidden or absent: charts and exports use only this
    hidden: bool = False


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[Value, ...]
    total: bool = False


@dataclass(frozen=True)
class Table:
    id: str
    caption: str
    columns: tuple[str, ...]  # the first names the row labels
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Chart:
    kind: str  # "bars": one bar per row and series; "facets": one panel per series
    series: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Value, ...]], ...]
    unit: str
    alt: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    definition: str
    law_note: str
    tables: tuple[Table, ...]
    chart: Chart | None = None
    note: str = ""


@dataclass(frozen=True)
class Report:
    filter: Filter
    token: str
    refreshed_at: datetime
    previous: Period
    previous_known: bool
    sections: tuple[Section, ...]


# --- Numbers as the page shows them -------------------------------------------------------------------


def _int(n) -> str:
    return f"{int(n):,}".replace(",", ".")


def _dec(n: Decimal) -> str:
    return f"{n:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _euro(cents: int) -> str:
    return f"€ {_int(round(cents / 100))}"


@dataclass(frozen=True)
class _Fig:
    count: int
    amount: int | None
    hidden: bool
    absent: bool = False  # the period lies outside what was computed


class _Grid:
    def __init__(self, rows, periods: set[str]):
        self.cells = {tuple(row[:5]): row[5:] for row in rows}
        self.periods = periods

    def get(self, indicator: str, key: str, period: str, scope: str, law: str = "") -> _Fig:
        if period not in self.periods:
            return _Fig(0, None, False, absent=True)
        found = self.cells.get((period, scope, law, indicator, key))
        if found is None:
            # Zero is not stored; a suppressed indicator's zero is hidden like any count under ten.
            return _Fig(0, None, ind.INDICATORS[indicator].suppressed)
        count, amount, hidden = found
        return _Fig(count, amount, hidden)

    def distribution(self, indicator: str, prefix: str, period: str, scope: str, law: str) -> dict[int, int]:
        return {
            int(key[len(prefix) :]): value[0]
            for (p, s, l_, i, key), value in self.cells.items()
            if (p, s, l_, i) == (period, scope, law, indicator) and key.startswith(prefix)
        }


def _count(fig: _Fig) -> Value:
    if fig.absent:
        return Value(NO_DATA)
    if fig.hidden:
        # "< 10" only where it is true; a count hidden to protect another one is just "verborgen".
        return Value(HIDDEN_COUNT if is_small(fig.count) else HIDDEN_FIGURE, hidden=True)
    return Value(_int(fig.count), fig.count)


def _derived(number: Decimal | None, *figs: _Fig, suffix: str = "") -> Value:
    if any(fig.absent for fig in figs) or (number is None and not any(fig.hidden for fig in figs)):
        return Value(NO_DATA)
    if any(fig.hidden for fig in figs):
        return Value(HIDDEN_FIGURE, hidden=True)
    return Value(f"{_dec(number)}{suffix}", number)


def _share(part: _Fig, whole: _Fig) -> Value:
    return _derived(figures.share(part.count, whole.count), part, whole, suffix=" %")


def _whole(fig: _Fig) -> Value:
    return _derived(Decimal(100) if fig.count else None, fig, suffix=" %")


def _rate(fig: _Fig, base: _Fig) -> Value:
    return _derived(figures.per_thousand(fig.count, base.count), fig, base)


def _change(now: _Fig, before: _Fig) -> Value:
    if now.absent or before.absent:
        return Value(NO_DATA)
    if now.hidden or before.hidden:
        return Value(HIDDEN_FIGURE, hidden=True)
    difference = now.count - before.count
    return Value(f"+{_int(difference)}" if difference > 0 else _int(difference), difference)


def _money(fig: _Fig) -> Value:
    if fig.absent:
        return Value(NO_DATA)
    if fig.hidden:
        return Value(HIDDEN_FIGURE, hidden=True)
    cents = fig.amount or 0
    return Value(_euro(cents), Decimal(cents) / 100)


# --- Building the sections ---------------------------------------------------------------------------


class _Builder:
    def __init__(self, grid: _Grid, flt: Filter, refresh: Refresh, children: list[tuple[str, str]]):
        self.grid, self.filter, self.children = grid, flt, children
        self.now, self.before = flt.period.key, flt.period.previous.key
        self.scope, self.law = flt.scope, flt.law
        self.domains = refresh.domains
        self.labels = (flt.period.label, flt.period.previous.label)

    def fig(self, indicator, key, *, period=None, scope=None, law=None) -> _Fig:
        law = self.law if law is None else law
        return self.grid.get(indicator, key, period or self.now, scope or self.scope, law)

    def population(self, key: str, scope=None) -> _Fig:
        return self.grid.get("population", key, POPULATION_PERIOD, scope or self.scope)

    def _chart(self, table: Table, unit: str, *, kind="bars") -> Chart:
        rows = tuple((row.label, (row.values[0], row.values[-2])) for row in table.rows if not row.total)
        return _chart(kind, self.labels, rows, unit, table.caption)

    def counts(self, indicator: ind.Indicator, share_of: str | None, *, law=None) -> Section:
        """Rows of counts with their share, the previous period and the difference."""
        rows = []
        whole = self.fig(indicator.id, share_of, law=law) if share_of else None
        for key, label in indicator.labels:
            now = self.fig(indicator.id, key, law=law)
            before = self.fig(indicator.id, key, period=self.before, law=law)
            values = [_count(now)]
            if whole is not None:
                values.append(_share(now, whole) if key != share_of else _whole(whole))
            values += [_count(before), _change(now, before)]
            rows.append(Row(label, tuple(values), total=key == share_of))
        columns = ["", "Aantal", *(["Aandeel"] if share_of else []), self.labels[1], "Verschil"]
        table = Table(
            indicator.id,
            f"{indicator.title}, {self.filter.place}, {self.labels[0]}",
            tuple(columns),
            tuple(rows),
        )
        return self._section(indicator, (table,), self._chart(table, indicator.unit))

    def _section(self, indicator, tables, chart=None, note="") -> Section:
        law_note = indicator.law_note if indicator.laws else ""
        return Section(indicator.id, indicator.title, indicator.definition, law_note, tables, chart, note)

    def _laws(self, laws=ind.LAWS) -> list[str]:
        return [self.law] if self.law else [*laws, ""]

    def reach(self) -> list[Section]:
        people, homes = self.population("persons"), self.population("households")
        rows = []
        for law in self._laws():
            persons, households = (
                self.fig("reach", "persons", law=law),
                self.fig("reach", "households", law=law),
            )
            before = self.fig("reach", "persons", period=self.before, law=law)
            label = ind.LAW_LABELS[law] if law else "alle wetten (iedereen één keer)"
            values = (_count(persons), _rate(persons, people), _count(households), _rate(households, homes))
            rows.append(Row(label, (*values, _count(before), _change(persons, before)), total=not law))
        columns = (
            "Wet",
            "Personen",
            "Per 1.000 inwoners",
            "Huishoudens",
            "Per 1.000 huishoudens",
            self.labels[1],
            "Verschil",
        )
        table = Table("reach", f"Bereik per wet, {self.filter.place}, {self.labels[0]}", columns, tuple(rows))
        tables = [table]
        if self.children:
            area_rows = []
            for scope, name in self.children:
                people_here = self.population("persons", scope)
                persons = self.fig("reach", "persons", scope=scope)
                area_rows.append(
                    Row(
                        name,
                        (
                            Value(_int(people_here.count), people_here.count),
                            _count(persons),
                            _rate(persons, people_here),
                        ),
                    )
                )
            caption = f"Bereik per gebied ({self.filter.law_label}), {self.labels[0]}"
            tables.append(
                Table(
                    "reach_areas",
                    caption,
                    ("Gebied", "Inwoners", "Personen", "Per 1.000 inwoners"),
                    tuple(area_rows),
                )
            )
        chart_rows = tuple(
            (row.label, (row.values[0], row.values[4])) for row in rows if not row.total or len(rows) == 1
        )
        chart = _chart("bars", self.labels, chart_rows, "personen", table.caption)
        return [self._section(ind.REACH, tuple(tables), chart)]

    def zrm(self) -> Section:
        outcomes = [key for key, _ in ind.ZRM.labels]
        rows = []
        for code, name in self.domains.items():
            figs = [self.fig("zrm", f"{code}:{key}") for key in outcomes]
            before = self.fig("zrm", f"{code}:improved", period=self.before)
            before_whole = self.fig("zrm", f"{code}:measured", period=self.before)
            rows.append(Row(name, (*(_count(f) for f in figs), _share(before, before_whole))))
        columns = ("Leefgebied", *(label for _, label in ind.ZRM.labels), f"Verbeterd {self.labels[1]}")
        table = Table(
            "zrm",
            f"ZRM-uitkomsten per leefgebied, {self.filter.place}, {self.labels[0]}",
            columns,
            tuple(rows),
        )
        series = tuple(label for _, label in ind.ZRM.labels[:3])
        chart_rows = tuple((row.label, row.values[:3]) for row in rows)
        chart = _chart("facets", series, chart_rows, "personen", table.caption)
        return self._section(ind.ZRM, (table,), chart if rows else None)

    def deadlines(self) -> Section:
        laws = [self.law] if self.law in ind.TERM_LAWS else ([*ind.TERM_LAWS, ""] if not self.law else [])
        rows = []
        for law in laws:
            decided, met = self.fig("deadlines", "decided", law=law), self.fig("deadlines", "met", law=law)
            days = self.grid.distribution("deadlines", "d:", self.now, self.scope, law)
            median = _derived(figures.median(days), decided)
            before = self.fig("deadlines", "met", period=self.before, law=law)
            before_all = self.fig("deadlines", "decided", period=self.before, law=law)
            label = ind.LAW_LABELS[law] if law else "alle drie de wetten"
            rows.append(
                Row(
                    label,
                    (_count(decided), _count(met), _share(met, decided), median, _share(before, before_all)),
                    total=not law,
                )
            )
        columns = (
            "Wet",
            "Beschikkingen",
            "Binnen de termijn",
            "Aandeel binnen de termijn",
            "Mediaan dagen",
            f"Aandeel {self.labels[1]}",
        )
        table = Table(
            "deadlines", f"Beslistermijnen, {self.filter.place}, {self.labels[0]}", columns, tuple(rows)
        )
        note = "" if rows else f"Voor {self.filter.law_label} kent de monitor geen wettelijke beslistermijn."
        chart_rows = tuple(
            (row.label, (row.values[2], row.values[4])) for row in rows if not row.total or len(rows) == 1
        )
        chart = (
            _chart("bars", self.labels, chart_rows, "% binnen de termijn", table.caption) if rows else None
        )
        return self._section(ind.DEADLINES, (table,), chart, note)

    def costs(self) -> Section:
        has_budget = not self.scope.startswith("A")
        rows = []
        for law in self._laws():
            cost = self.fig("costs", "total", law=law)
            budget = self.grid.get("budget", "amount", self.now, self.scope, law)
            budget_value = _money(budget) if has_budget and budget.amount else Value(NO_DATA)
            spent = (
                _derived(figures.share(cost.amount or 0, budget.amount or 0), cost)
                if has_budget and budget.amount
                else Value(NO_DATA)
            )
            before = self.fig("costs", "total", period=self.before, law=law)
            label = ind.LAW_LABELS[law] if law else "alle wetten"
            rows.append(
                Row(label, (_money(cost), _count(cost), budget_value, spent, _money(before)), total=not law)
            )
        columns = (
            "Wet",
            "Kosten",
            "Huishoudens",
            "Budget",
            "Besteed van het budget",
            f"Kosten {self.labels[1]}",
        )
        by_law = Table(
            "costs", f"Kosten per wet, {self.filter.place}, {self.labels[0]}", columns, tuple(rows)
        )
        total = self.fig("costs", "total")
        delivery_rows = []
        for key, label in ind.COSTS.labels:
            fig = self.fig("costs", key)
            share = (
                _derived(figures.share(fig.amount or 0, total.amount or 0), fig, total)
                if key != "total"
                else _whole(total)
            )
            before = self.fig("costs", key, period=self.before)
            delivery_rows.append(
                Row(label, (_money(fig), _count(fig), share, _money(before)), total=key == "total")
            )
        delivery_rows.append(delivery_rows.pop(0))
        columns = ("Vorm", "Kosten", "Huishoudens", "Aandeel van de kosten", f"Kosten {self.labels[1]}")
        by_form = Table(
            "costs_delivery",
            f"Kosten naar vorm ({self.filter.law_label}), {self.labels[0]}",
            columns,
            tuple(delivery_rows),
        )
        tables = [by_law, by_form]
        if self.children:
            area_rows = [
                Row(name, (_money(fig), _count(fig)))
                for scope, name in self.children
                for fig in [self.fig("costs", "total", scope=scope)]
            ]
            tables.append(
                Table(
                    "costs_areas",
                    f"Kosten per gebied ({self.filter.law_label}), {self.labels[0]}",
                    ("Gebied", "Kosten", "Huishoudens"),
                    tuple(area_rows),
                )
            )
        note = (
            ""
            if has_budget
            else "Budgetten zijn er per gemeente; voor een kern of wijk staan alleen de kosten."
        )
        chart_rows = tuple(
            (row.label, (row.values[0], row.values[4])) for row in rows if not row.total or len(rows) == 1
        )
        chart = _chart("bars", self.labels, chart_rows, "euro", by_law.caption)
        return self._section(ind.COSTS, tuple(tables), chart, note)

    def stacking(self) -> Section:
        homes = self.population("households")
        rows = []
        for key, label in ind.STACKING.labels:
            now, before = (
                self.fig("stacking", key, law=""),
                self.fig("stacking", key, period=self.before, law=""),
            )
            rows.append(
                Row(
                    label,
                    (_count(now), _rate(now, homes), _count(before), _change(now, before)),
                    total=key == "any",
                )
            )
        columns = ("Combinatie", "Huishoudens", "Per 1.000 huishoudens", self.labels[1], "Verschil")
        table = Table(
            "stacking", f"Stapeling over wetten, {self.filter.place}, {self.labels[0]}", columns, tuple(rows)
        )
        chart_rows = tuple((row.label, (row.values[0], row.values[2])) for row in rows[:7])
        return self._section(
            ind.STACKING, (table,), _chart("bars", self.labels, chart_rows, "huishoudens", table.caption)
        )

    def sections(self) -> tuple[Section, ...]:
        return (
            *self.reach(),
            self.counts(ind.INTEGRATED, "plans"),
            self.counts(ind.OUTFLOW, "ended"),
            self.counts(ind.LINES, "total"),
            self.counts(ind.TIERS, "total"),
            self.counts(ind.FOUR_WAY_INDICATOR, "total"),
            self.zrm(),
            self.counts(ind.LADDER_MOVEMENT, "measured"),
            self.counts(ind.LADDER_RUNGS, "total"),
            self.counts(ind.LADDER_GAP, "total"),
            self.deadlines(),
            self.counts(ind.REVIEWS, "held"),
            self.costs(),
            self.stacking(),
        )


def _chart(kind, series, rows, unit, caption) -> Chart:
    said = []
    for label, values in rows:
        parts = [f"{name} {value.text}" for name, value in zip(series, values, strict=True)]
        said.append(f"{label}: {', '.join(parts)}")
    alt = (
        f"Grafiek van {caption[0].lower()}{caption[1:]}. "
        + "; ".join(said)
        + ". De tabel ernaast geeft dezelfde cijfers."
    )
    return Chart(kind, tuple(series), tuple(rows), unit, alt)


def children(flt: Filter) -> list[tuple[str, str]]:
    """The scopes one level down, with their names, for the per-area tables."""
    if flt.area and flt.area[1] == "wijk":
        return []
    if flt.area:
        wijken = Area.objects.filter(parent_id=flt.area[0], kind="wijk").order_by("name")
        return [(f"A{a.pk}", f"wijk {a.name}") for a in wijken]
    if flt.municipality:
        areas = Area.objects.filter(municipality_id=flt.municipality[0]).filter(kind="kern").order_by("name")
        loose = Area.objects.filter(municipality_id=flt.municipality[0], kind="wijk", parent__isnull=True)
        return [(f"A{a.pk}", f"{a.kind} {a.name}") for a in [*areas, *loose.order_by("name")]]
    municipalities = Municipality.objects.filter(region_id=flt.region_id).order_by("name")
    return [(f"M{m.pk}", m.name) for m in municipalities]


def build(refresh: Refresh, flt: Filter) -> Report:
    """The report for one filter: two small queries on the stored cells, whatever the region's size."""
    periods = set(refresh.periods) | {POPULATION_PERIOD}
    wanted = [flt.period.key, flt.period.previous.key, POPULATION_PERIOD]
    columns = ("period", "scope", "law", "indicator", "key", "count", "amount", "hidden")
    mine = Cell.objects.filter(refresh=refresh, scope=flt.scope, period__in=wanted)
    if flt.law:
        mine = mine.filter(law__in=["", flt.law])
    below = children(flt)
    rows = list(mine.values_list(*columns))
    if below:
        rows += Cell.objects.filter(
            refresh=refresh,
            scope__in=[scope for scope, _ in below],
            period__in=wanted,
            law__in=["", flt.law],
            indicator__in=["reach", "costs", "population"],
        ).values_list(*columns)
    builder = _Builder(_Grid(rows, periods), flt, refresh, below)
    previous = flt.period.previous
    return Report(
        flt, refresh.token, refresh.finished_at, previous, previous.key in periods, builder.sections()
    )


def period_choices(refresh: Refresh) -> list[Period]:
    return [parse(key) for key in refresh.periods]
