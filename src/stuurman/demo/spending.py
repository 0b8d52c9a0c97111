"""Budgets for the years the generated cases ran in that the demo region has none for yet: close to what
those cases cost (a little over or under, the same on every run), so the monitor's costs have a budget
to compare against in every year. Budgets already there (demo/budgets.py, or set by the functional
admin) are left as they are."""

import random
from collections import defaultdict
from datetime import date
from decimal import Decimal

from stuurman.monitoring import extract, figures
from stuurman.monitoring.periods import Period
from stuurman.plans.models import Budget
from stuurman.tenancy.models import Municipality

from .region import REGION_NAME

LAWS = ("wmo", "jeugdwet", "participatiewet", "debt")


def fill_budgets(today: date) -> None:
    first = extract.first_day() or today
    years = [Period(year) for year in range(max(first.year, today.year - 4), today.year + 1)]
    spent = defaultdict(int)
    rows = extract.costs(years).by_law
    for period, _area, municipality, law, delivery, summed, _households in rows:
        if delivery == "*":
            spent[(municipality, law, int(period))] += figures.cents(summed)
    for municipality in Municipality.objects.filter(region__name=REGION_NAME):
        for law in LAWS:
            for period in years:
                cents = spent.get((municipality.pk, law, period.year), 0)
                if period.year == today.year:
                    # This year has not ended: budget for the whole year at the pace so far.
                    cents = cents * 365 // max(1, (today - period.start).days + 1)
                factor = random.Random(f"budget:{municipality.cbs_code}:{law}:{period.year}").uniform(
                    0.9, 1.12
                )
                amount = Decimal(round(cents * factor / 100 / 10_000) * 10_000)
                if amount > 0:
                    Budget.objects.get_or_create(
                        municipality=municipality, law=law, year=period.year, defaults={"amount": amount}
                    )
