"""The municipality's budgets per law per year, set by the functional admin. No personal data: the
plan page compares each plan with them; this page shows what the running plans take of this year's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from stuurman.privacy.declarations import requires_permission

from .. import budgets
from ..follow_up_forms import BudgetForm
from ..models import Budget

MANAGE = "plans.change_budget"


@requires_permission(MANAGE)
def budget_list(request):
    municipality = request.user.municipality
    today = timezone.localdate()
    initial = {}
    existing = Budget.objects.filter(
        municipality=municipality, law=request.GET.get("wet", ""), year=request.GET.get("jaar") or 0
    ).first()
    if existing is not None:
        initial = {
            "law": existing.law,
            "year": existing.year,
            "amount": existing.amount,
            "household_norm": existing.household_norm,
        }
    form = BudgetForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = budgets.save_budget(
                request.user,
                municipality,
                law=data["law"],
                year=data["year"],
                amount=data["amount"],
                household_norm=data["household_norm"],
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items() if hasattr(error, "error_dict") else []:
                form.add_error(field if field in form.fields else None, problems)
            if not hasattr(error, "error_dict"):
                form.add_error(None, error.messages)
        else:
            messages.success(request, f"Budget {saved} vastgelegd.")
            return redirect("plans:budgets")
    committed = budgets.committed(municipality, today)
    rows = list(Budget.objects.filter(municipality=municipality).order_by("-year", "law"))
    for row in rows:
        if row.year == today.year:
            row.committed = committed.get(row.law, 0)
            row.share = row.committed / row.amount * 100 if row.amount else None
    context = {"form": form, "rows": rows, "today": today, "municipality": municipality}
    return render(request, "plans/budgets.html", context, status=400 if form.errors else 200)
