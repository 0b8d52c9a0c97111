"""The access policy: which households and persons a user may see, as database filters.

Every list, search, page and export that shows persons starts from ``visible_households`` or
``visible_persons``; nothing loads rows to filter them in Python. Access comes only from an active
Involvement of the user or one of their teams (scope: the file), or from the user's own running
emergency access. Roles without ``privacy.view_files`` (policy advisors, functional admins, privacy
officers, provider staff) see no files at all.
"""

from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from stuurman.accounts.models import Team
from stuurman.people.models import Household, Membership, Person

from .models import EmergencyAccess, Involvement

VIEW_FILES = "privacy.view_files"


def may_view_files(user) -> bool:
    return bool(
        user.is_authenticated and user.is_active and not user.is_inhabitant and user.has_perm(VIEW_FILES)
    )


def active_involvements(user, now: datetime | None = None) -> QuerySet[Involvement]:
    now = now or timezone.now()
    # Teams as a subquery, not a join on their members: the OR stays on indexed columns.
    teams = Team.members.through.objects.filter(user_id=user.pk).values("team_id")
    return Involvement.objects.filter(
        Q(user=user) | Q(team_id__in=teams),
        Q(until__isnull=True) | Q(until__gt=now),
        scope=Involvement.Scope.FILE,
        since__lte=now,
    )


def running_emergency_accesses(user, now: datetime | None = None) -> QuerySet[EmergencyAccess]:
    now = now or timezone.now()
    return EmergencyAccess.objects.filter(
        user=user, started_at__lte=now, expires_at__gt=now, ended_at__isnull=True
    ).exclude(verdict=EmergencyAccess.Verdict.UNJUSTIFIED)


def _granted(user, now, household) -> Q:
    """A correlated test per household: cheap for one row, and lets PostgreSQL stop a search early."""
    return Q(Exists(active_involvements(user, now).filter(household_id=household))) | Q(
        Exists(running_emergency_accesses(user, now).filter(household_id=household))
    )


def visible_households(user, now: datetime | None = None) -> QuerySet[Household]:
    if not may_view_files(user):
        return Household.objects.none()
    return Household.objects.filter(_granted(user, now, OuterRef("pk")))


def visible_persons(user, now: datetime | None = None) -> QuerySet[Person]:
    """Current members of visible households. Someone who moved out is seen through their new household."""
    if not may_view_files(user):
        return Person.objects.none()
    today = timezone.localdate(now) if now else timezone.localdate()
    memberships = Membership.objects.filter(
        Q(until__isnull=True) | Q(until__gte=today),
        _granted(user, now, OuterRef("household_id")),
        person_id=OuterRef("pk"),
    )
    return Person.objects.filter(Exists(memberships))


def grant_for(user, household_id: int, now: datetime | None = None) -> Involvement | EmergencyAccess | None:
    """What lets the user open this household now (for the log's purpose), or None."""
    if not may_view_files(user):
        return None
    involvement = (
        active_involvements(user, now)
        .filter(household_id=household_id)
        .select_related("team")
        .order_by("since")
        .first()
    )
    if involvement is not None:
        return involvement
    return running_emergency_accesses(user, now).filter(household_id=household_id).first()


def purpose_of(grant) -> str:
    if isinstance(grant, Involvement):
        return f"Betrokken ({grant.anonymous_party}): {grant.reason}"
    if isinstance(grant, EmergencyAccess):
        return f"Noodtoegang: {grant.reason}"
    return ""
