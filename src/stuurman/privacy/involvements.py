"""The one write path for involvements: who becomes involved with a household, and when it ends.

Services take the request, not only the user: the access log records the access point it came from.
An involvement is never deleted; ending it sets ``until``, so the file's history of access stays whole.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import log
from .models import Involvement
from .policy import active_involvements


def involve_registrar(user, household, now: datetime | None = None) -> Involvement:
    """Whoever registers a household is involved with it, so they can go on working on it."""
    return Involvement.objects.create(
        municipality=household.municipality,
        household=household,
        user=user,
        source=Involvement.Source.REGISTRATION,
        reason="Huishouden geregistreerd",
        since=now or timezone.now(),
        created_by=user,
    )


def _current_person_ids(household):
    return household.memberships.filter(
        Q(until__isnull=True) | Q(until__gte=timezone.localdate())
    ).values_list("person_id", flat=True)


def _active_at(now: datetime) -> Q:
    return Q(since__lte=now) & (Q(until__isnull=True) | Q(until__gt=now))


@transaction.atomic
def assign_to_team(request, team, household, reason: str, now: datetime | None = None) -> Involvement:
    """A team lead opens a household's file to one of their own teams, in their own municipality."""
    lead = request.user
    reason = (reason or "").strip()
    now = now or timezone.now()
    if not reason:
        raise ValidationError("Geef een reden voor de toewijzing.")
    if not lead.teams.filter(pk=team.pk).exists():
        raise ValidationError("U kunt alleen huishoudens toewijzen aan een team waarvan u lid bent.")
    if household.municipality_id != lead.municipality_id or household.municipality_id != team.municipality_id:
        raise ValidationError("Dit huishouden hoort bij een andere gemeente; u kunt het niet toewijzen.")
    # Lock the household row: two leads pressing "Toewijzen" at once must not create two involvements.
    type(household).objects.select_for_update().filter(pk=household.pk).first()
    if Involvement.objects.filter(_active_at(now), household=household, team=team).exists():
        raise ValidationError(f"{team} is al betrokken bij dit huishouden.")
    involvement = Involvement.objects.create(
        municipality=household.municipality,
        household=household,
        team=team,
        source=Involvement.Source.TEAM_LEAD,
        reason=reason,
        since=now,
        created_by=lead,
    )
    log.record(
        request,
        log.Action.TRANSFER,
        purpose=f"Toegewezen aan {team}: {reason}",
        persons=_current_person_ids(household),
        objects=[household],
        object_type="household",
        grant=involvement,
    )
    return involvement


@transaction.atomic
def end_involvement(request, involvement: Involvement, when: datetime | None = None) -> Involvement:
    when = when or timezone.now()
    if involvement.until is not None and involvement.until <= when:
        raise ValidationError("Deze betrokkenheid is al beëindigd.")
    if when <= involvement.since:
        raise ValidationError("Het einde ligt vóór het begin van de betrokkenheid.")
    involvement.until = when
    involvement.save(update_fields=["until"])
    log.record(
        request,
        log.Action.UPDATE,
        # No staff names in purposes: the inhabitant reads them (consultations.py).
        purpose=f"Betrokkenheid beëindigd ({involvement.anonymous_party})",
        persons=_current_person_ids(involvement.household),
        objects=[involvement.household],
        object_type="household",
        grant=involvement,
    )
    return involvement


def involvements_of_teams(user):
    """Active involvements of the user's teams, for the team lead's overview; newest first."""
    return (
        active_involvements(user)
        .filter(team__isnull=False)
        .select_related("household", "team")
        .order_by("-since", "-pk")
    )
