"""The one write path for involvements: who becomes involved with a household, and when it ends."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
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


@transaction.atomic
def assign_to_team(request, team, household, reason: str) -> Involvement:
    lead = request.user
    if not lead.teams.filter(pk=team.pk).exists():
        raise ValidationError("U kunt alleen huishoudens toewijzen aan een team waarvan u lid bent.")
    if household.municipality_id != team.municipality_id:
        raise ValidationError("Dit huishouden hoort bij een andere gemeente dan het team.")
    now = timezone.now()
    if Involvement.objects.filter(
        household=household, team=team, since__lte=now, until__isnull=True
    ).exists():
        raise ValidationError(f"{team} is al betrokken bij dit huishouden.")
    involvement = Involvement.objects.create(
        municipality=household.municipality,
        household=household,
        team=team,
        source=Involvement.Source.TEAM_LEAD,
        reason=reason.strip(),
        since=now,
        created_by=lead,
    )
    log.record(
        request,
        log.Action.TRANSFER,
        purpose=f"Toegewezen aan {team}: {involvement.reason}",
        persons=household.memberships.filter(until__isnull=True).values_list("person_id", flat=True),
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
        purpose=f"Betrokkenheid van {involvement.party} beëindigd",
        objects=[involvement.household],
        object_type="household",
        grant=involvement,
    )
    return involvement


def involvements_of_teams(user):
    """Active involvements of the user's teams, for the team lead's overview."""
    return (
        active_involvements(user)
        .filter(team__isnull=False)
        .select_related("household", "team")
        .order_by("-since")
    )
