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
