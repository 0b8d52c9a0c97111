"""What an inhabitant may know about their file (GDPR art. 15, EU Court C-579/21): when it was
consulted, why, and by which role or organisation — never the names of staff — who has access now,
and with whom data were shared. Queries only; the portal (later) shows them."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from .log import mentioning
from .models import AccessLog, EmergencyAccess, Involvement, SharingDecision


@dataclass(frozen=True)
class Consultation:
    at: datetime
    action: str
    purpose: str
    by: str  # role, team or organisation; never a person's name


def consultations_of(person, limit: int = 500) -> list[Consultation]:
    rows = (
        AccessLog.objects.filter(mentioning(person.pk))
        .order_by("-at")
        .values("at", "action", "purpose", "role", "team", "organisation")[:limit]
    )
    actions = dict(AccessLog.Action.choices)
    return [
        Consultation(
            at=row["at"],
            action=actions.get(row["action"], row["action"]),
            purpose=row["purpose"],
            by=", ".join(part for part in (row["role"], row["team"] or row["organisation"]) if part)
            or "medewerker",
        )
        for row in rows
    ]


@dataclass(frozen=True)
class Access:
    who: str
    reason: str
    since: datetime
    until: datetime | None


def who_has_access(person, now: datetime | None = None) -> list[Access]:
    now = now or timezone.now()
    households = person.memberships.filter(Q(until__isnull=True) | Q(until__gte=now.date())).values(
        "household_id"
    )
    involvements = (
        Involvement.objects.filter(
            Q(until__isnull=True) | Q(until__gt=now), household__in=households, since__lte=now
        )
        .select_related("team", "user")
        .order_by("since")
    )
    emergencies = EmergencyAccess.objects.filter(
        household__in=households, started_at__lte=now, expires_at__gt=now, ended_at__isnull=True
    ).exclude(verdict=EmergencyAccess.Verdict.UNJUSTIFIED)
    found = [Access(_party(i), i.reason, i.since, i.until) for i in involvements]
    found += [
        Access("een medewerker met noodtoegang", e.reason, e.started_at, e.expires_at) for e in emergencies
    ]
    return found


def _party(involvement: Involvement) -> str:
    if involvement.team_id:
        return involvement.team.name
    if involvement.organisation:
        return involvement.organisation
    role = involvement.user.primary_role
    return f"een medewerker ({role.name.lower()})" if role else "een medewerker"


def shared_with(person) -> list[SharingDecision]:
    return list(SharingDecision.objects.filter(person=person).order_by("-decided_on"))
