"""The household page: members, the network as circles and as a list, and who is involved."""

from django.shortcuts import render
from django.utils import timezone

from stuurman.people.models import NetworkMember
from stuurman.privacy import log
from stuurman.privacy.declarations import household_file
from stuurman.privacy.models import Involvement
from stuurman.privacy.policy import purpose_of

from .. import circles


def _age(birth_date, today):
    if birth_date is None:
        return None
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


@household_file("privacy.view_files")
def household(request, household, grant):
    today = timezone.localdate()
    memberships = list(
        household.memberships.select_related("person__area").order_by("role", "person__birth_date", "pk")
    )
    current = [m for m in memberships if m.until is None or m.until >= today]
    former = [m for m in memberships if m not in current]
    for membership in memberships:
        membership.age = _age(membership.person.birth_date, today)
    network = list(household.network.select_related("person", "for_person").order_by("circle", "name", "pk"))
    now = timezone.now()
    involvements = (
        Involvement.objects.filter(household=household, since__lte=now)
        .exclude(until__lte=now)
        .select_related("team", "user")
        .order_by("since")
    )
    by_circle = {number: [] for number, _ in NetworkMember.Circle.choices}
    for member in network:
        by_circle[member.circle].append(member)
    log.record(
        request,
        log.Action.READ,
        purpose=purpose_of(grant),
        persons=[m.person_id for m in memberships],
        objects=[household],
        object_type="household",
        grant=grant,
    )
    return render(
        request,
        "files/household.html",
        {
            "household": household,
            "purpose": purpose_of(grant),
            "current": current,
            "former": former,
            "network": network,
            "circles": [(number, label, by_circle[number]) for number, label in NetworkMember.Circle.choices],
            "drawing": _drawing(household, network),
            "involvements": involvements,
            "conversations": household.conversations.order_by("-held_on", "-pk")[:10],
        },
    )


def _drawing(household, network):
    return circles.drawing(
        household.name.removeprefix("Huishouden "),
        dict(NetworkMember.Circle.choices),
        [(member.circle, member.display_name) for member in network],
    )
