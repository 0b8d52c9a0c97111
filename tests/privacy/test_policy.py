"""Who sees which household: every role against every kind of relationship, and random sets of grants."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stuurman.people.models import Household
from stuurman.privacy.policy import grant_for, visible_households, visible_persons

from . import factories

pytestmark = pytest.mark.django_db

FILE_ROLES = {"consultant", "coordinator", "team_lead", "front_door"}
TEAM_A_ROLES = {"consultant", "coordinator", "team_lead", "policy_advisor", "privacy_officer"}
ALL_ROLES = [
    "front_door",
    "consultant",
    "coordinator",
    "team_lead",
    "provider_staff",
    "policy_advisor",
    "privacy_officer",
    "functional_admin",
]


def relate(relationship, home, actor, team_a, team_b, by):
    """Create the relationship between ``actor`` and ``home``; return whether it grants the file."""
    match relationship:
        case "own team":
            factories.involve(home, by=by, team=team_a)
            return actor.teams.filter(pk=team_a.pk).exists()
        case "other team":
            factories.involve(home, by=by, team=team_b)
        case "personally":
            factories.involve(home, by=by, user=actor)
            return True
        case "own team, ended":
            factories.involve(home, by=by, team=team_a, days_ago=30, ends_in_days=-1)
        case "personally, not yet started":
            factories.involve(home, by=by, user=actor, days_ago=-2)
        case "organisation assignment":
            factories.involve(home, by=by, organisation="Zorggroep Test", scope="assignment")
        case "emergency, running":
            factories.emergency(home, actor)
            return True
        case "emergency, expired":
            factories.emergency(home, actor, started_hours_ago=5, hours=4)
        case "emergency, ended early":
            factories.emergency(home, actor, ended=True)
        case "emergency, judged unjustified":
            factories.emergency(home, actor, verdict="unjustified")
        case "none":
            pass
    return False


RELATIONSHIPS = [
    "own team",
    "other team",
    "personally",
    "own team, ended",
    "personally, not yet started",
    "organisation assignment",
    "emergency, running",
    "emergency, expired",
    "emergency, ended early",
    "emergency, judged unjustified",
    "none",
]


@pytest.fixture
def world():
    where = factories.municipality()
    team_a, team_b = factories.team(where, "Team A"), factories.team(where, "Team B")
    lead_b = factories.user(where, "team_lead", teams=[team_b])
    return where, team_a, team_b, lead_b


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_access_matrix_for_the_policy(world, role, relationship):
    where, team_a, team_b, lead_b = world
    teams = [team_a] if role in TEAM_A_ROLES else []
    actor = factories.user(
        where, role, teams=teams, organisation="Zorggroep Test" if role == "provider_staff" else ""
    )
    home = factories.household(where, members=2)
    bystander = factories.household(where, surname="Anders")
    factories.involve(bystander, by=lead_b, team=team_b)

    granted = relate(relationship, home, actor, team_a, team_b, lead_b) and role in FILE_ROLES

    assert set(visible_households(actor)) == ({home} if granted else set())
    assert set(visible_persons(actor)) == (set(home.members.all()) if granted else set())
    assert (grant_for(actor, home.pk) is not None) == granted


def test_a_member_who_moved_out_is_not_seen_through_the_old_household(world):
    where, team_a, _, lead_b = world
    consultant = factories.user(where, "consultant", teams=[team_a])
    home = factories.household(where, members=2)
    factories.involve(home, by=lead_b, team=team_a)
    leaver = home.memberships.first()
    leaver.until = timezone.localdate() - timedelta(days=1)
    leaver.save()
    assert set(visible_persons(consultant)) == {home.memberships.last().person}


grant_spec = st.tuples(
    st.integers(0, 4),  # household index
    st.sampled_from(["team_a", "team_b", "user", "other_user", "emergency", "other_emergency"]),
    st.integers(-3, 3),  # starts this many days ago (negative: in the future)
    st.one_of(st.none(), st.integers(-3, 3)),  # ends in this many days (None: open-ended)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grants=st.lists(grant_spec, max_size=12))
def test_lists_and_searches_return_exactly_the_visible_households(world, grants):
    where, team_a, team_b, lead_b = world
    with transaction.atomic():
        consultant = factories.user(where, "consultant", teams=[team_a])
        other = factories.user(where, "consultant", teams=[team_b])
        homes = [factories.household(where, surname=f"Hypo{n}") for n in range(5)]
        expected = set()
        for index, party, started, ends in grants:
            home = homes[index]
            if party.endswith("emergency"):
                if ends is None or started <= 0 or started + ends <= 0:
                    continue  # an emergency access always ends after it started
                who = consultant if party == "emergency" else other
                factories.emergency(home, who, started_hours_ago=started * 24, hours=(started + ends) * 24)
                running = ends > 0
                if who == consultant and running:
                    expected.add(home)
                continue
            if ends is not None and ends <= -started:
                continue  # the database refuses an end before the start
            kwargs = {
                "team_a": {"team": team_a},
                "team_b": {"team": team_b},
                "user": {"user": consultant},
                "other_user": {"user": other},
            }[party]
            factories.involve(home, by=lead_b, days_ago=started, ends_in_days=ends, **kwargs)
            active = started >= 0 and (ends is None or ends > 0)
            if active and party in ("team_a", "user"):
                expected.add(home)

        assert set(visible_households(consultant)) == expected
        searched = visible_households(consultant).filter(name__startswith="Huishouden Hypo")
        assert set(searched) == expected
        found_people = visible_persons(consultant).filter(surname__istartswith="hypo")
        assert {p.households.get() for p in found_people} == expected
        assert (
            set(
                Household.objects.filter(pk__in=[h.pk for h in homes]).filter(
                    pk__in=visible_households(consultant)
                )
            )
            == expected
        )
        transaction.set_rollback(True)
