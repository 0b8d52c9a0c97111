"""The one write path for consent and sharing decisions, and the check later sharing relies on."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from . import log
from .models import Consent, SharingDecision


def _log(request, purpose, household, person, grant):
    log.record(
        request,
        log.Action.UPDATE,
        purpose=purpose,
        persons=[person],
        objects=[household],
        object_type="household",
        grant=grant,
    )


@transaction.atomic
def record_consent(request, household, consent: Consent, grant) -> Consent:
    consent.municipality = household.municipality
    consent.recorded_by = request.user
    consent.full_clean()
    consent.save()
    _log(
        request,
        f"Toestemming vastgelegd voor delen met {consent.organisation}",
        household,
        consent.person,
        grant,
    )
    return consent


@transaction.atomic
def withdraw_consent(request, household, consent: Consent, on: date, grant) -> Consent:
    if consent.withdrawn_on is not None:
        raise ValidationError("Deze toestemming is al ingetrokken.")
    if on < consent.given_on:
        raise ValidationError("Intrekken kan niet vóór de datum waarop de toestemming is gegeven.")
    consent.withdrawn_on = on
    consent.save(update_fields=["withdrawn_on"])
    _log(request, f"Toestemming ingetrokken voor {consent.organisation}", household, consent.person, grant)
    return consent


def active_consents(person, organisation: str, on: date):
    return Consent.objects.filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on),
        person=person,
        organisation__iexact=organisation.strip(),
        given_on__lte=on,
    )


@transaction.atomic
def record_sharing(request, household, decision: SharingDecision, grant) -> SharingDecision:
    if decision.ground == SharingDecision.Ground.CONSENT:
        consent = decision.consent
        if (
            consent is None
            or not active_consents(decision.person, decision.organisation, decision.decided_on)
            .filter(pk=consent.pk)
            .exists()
        ):
            raise ValidationError(
                "Bij de grondslag toestemming hoort een geldige toestemming "
                "van deze persoon voor deze organisatie."
            )
    decision.municipality = household.municipality
    decision.decided_by = request.user
    decision.full_clean()
    decision.save()
    _log(request, f"Besluit gegevensdeling met {decision.organisation}", household, decision.person, grant)
    return decision


def may_share(person, organisation: str, on: date) -> SharingDecision | None:
    """The recorded decision that allows sharing with this organisation on this date, or None."""
    decisions = SharingDecision.objects.filter(
        person=person, organisation__iexact=organisation.strip(), decided_on__lte=on
    )
    lawful = decisions.exclude(ground=SharingDecision.Ground.CONSENT)
    by_consent = decisions.filter(
        ground=SharingDecision.Ground.CONSENT, consent__in=active_consents(person, organisation, on)
    )
    return (lawful | by_consent).order_by("-decided_on", "-pk").first()
