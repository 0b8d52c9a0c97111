"""The one write path for emergency access ("break the glass") and the privacy officer's verdict.

Every step is logged: taking the access (EMERGENCY, naming the household's members, so the inhabitant
sees it), ending it early, and the verdict. Rows are never deleted; an unjustified verdict ends access.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import log
from .models import EmergencyAccess
from .policy import running_emergency_accesses

MINIMUM_REASON = 20
HOURS = (1, 2, 4, 8)
DEFAULT_HOURS = 4


def _current_person_ids(household, now: datetime):
    return household.memberships.filter(
        Q(until__isnull=True) | Q(until__gte=timezone.localdate(now))
    ).values_list("person_id", flat=True)


@transaction.atomic
def break_glass(request, household, reason: str, hours: int, now: datetime | None = None) -> EmergencyAccess:
    user = request.user
    reason = (reason or "").strip()
    now = now or timezone.now()
    if len(reason) < MINIMUM_REASON:
        raise ValidationError(f"Beschrijf de reden in minstens {MINIMUM_REASON} tekens.")
    if hours not in HOURS:
        raise ValidationError("Kies een duur van 1, 2, 4 of 8 uur.")
    if household.municipality_id != user.municipality_id:
        raise ValidationError("Noodtoegang kan alleen tot een huishouden in uw eigen gemeente.")
    running = running_emergency_accesses(user, now).filter(household=household).first()
    if running is not None:
        local = timezone.localtime(running.expires_at)
        raise ValidationError(f"U heeft al noodtoegang tot dit huishouden, tot {local:%H:%M}.")
    access = EmergencyAccess.objects.create(
        municipality=household.municipality,
        household=household,
        user=user,
        reason=reason,
        started_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    log.record(
        request,
        log.Action.EMERGENCY,
        purpose=f"Noodtoegang: {reason}",
        persons=_current_person_ids(household, now),
        objects=[household],
        object_type="household",
        grant=access,
    )
    return access


@transaction.atomic
def end(request, access: EmergencyAccess, now: datetime | None = None) -> EmergencyAccess:
    """End a running access early. Ending one that already stopped changes nothing and logs nothing."""
    now = now or timezone.now()
    if access.ended_at is not None or access.expires_at <= now:
        return access
    access.ended_at = now
    access.save(update_fields=["ended_at"])
    log.record(
        request,
        log.Action.UPDATE,
        purpose="Noodtoegang beëindigd",
        objects=[access.household_id],
        object_type="household",
        grant=access,
    )
    return access


@transaction.atomic
def review(request, access: EmergencyAccess, verdict: str, note: str, now: datetime | None = None):
    """The privacy officer's verdict; an unjustified access that still runs ends now."""
    note = (note or "").strip()
    now = now or timezone.now()
    if access.verdict != EmergencyAccess.Verdict.PENDING:
        raise ValidationError("Over deze noodtoegang is al geoordeeld.")
    if verdict not in (EmergencyAccess.Verdict.JUSTIFIED, EmergencyAccess.Verdict.UNJUSTIFIED):
        raise ValidationError("Kies terecht of onterecht.")
    if verdict == EmergencyAccess.Verdict.UNJUSTIFIED and not note:
        raise ValidationError("Licht toe waarom de noodtoegang onterecht was.")
    if access.user_id == request.user.pk:
        raise ValidationError("U kunt niet oordelen over uw eigen noodtoegang.")
    access.verdict, access.verdict_note = verdict, note
    access.reviewed_by, access.reviewed_at = request.user, now
    fields = ["verdict", "verdict_note", "reviewed_by", "reviewed_at"]
    if verdict == EmergencyAccess.Verdict.UNJUSTIFIED and access.ended_at is None and access.expires_at > now:
        access.ended_at = now
        fields.append("ended_at")
    access.save(update_fields=fields)
    log.record(
        request,
        log.Action.UPDATE,
        purpose=f"Noodtoegang beoordeeld: {access.get_verdict_display()}",
        objects=[access],
        object_type="emergencyaccess",
    )
    return access


def pending_reviews(officer):
    """Accesses waiting for a verdict in the officer's municipality, oldest first."""
    return (
        EmergencyAccess.objects.filter(
            verdict=EmergencyAccess.Verdict.PENDING, municipality_id=officer.municipality_id
        )
        .select_related("user", "household")
        .order_by("started_at", "pk")
    )
