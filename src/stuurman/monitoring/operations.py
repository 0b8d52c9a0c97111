"""The team's own work in numbers, for its members and its lead: counted live in the database, per
team, from the same rows the work queues read. These pages count the team's own cases, which its
members may open anyway, so no small-cell suppression applies; they name staff, never an inhabitant."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, Min, OuterRef, Q

from stuurman.accounts.models import Team, User
from stuurman.intake.models import Request, Transfer
from stuurman.people.models import Household
from stuurman.plans.models import Coordination, Escalation, FollowUpSignal, Plan
from stuurman.privacy.models import Involvement

from .indicators import LAW_LABELS

SOON_DAYS = 7
REVIEW_SOON_DAYS = 30


@dataclass
class Workload:
    team: Team
    open_requests: int = 0
    by_law: list[tuple[str, int]] = field(default_factory=list)
    overdue: int = 0
    due_soon: int = 0
    due_later: int = 0
    no_deadline: int = 0
    plans: int = 0
    reviews_overdue: int = 0
    reviews_soon: int = 0
    signals: list[tuple[str, int]] = field(default_factory=list)


def team_plans(team: Team):
    """Open plans whose coordinator is a member of the team now."""
    coordinated = Coordination.objects.filter(
        plan=OuterRef("pk"), until__isnull=True, coordinator__teams=team
    )
    return Plan.objects.exclude(status=Plan.Status.ENDED).filter(Exists(coordinated))


def workload(team: Team, today: date) -> Workload:
    found = Workload(team)
    requests = Request.objects.filter(responsible_team=team).exclude(status=Request.Status.CLOSED)
    counts = requests.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(next_due__lt=today)),
        soon=Count("pk", filter=Q(next_due__gte=today, next_due__lte=today + timedelta(days=SOON_DAYS))),
        later=Count("pk", filter=Q(next_due__gt=today + timedelta(days=SOON_DAYS))),
        none=Count("pk", filter=Q(next_due__isnull=True)),
    )
    found.open_requests, found.overdue, found.due_soon = counts["total"], counts["overdue"], counts["soon"]
    found.due_later, found.no_deadline = counts["later"], counts["none"]
    labels = {**LAW_LABELS, "other": "anders", "": "wet nog niet bepaald"}
    found.by_law = [
        (labels.get(row["law"], row["law"]), row["n"])
        for row in requests.values("law").annotate(n=Count("pk")).order_by("-n", "law")
    ]
    plans = team_plans(team).aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(next_review_on__lt=today)),
        soon=Count(
            "pk",
            filter=Q(next_review_on__gte=today, next_review_on__lte=today + timedelta(days=REVIEW_SOON_DAYS)),
        ),
    )
    found.plans, found.reviews_overdue, found.reviews_soon = plans["total"], plans["overdue"], plans["soon"]
    kinds = dict(FollowUpSignal.Kind.choices)
    found.signals = [
        (kinds.get(row["kind"], row["kind"]), row["n"])
        for row in FollowUpSignal.objects.filter(team=team, handled_at__isnull=True)
        .values("kind")
        .annotate(n=Count("pk"))
        .order_by("kind")
    ]
    return found


def my_plans(user: User) -> int:
    return (
        Plan.objects.exclude(status=Plan.Status.ENDED)
        .filter(coordinations__until__isnull=True, coordinations__coordinator=user)
        .count()
    )


@dataclass
class Oversight:
    team: Team
    caseload: list[tuple[str, str, int]] = field(default_factory=list)  # (name, role, open plans)
    without_coordinator: int = 0
    waiting_since: date | None = None
    late_reviews: list[tuple[str, int]] = field(default_factory=list)
    incoming: int = 0
    incoming_since: date | None = None
    outgoing: int = 0
    outgoing_since: date | None = None
    escalations: int = 0
    doorzettingsmacht: int = 0
    escalated_since: date | None = None


LATE_BUCKETS = ((1, 30, "1 tot 30 dagen"), (31, 90, "31 tot 90 dagen"), (91, None, "meer dan 90 dagen"))


def oversight(team: Team, today: date) -> Oversight:
    found = Oversight(team)
    open_plans = Q(coordinations__until__isnull=True) & ~Q(coordinations__plan__status=Plan.Status.ENDED)
    members = team.members.annotate(plans=Count("coordinations", filter=open_plans)).order_by(
        "-plans", "last_name"
    )
    found.caseload = [
        (str(member), member.primary_role.name if member.primary_role else "", member.plans)
        for member in members
    ]
    coordinated = Plan.objects.exclude(status=Plan.Status.ENDED).filter(
        household=OuterRef("pk"), coordinations__until__isnull=True
    )
    open_file = Involvement.objects.filter(team=team, until__isnull=True)
    waiting = (
        Household.objects.filter(Exists(open_file.filter(household=OuterRef("pk"))))
        .exclude(Exists(coordinated))
        .aggregate(
            n=Count("pk", distinct=True),
            since=Min(
                "involvements__since", filter=Q(involvements__team=team, involvements__until__isnull=True)
            ),
        )
    )
    found.without_coordinator = waiting["n"]
    found.waiting_since = waiting["since"].date() if waiting["since"] else None
    overdue = team_plans(team).filter(next_review_on__lt=today)
    for low, high, label in LATE_BUCKETS:
        window = Q(next_review_on__lte=today - timedelta(days=low))
        if high is not None:
            window &= Q(next_review_on__gte=today - timedelta(days=high))
        found.late_reviews.append((label, overdue.filter(window).count()))
    pending = Transfer.objects.filter(state=Transfer.State.PENDING)
    incoming = pending.filter(to_team=team).aggregate(n=Count("pk"), since=Min("sent_at"))
    outgoing = pending.filter(from_team=team).aggregate(n=Count("pk"), since=Min("sent_at"))
    found.incoming, found.outgoing = incoming["n"], outgoing["n"]
    found.incoming_since = incoming["since"].date() if incoming["since"] else None
    found.outgoing_since = outgoing["since"].date() if outgoing["since"] else None
    escalations = Escalation.objects.filter(resolved_on__isnull=True, plan__in=team_plans(team)).aggregate(
        n=Count("pk"), forced=Count("pk", filter=Q(doorzettingsmacht=True)), since=Min("raised_on")
    )
    found.escalations, found.doorzettingsmacht = escalations["n"], escalations["forced"]
    found.escalated_since = escalations["since"]
    return found
