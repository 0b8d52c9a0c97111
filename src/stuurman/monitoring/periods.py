"""Reporting periods: half-years (as the CBS monitor sociaal domein reports) and calendar years. Pure.

A period is named by its key: ``2025-H1`` (1 January to 30 June), ``2025-H2`` (1 July to 31 December)
or ``2025``. Both days are included. Every period has a previous one of the same kind to compare with.
"""

import re
from dataclasses import dataclass
from datetime import date


class PeriodError(ValueError):
    """A period key that does not exist; ``str()`` is a Dutch message for the person who typed it."""


_KEY = re.compile(r"^(?P<year>[12][0-9]{3})(?:-H(?P<half>[12]))?$")


@dataclass(frozen=True)
class Period:
    year: int
    half: int | None = None  # 1, 2, or None for the whole year

    @property
    def key(self) -> str:
        return f"{self.year}-H{self.half}" if self.half else str(self.year)

    @property
    def start(self) -> date:
        return date(self.year, 7, 1) if self.half == 2 else date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def is_year(self) -> bool:
        return self.half is None

    @property
    def label(self) -> str:
        return f"{self.half}e halfjaar {self.year}" if self.half else f"jaar {self.year}"

    @property
    def previous(self) -> "Period":
        if self.half is None:
            return Period(self.year - 1)
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)

    @property
    def halves(self) -> tuple["Period", "Period"]:
        """The two half-years of a year; a year's events are those of its halves together."""
        return (Period(self.year, 1), Period(self.year, 2))

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlap_days(self, starts_on: date, ends_on: date | None) -> int:
        """Days of [starts_on, ends_on] (no end: still running) that fall in this period."""
        first = max(starts_on, self.start)
        last = min(ends_on or self.end, self.end)
        return max(0, (last - first).days + 1)

    def sort_key(self) -> tuple[int, int]:
        # Newest first in lists: a year after its second half.
        return (self.year, self.half or 3)

    def __str__(self) -> str:
        return self.label


def parse(key: str) -> Period:
    match = _KEY.match((key or "").strip())
    if not match:
        raise PeriodError(
            f"'{key}' is geen periode. Kies een halfjaar (bijvoorbeeld 2025-H1) of een jaar (2025)."
        )
    half = match.group("half")
    return Period(int(match.group("year")), int(half) if half else None)


def half_of(day: date) -> Period:
    return Period(day.year, 1 if day.month <= 6 else 2)


def of_day(day: date) -> tuple[Period, Period]:
    """The half-year and the year a day belongs to."""
    return half_of(day), Period(day.year)


def covering(first: date, last: date) -> list[Period]:
    """Every half-year and year from the one holding ``first`` to the one holding ``last``, oldest first."""
    if last < first:
        return []
    found = []
    for year in range(first.year, last.year + 1):
        for half in (1, 2):
            period = Period(year, half)
            if period.end >= first and period.start <= last:
                found.append(period)
        found.append(Period(year))
    return found


def default(today: date) -> Period:
    """The last complete half-year: what the half-year report is about."""
    return half_of(today).previous


def is_complete(period: Period, today: date) -> bool:
    return period.end < today
