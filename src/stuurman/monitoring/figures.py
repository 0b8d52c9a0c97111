"""The numbers the monitor shows beside its counts: per thousand, shares, medians, euro cents. Pure.

Rounded half up to one decimal, as a reader of a council report expects; None where there is nothing
to divide by, so a page says "—" instead of a misleading 0.
"""

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from .periods import Period

DAYS_PER_YEAR = 365


def per_thousand(count: int, base: int) -> Decimal | None:
    if not base:
        return None
    return (Decimal(count) * 1000 / Decimal(base)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def share(part: int, whole: int) -> Decimal | None:
    """A percentage with one decimal; None without a whole to share."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def median(distribution: Mapping[int, int]) -> Decimal | None:
    """The median of values given as value → how often, halfway between the middle two if even."""
    total = sum(distribution.values())
    if not total:
        return None
    ordered = sorted(distribution.items())

    def at(position: int) -> int:
        seen = 0
        for value, n in ordered:
            seen += n
            if seen > position:
                return value
        raise AssertionError("position beyond the distribution")

    middle = (Decimal(at((total - 1) // 2)) + Decimal(at(total // 2))) / 2
    return middle.quantize(Decimal("0.1"), ROUND_HALF_UP)


def cents(summed_cost_days: Decimal) -> int:
    """Euro cents from summed cost-days: per month x 12 / 365 per day."""
    euros = Decimal(str(summed_cost_days)) * 12 / DAYS_PER_YEAR
    return int((euros * 100).quantize(Decimal(1), ROUND_HALF_UP))


def budget_cents(amount_per_year: Decimal, period: Period) -> int:
    share_of_year = Decimal(1) if period.is_year else Decimal("0.5")
    return int((Decimal(amount_per_year) * share_of_year * 100).quantize(Decimal(1), ROUND_HALF_UP))
