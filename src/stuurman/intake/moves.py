"""Moving house. Within the region the household's open requests follow it by warm hand-over to the
team of the new area; outside the region they are closed with a hand-over note."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from stuurman.people.models import Person
from stuurman.privacy import log

from . import services
from .models import Request
from .routing import team_for_household


@dataclass(frozen=True)
class Moved:
    handed_over: int
    closed: int


@transaction.atomic
def move_household(http, household, *, to_area=None, note: str) -> Moved:
    """``to_area`` is a buurt in the region, or None when the household leaves the region."""
    note = note.strip()
    if not note:
        raise ValidationError("Schrijf een korte overdrachtsnotitie: wat moet het nieuwe team weten?")
    open_requests = list(
        Request.objects.filter(household=household)
        .exclude(status=Request.Status.CLOSED)
        .select_related("responsible_team", "municipality")
    )
    members = household.memberships.filter(until__isnull=True).values("person_id")
    if to_area is None:
        for request in open_requests:
            services.close(http, request, f"Verhuisd buiten de regio. Overdrachtsnotitie: {note}")
        return Moved(handed_over=0, closed=len(open_requests))
    if to_area.municipality.region_id != household.municipality.region_id:
        raise ValidationError("Dit gebied ligt buiten de regio; kies 'buiten de regio'.")
    household.area, household.municipality = to_area, to_area.municipality
    household.save(update_fields=["area", "municipality"])
    for person in Person.objects.filter(pk__in=members):  # one by one, so each change keeps its history
        person.municipality, person.area = to_area.municipality, to_area
        person.save(update_fields=["municipality", "area"])
    team = team_for_household(household)
    if team is None:
        raise ValidationError("Het nieuwe gebied heeft geen team; vraag de functioneel beheerder.")
    handed = 0
    for request in open_requests:
        if request.responsible_team_id != team.pk:
            services.hand_over(http, request, team, f"Verhuizing: {note}", household_moved=True)
            handed += 1
    log.record(
        http,
        log.Action.UPDATE,
        purpose=f"Verhuizing naar {to_area.name}, {to_area.municipality.name}",
        persons=members.values_list("person_id", flat=True),
        objects=[household],
        object_type="household",
    )
    return Moved(handed_over=handed, closed=0)
