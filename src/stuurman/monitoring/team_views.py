"""The team's dashboard (workload, deadlines, reviews due, signals) and the team lead's oversight of
coordination itself. Numbers per team; no inhabitant is named (operations.py)."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from stuurman.privacy.declarations import requires_permission

from . import operations


def _teams(request):
    return list(request.user.teams.select_related("municipality").order_by("municipality__name", "name"))


@requires_permission("monitoring.view_team_dashboard")
@never_cache
def team(request):
    today = timezone.localdate()
    context = {
        "today": today,
        "teams": [operations.workload(t, today) for t in _teams(request)],
        "my_plans": operations.my_plans(request.user),
        "soon_days": operations.SOON_DAYS,
        "review_soon_days": operations.REVIEW_SOON_DAYS,
    }
    return render(request, "monitoring/team.html", context)


@requires_permission("monitoring.view_oversight")
@never_cache
def oversight(request):
    today = timezone.localdate()
    context = {"today": today, "teams": [operations.oversight(t, today) for t in _teams(request)]}
    return render(request, "monitoring/oversight.html", context)
