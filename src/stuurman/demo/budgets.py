"""The demo region's budgets for this year: per municipality and law an amount and a norm per household
plan, for the plan page (cost against the norm and the year's budget) and the monitor.

Reconstructed on 2 December 2026 by the monitoring session after it overwrote this file by mistake;
the Wmo figures of the first municipality (€ 14.880.000, norm € 6.000) are those tests/plans expects.
"""

from datetime import date
from decimal import Decimal

from stuurman.plans.models import Budget
from stuurman.tenancy.models import Region

# Per law: (budget of the first municipality in euros, norm per household per year); the others in
# proportion to their size (SHARE).
BUDGETS = {
    "wmo": (Decimal("14880000"), Decimal("6000")),
    "jeugdwet": (Decimal("11520000"), Decimal("9000")),
    "participatiewet": (Decimal("6240000"), Decimal("4500")),
    "debt": (Decimal("960000"), Decimal("1500")),
}
SHARE = (Decimal("1"), Decimal("0.6"), Decimal("0.45"))


def load_budgets(region: Region, today: date) -> None:
    for municipality, share in zip(region.municipalities.order_by("cbs_code"), SHARE, strict=False):
        for law, (amount, norm) in BUDGETS.items():
            Budget.objects.create(
                municipality=municipality,
                law=law,
                year=today.year,
                amount=(amount * share).quantize(Decimal("1")),
                household_norm=norm,
            )
