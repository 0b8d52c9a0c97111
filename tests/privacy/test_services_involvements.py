"""The team lead's write path: assigning a household to their own team, and ending an involvement."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from stuurman.people.models import Membership
from stuurman.privacy import involvements
from stuurman.privacy.models import AccessLog, Involvement
from stuurman.privacy.policy import visible_households

from . import factories

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def as_request(user):
    request = RequestFactory().post("/privacy/team/")
    request.user = user
    return request


@pytest.fixture
def world():
    where = factories.municipality()
    team_a, team_b = factories.team(where, "Team A"), factories.team(where, "Team B")
    return {
        "where": where,
        "team_a": team_a,
        "team_b": team_b,
        "lead": factories.user(where, "team_lead", teams=[team_a], username="lead"),
        "consultant": factories.user(where, "consultant", teams=[team_a]),
        "home": factories.household(where, surname="Toewijs", members=2),
    }


def assign(world, team=None, home=None, reason="Melding van de school", now=NOW):
    return involvements.assign_to_team(
        as_request(world["lead"]), team or world["team_a"], home or world["home"], reason, now=now
    )


def test_assigning_opens_the_file_to_the_team_and_is_logged_as_a_transfer(world):
    involvement = assign(world)

    assert involvement.team == world["team_a"]
    assert involvement.source == Involvement.Source.TEAM_LEAD
    assert (involvement.since, involvement.until) == (NOW, None)
    assert involvement.created_by == world["lead"]
    assert involvement.municipality == world["home"].municipality
    assert involvement.reason == "Melding van de school"
    assert world["home"] in visible_households(world["consultant"], now=NOW + timedelta(minutes=1))
    row = AccessLog.objects.get()
    assert (row.action, row.involvement_id, row.object_type) == ("transfer", involvement.pk, "household")
    assert sorted(row.person_ids) == sorted(world["home"].members.values_list("pk", flat=True))


def test_only_to_a_team_the_lead_belongs_to(world):
    with pytest.raises(ValidationError, match="team waarvan u lid bent"):
        assign(world, team=world["team_b"])
    assert not Involvement.objects.exists()
    assert not AccessLog.objects.exists()


def test_not_a_household_of_another_municipality(world):
    elsewhere = factories.municipality("Andere gemeente", "GM9951")
    with pytest.raises(ValidationError, match="andere gemeente"):
        assign(world, home=factories.household(elsewhere, surname="Elders"))
    assert not Involvement.objects.exists()


def test_a_reason_is_required(world):
    with pytest.raises(ValidationError, match="Geef een reden"):
        assign(world, reason="   ")
    assert not Involvement.objects.exists()


def test_no_second_identical_active_involvement_but_a_new_one_after_it_ended(world):
    first = assign(world)
    with pytest.raises(ValidationError, match="Team A is al betrokken"):
        assign(world, now=NOW + timedelta(hours=1))

    involvements.end_involvement(as_request(world["lead"]), first, when=NOW + timedelta(hours=2))
    again = assign(world, now=NOW + timedelta(hours=3))
    assert Involvement.objects.count() == 2
    assert again.pk != first.pk


def test_an_involvement_ending_in_the_future_still_counts_as_active(world):
    factories.involve(world["home"], by=world["lead"], team=world["team_a"], ends_in_days=30)
    with pytest.raises(ValidationError, match="al betrokken"):
        assign(world, now=timezone.now())


def test_another_team_may_be_involved_at_the_same_time(world):
    world["team_b"].members.add(world["lead"])
    assign(world)
    assign(world, team=world["team_b"])
    assert Involvement.objects.filter(household=world["home"]).count() == 2


def test_ending_sets_until_keeps_the_row_and_closes_the_file(world):
    involvement = assign(world)
    ended = NOW + timedelta(days=1)

    involvements.end_involvement(as_request(world["lead"]), involvement, when=ended)

    involvement.refresh_from_db()
    assert involvement.until == ended
    assert world["home"] in visible_households(world["consultant"], now=ended - timedelta(seconds=1))
    assert world["home"] not in visible_households(world["consultant"], now=ended)
    row = AccessLog.objects.get(action="update")
    assert row.involvement_id == involvement.pk
    assert "lead" not in row.purpose
    assert sorted(row.person_ids) == sorted(world["home"].members.values_list("pk", flat=True))


def test_ending_twice_or_before_the_start_is_refused(world):
    involvement = assign(world)
    with pytest.raises(ValidationError, match="vóór het begin"):
        involvements.end_involvement(as_request(world["lead"]), involvement, when=NOW - timedelta(hours=1))
    involvements.end_involvement(as_request(world["lead"]), involvement, when=NOW + timedelta(hours=1))
    with pytest.raises(ValidationError, match="al beëindigd"):
        involvements.end_involvement(as_request(world["lead"]), involvement, when=NOW + timedelta(hours=2))


def test_a_former_member_is_not_named_in_the_log(world):
    gone = world["home"].memberships.first()
    Membership.objects.filter(pk=gone.pk).update(until=timezone.localdate() - timedelta(days=30))
    assign(world)
    assert gone.person_id not in AccessLog.objects.get().person_ids


def test_the_overview_lists_only_active_involvements_of_the_leads_teams(world):
    mine = assign(world)
    other_home = factories.household(world["where"], surname="Anders")
    factories.involve(other_home, by=world["lead"], team=world["team_b"])
    ended_home = factories.household(world["where"], surname="Voorbij")
    factories.involve(ended_home, by=world["lead"], team=world["team_a"], days_ago=10, ends_in_days=-1)
    personal_home = factories.household(world["where"], surname="Persoonlijk")
    factories.involve(personal_home, by=world["lead"], user=world["lead"])

    assert list(involvements.involvements_of_teams(world["lead"])) == [mine]
