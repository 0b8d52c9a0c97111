"""When a plan is reviewed: by rule, not by memory. Pure: no Django.

The first review comes a set number of months after the plan starts; after each review the next one
follows a set interval later; and a plan with an end date is always reviewed a few weeks before it ends
(so nobody is left without help on the last day). A municipality may tune the numbers.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Rules:
    first_after_months: int = 3
    then_every_months: int = 6
    before_end_weeks: int = 4


@dataclass(frozen=True)
class Due:
    on: date
    reason: str


def add_months(day: date, months: int) -> date:
    """The same day of the month, months later; the last day when that month is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review(starts_on: date, ends_on: date | None, last_held: date | None, rules: Rules = Rules()) -> Due:
    if last_held is None:
        due = Due(
            add_months(starts_on, rules.first_after_months), f"{rules.first_after_months} maanden na de start"
        )
    else:
        due = Due(
            add_months(last_held, rules.then_every_months), f"{rules.then_every_months} maanden na de vorige"
        )
    if ends_on is not None:
        before_end = Due(ends_on - timedelta(weeks=rules.before_end_weeks), "voor het einde van het plan")
        if before_end.on < due.on and (last_held is None or before_end.on > last_held):
            due = before_end
    return due


def overdue(due: date, today: date) -> bool:
    return today > due
