"""Which team is responsible for a request, and which deadline comes next. Database lookups kept small."""

from datetime import date

from stuurman.accounts.models import Team

from . import deadlines
from .models import Request


def team_for_household(household) -> Team | None:
    """The team that serves the household's wijk (the area's parent), in its own municipality."""
    if household is None or household.area_id is None:
        return None
    wijk_id = household.area.parent_id if household.area.kind == "buurt" else household.area_id
    return Team.objects.filter(municipality=household.municipality, areas=wijk_id).order_by("name").first()


# The line an outcome puts the inhabitant in: 0 own strength and general provisions, 1 generalist
# support by the area team, 2 specialist or crisis help.
LINE_OF_OUTCOME = {"advice": 0, "general": 0, "team": 1, "specialist": 2, "crisis": 2}
# Outcomes that answer the question at the front door, so the request closes.
CLOSING_OUTCOMES = {"advice", "general"}


def next_deadline(request: Request, today: date) -> tuple[str, date | None]:
    if request.status == Request.Status.CLOSED:
        return "", None
    if request.urgency == Request.Urgency.CRISIS:
        return "Crisis: vandaag handelen", request.received_on
    if request.application_on and request.law in {law.value for law in deadlines.Law}:
        decision = deadlines.decision_deadline(deadlines.Law(request.law), request.application_on)
        return decision.label, decision.due
    if request.law == Request.Law.WMO:
        research = deadlines.wmo_after_melding(request.received_on)[2]
        return research.label, research.due
    return "", None
