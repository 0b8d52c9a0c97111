"""What an inhabitant may know about their file (GDPR art. 15, EU Court C-579/21): when it was
consulted, why, and by which role, team or organisation — never the names of staff — who has access
now, and with whom data were shared. Queries only; the portal (later) shows them."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from .log import mentioning
from .models import AccessLog, EmergencyAccess, Involvement, SharingDecision

STAFF = "een medewerker"


@dataclass(frozen=True)
class Consultation:
    at: datetime
    action: str
    purpose: str
    role: str
    on_behalf_of: str  # the team, or else the organisation

    @property
    def by(self) -> str:
        return ", ".join(part for part in (self.role, self.on_behalf_of) if part) or STAFF


def consultations_of(person, limit: int = 500, offset: int = 0) -> list[Consultation]:
    """Log rows naming the person, newest first, one page at a time (the log may hold thousands)."""
    rows = list(
        AccessLog.objects.filter(mentioning(person.pk))
        .order_by("-at", "-id")
        .values("at", "action", "purpose", "role", "team", "organisation", "user_id", "username")[
            offset : offset + limit
        ]
    )
    names = _staff_names(rows)
    actions = dict(AccessLog.Action.choices)
    return [
        Consultation(
            at=row["at"],
            action=actions.get(row["action"], row["action"]),
            purpose=_without(names.get(row["user_id"], set()) | {row["username"]}, row["purpose"]),
            role=row["role"],
            on_behalf_of=row["team"] or row["organisation"],
        )
        for row in rows
    ]


def _staff_names(rows) -> dict[int, set[str]]:
    """Names of the staff in these rows, so a purpose that mentions one can be cleaned (one query).

    Purposes are written by many services; some name an involved staff member ("Betrokken (Anna de
    Boer): …"). The inhabitant is entitled to the purpose, not to that name.
    """
    ids = {row["user_id"] for row in rows if row["user_id"] is not None}
    users = get_user_model().objects.filter(pk__in=ids)
    users = users.values_list("pk", "first_name", "last_name", "username")
    names: dict[int, set[str]] = {}
    for pk, first, last, username in users:
        # What str(user) gives (purpose_of writes that), not a lone surname an inhabitant may share.
        names[pk] = {name for name in (f"{first} {last}".strip(), username) if name}
    # A purpose may also name a colleague (whose involvement was relied on): clean every name seen.
    everyone = set().union(*names.values()) if names else set()
    return dict.fromkeys(names, everyone)


def _without(names: set[str], purpose: str) -> str:
    for name in sorted((n for n in names if len(n) > 2), key=len, reverse=True):
        purpose = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", STAFF, purpose, flags=re.IGNORECASE)
    return purpose


@dataclass(frozen=True)
class Access:
    who: str
    reason: str
    since: datetime
    until: datetime | None
    emergency: bool = False


def who_has_access(person, now: datetime | None = None) -> list[Access]:
    """Active involvements with the person's current households, then running emergency accesses."""
    now = now or timezone.now()
    households = person.memberships.filter(
        Q(until__isnull=True) | Q(until__gte=timezone.localdate(now))
    ).values("household_id")
    involvements = (
        Involvement.objects.filter(
            Q(until__isnull=True) | Q(until__gt=now), household__in=households, since__lte=now
        )
        .select_related("team", "user")
        .order_by("since", "pk")
    )
    emergencies = (
        EmergencyAccess.objects.filter(
            household__in=households, started_at__lte=now, expires_at__gt=now, ended_at__isnull=True
        )
        .exclude(verdict=EmergencyAccess.Verdict.UNJUSTIFIED)
        .select_related("user")
        .order_by("started_at", "pk")
    )
    found = [Access(i.anonymous_party, i.reason, i.since, i.until) for i in involvements]
    for access in emergencies:
        role = access.user.primary_role
        who = f"{STAFF} ({role.name.lower()}) met noodtoegang" if role else f"{STAFF} met noodtoegang"
        found.append(Access(who, access.reason, access.started_at, access.expires_at, emergency=True))
    return found


@dataclass(frozen=True)
class Shared:
    organisation: str
    data: str
    purpose: str
    ground: str
    decided_on: date


def shared_with(person) -> list[Shared]:
    """Sharing decisions about the person, newest first; who decided is left out on purpose."""
    decisions = SharingDecision.objects.filter(person=person).order_by("-decided_on", "-pk")
    return [
        Shared(d.organisation, d.data, d.purpose, d.get_ground_display(), d.decided_on) for d in decisions
    ]
