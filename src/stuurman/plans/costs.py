"""What a plan costs the municipality, per law, per month and per year, against the budget. Pure."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Line:
    law: str
    per_month: Decimal


@dataclass(frozen=True)
class Total:
    law: str
    per_month: Decimal
    per_year: Decimal
    budget: Decimal | None

    @property
    def over_budget(self) -> bool:
        return self.budget is not None and self.per_year > self.budget


def per_year(per_month: Decimal) -> Decimal:
    return (per_month * 12).quantize(CENT, ROUND_HALF_UP)


def totals(lines: Iterable[Line], budgets: Mapping[str, Decimal]) -> list[Total]:
    """One total per law that has costs, in law order; the budget is the plan's share to compare with."""
    sums: dict[str, Decimal] = {}
    for line in lines:
        sums[line.law] = sums.get(line.law, Decimal(0)) + line.per_month
    return [
        Total(law, amount.quantize(CENT, ROUND_HALF_UP), per_year(amount), budgets.get(law))
        for law, amount in sorted(sums.items())
    ]


# How many times a period of an iWmo/iJw frequency (LDT_Frequentie) fits in an average month.
PER_MONTH = {"1": Decimal(365) / 12, "2": Decimal(52) / 12, "4": Decimal(1)}


def monthly(volume: Decimal | None, frequency: str, tariff: Decimal | None) -> Decimal | None:
    """The cost per month of a volume at a contract's tariff, when the frequency allows it.

    A total within the assignment's period (code 6) has no monthly rate without the period, so it
    gives None, as does anything unknown: the professional fills in the amount then.
    """
    if volume is None or tariff is None or frequency not in PER_MONTH:
        return None
    return (Decimal(volume) * Decimal(tariff) * PER_MONTH[frequency]).quantize(CENT, ROUND_HALF_UP)
