"""Small builders for privacy tests: a municipality with two teams, people, households, grants."""

from datetime import timedelta
from itertools import count

from django.utils import timezone

from stuurman.accounts.models import Role, Team, User
from stuurman.identifiers import bsn_from_number
from stuurman.people.models import Household, Membership, Person
from stuurman.privacy.models import EmergencyAccess, Involvement
from stuurman.tenancy.models import Municipality, Region

_numbers = count(10_000_000)


def municipality(name="Testgemeente", code="GM9950"):
    region, _ = Region.objects.get_or_create(name="Testregio")
    return Municipality.objects.create(region=region, name=name, cbs_code=code)


def team(where, name):
    return Team.objects.create(municipality=where, name=name)


def user(where, role_slug, *, username=None, teams=(), organisation=""):
    account = User.objects.create(
        username=username or f"{role_slug}-{next(_numbers)}",
        municipality=where,
        organisation=organisation,
    )
    account.groups.add(Role.objects.get(slug=role_slug).group)
    for each in teams:
        each.members.add(account)
    return User.objects.get(pk=account.pk)  # fresh: no cached permissions


def household(where, surname="Jansen", members=1):
    home = Household.objects.create(municipality=where, name=f"Huishouden {surname}")
    for n in range(members):
        person = Person.objects.create(
            municipality=where,
            bsn=_next_bsn(),
            first_names=f"Lid{n}",
            surname=surname,
            postcode="6601 AB",
            house_number=n + 1,
        )
        Membership.objects.create(household=home, person=person, role="parent", since="2020-01-01")
    return home


def _next_bsn() -> str:
    while (bsn := bsn_from_number(next(_numbers))) is None:
        pass
    return bsn


def involve(home, *, by, team=None, user=None, organisation="", days_ago=10, ends_in_days=None, scope="file"):
    now = timezone.now()
    return Involvement.objects.create(
        municipality=home.municipality,
        household=home,
        team=team,
        user=user,
        organisation=organisation,
        scope=scope,
        source=Involvement.Source.TEAM_LEAD,
        reason="test",
        since=now - timedelta(days=days_ago),
        until=None if ends_in_days is None else now + timedelta(days=ends_in_days),
        created_by=by,
    )


def emergency(home, who, *, started_hours_ago=1, hours=4, ended=False, verdict="pending"):
    now = timezone.now()
    started = now - timedelta(hours=started_hours_ago)
    return EmergencyAccess.objects.create(
        municipality=home.municipality,
        household=home,
        user=who,
        reason="Acute zorgen gemeld door de politie, gezin niet bereikbaar.",
        started_at=started,
        expires_at=started + timedelta(hours=hours),
        ended_at=now if ended else None,
        verdict=verdict,
    )
