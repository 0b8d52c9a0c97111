"""What the municipality set aside per law per year (plans.Budget), and what its plans take of it.

Budgets are set by the functional admin (or loaded with the demo region); the plan page compares a
plan's yearly cost per law with the norm per household and shows its share of the year's budget.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum

from .models import LAWS, Budget, Contribution, Plan

LAW_NAMES = dict(LAWS)


def problems(*, law: str, year: int, amount, household_norm) -> dict[str, str]:
    found = {}
    if law not in LAW_NAMES:
        found["law"] = f"Kies een wet: {', '.join(LAW_NAMES.values())}."
    if not 2000 <= year <= 2100:
        found["year"] = "Geef een jaar tussen 2000 en 2100."
    if amount is None or amount < 0:
        found["amount"] = "Het budget is een bedrag van nul euro of meer."
    if household_norm is not None and household_norm < 0:
        found["household_norm"] = "De norm per huishouden is een bedrag van nul euro of meer."
    return found


@transaction.atomic
def save_budget(user, municipality, *, law: str, year: int, amount, household_norm=None) -> Budget:
    """Set (or change) the budget of one law in one year for the user's municipality."""
    if municipality is None or user.municipality_id != municipality.pk:
        raise ValidationError("U kunt alleen de budgetten van uw eigen gemeente vastleggen.")
    found = problems(law=law, year=year, amount=amount, household_norm=household_norm)
    if found:
        raise ValidationError(found)
    budget, _ = Budget.objects.update_or_create(
        municipality=municipality,
        law=law,
        year=year,
        defaults={"amount": amount, "household_norm": household_norm},
    )
    return budget


def for_year(municipality_id: int, year: int) -> dict[str, Budget]:
    return {
        budget.law: budget for budget in Budget.objects.filter(municipality_id=municipality_id, year=year)
    }


def committed(municipality, today) -> dict[str, Decimal]:
    """Per law, what the contributions running today in open plans cost a year (for the admin's page)."""
    rows = (
        Contribution.objects.filter(plan__municipality=municipality, starts_on__lte=today)
        .exclude(plan__status=Plan.Status.ENDED)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .values("law")
        .annotate(per_month=Sum("cost_per_month"))
        .order_by()
    )
    return {row["law"] or "other": (row["per_month"] or Decimal(0)) * 12 for row in rows}
