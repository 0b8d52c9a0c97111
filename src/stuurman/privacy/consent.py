"""The one write path for consent and sharing decisions, and the check later sharing relies on.

Consent is not the usual ground in the social domain (public task and legal obligation are, GDPR
art. 6), but where it is the ground, a sharing decision must point at a consent that is in force.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import log
from .models import Consent, SharingDecision

CONSENT_NEEDED = (
    "Kies bij de grondslag toestemming een geldige toestemming van deze persoon voor deze organisatie."
)


def current_member_ids(household):
    return household.memberships.filter(
        Q(until__isnull=True) | Q(until__gte=timezone.localdate())
    ).values_list("person_id", flat=True)


def _require_member(household, person):
    if (
        person is None
        or not household.memberships.filter(
            Q(until__isnull=True) | Q(until__gte=timezone.localdate()), person=person
        ).exists()
    ):
        raise ValidationError("Deze persoon hoort nu niet bij dit huishouden.")


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
    _require_member(household, consent.person)
    consent.organisation = consent.organisation.strip()
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
    _require_member(household, consent.person)
    if consent.withdrawn_on is not None:
        raise ValidationError("Deze toestemming is al ingetrokken.")
    if on < consent.given_on:
        raise ValidationError("Intrekken kan niet vóór de datum waarop de toestemming is gegeven.")
    consent.withdrawn_on = on
    consent.save(update_fields=["withdrawn_on"])
    _log(request, f"Toestemming ingetrokken voor {consent.organisation}", household, consent.person, grant)
    return consent


def active_consents(person, organisation: str, on: date):
    """Consents of this person for this organisation in force on this date (given, not yet withdrawn)."""
    return Consent.objects.filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on),
        person=person,
        organisation__iexact=(organisation or "").strip(),
        given_on__lte=on,
    )


def check_sharing(decision: SharingDecision) -> None:
    """The triage rule the form and the service share: ground consent needs a consent in force."""
    if decision.ground == SharingDecision.Ground.CONSENT:
        consent_id = decision.consent_id
        if (
            consent_id is None
            or not active_consents(decision.person, decision.organisation, decision.decided_on)
            .filter(pk=consent_id)
            .exists()
        ):
            raise ValidationError({"consent": CONSENT_NEEDED})
    elif decision.consent_id is not None:
        # A consent attached to another ground would suggest consent is what makes it lawful.
        raise ValidationError({"consent": "Kies alleen een toestemming bij de grondslag toestemming."})


@transaction.atomic
def record_sharing(request, household, decision: SharingDecision, grant) -> SharingDecision:
    _require_member(household, decision.person)
    decision.organisation = decision.organisation.strip()
    check_sharing(decision)
    decision.municipality = household.municipality
    decision.decided_by = request.user
    decision.full_clean()
    decision.save()
    _log(request, f"Besluit gegevensdeling met {decision.organisation}", household, decision.person, grant)
    return decision


def may_share(person, organisation: str, on: date) -> SharingDecision | None:
    """The recorded decision that allows sharing with this organisation on this date, or None.

    A decision on a legal ground holds from its date; one on consent holds while that consent does.
    """
    decisions = SharingDecision.objects.filter(
        person=person, organisation__iexact=(organisation or "").strip(), decided_on__lte=on
    )
    lawful = Q(~Q(ground=SharingDecision.Ground.CONSENT))
    by_consent = Q(
        ground=SharingDecision.Ground.CONSENT,
        consent__in=active_consents(person, organisation, on).values("pk"),
    )
    return decisions.filter(lawful | by_consent).order_by("-decided_on", "-pk").first()
