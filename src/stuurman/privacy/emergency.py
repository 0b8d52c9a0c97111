"""The one write path for emergency access ("break the glass") and the privacy officer's verdict."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import log
from .models import EmergencyAccess

MINIMUM_REASON = 20
HOURS = (1, 2, 4, 8)


@transaction.atomic
def break_glass(request, household, reason: str, hours: int) -> EmergencyAccess:
    reason = reason.strip()
    if len(reason) < MINIMUM_REASON:
        raise ValidationError(f"Beschrijf de reden in minstens {MINIMUM_REASON} tekens.")
    if hours not in HOURS:
        raise ValidationError("Kies een duur van 1, 2, 4 of 8 uur.")
    now = timezone.now()
    access = EmergencyAccess.objects.create(
        municipality=household.municipality,
        household=household,
        user=request.user,
        reason=reason,
        started_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    log.record(
        request,
        log.Action.EMERGENCY,
        purpose=f"Noodtoegang: {reason}",
        persons=household.memberships.filter(until__isnull=True).values_list("person_id", flat=True),
        objects=[household],
        object_type="household",
        grant=access,
    )
    return access


def end(request, access: EmergencyAccess) -> EmergencyAccess:
    now = timezone.now()
    if access.ended_at is None and access.expires_at > now:
        access.ended_at = now
        access.save(update_fields=["ended_at"])
    return access


@transaction.atomic
def review(request, access: EmergencyAccess, verdict: str, note: str) -> EmergencyAccess:
    note = note.strip()
    if access.verdict != EmergencyAccess.Verdict.PENDING:
        raise ValidationError("Over deze noodtoegang is al geoordeeld.")
    if verdict not in (EmergencyAccess.Verdict.JUSTIFIED, EmergencyAccess.Verdict.UNJUSTIFIED):
        raise ValidationError("Kies terecht of onterecht.")
    if verdict == EmergencyAccess.Verdict.UNJUSTIFIED and not note:
        raise ValidationError("Licht toe waarom de noodtoegang onterecht was.")
    now = timezone.now()
    access.verdict, access.verdict_note = verdict, note
    access.reviewed_by, access.reviewed_at = request.user, now
    if verdict == EmergencyAccess.Verdict.UNJUSTIFIED and access.ended_at is None and access.expires_at > now:
        access.ended_at = now
    access.save()
    log.record(
        request,
        log.Action.UPDATE,
        purpose=f"Noodtoegang beoordeeld: {access.get_verdict_display()}",
        objects=[access],
        object_type="emergencyaccess",
    )
    return access


def pending_reviews():
    return (
        EmergencyAccess.objects.filter(verdict=EmergencyAccess.Verdict.PENDING)
        .select_related("user", "household")
        .order_by("started_at")
    )
