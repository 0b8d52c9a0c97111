"""Breaking the glass: a real reason, a fixed period, logged; ended early or by an unjustified verdict."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from stuurman.accounts.models import Role
from stuurman.privacy import emergency
from stuurman.privacy.models import AccessLog, EmergencyAccess
from stuurman.privacy.policy import running_emergency_accesses, visible_households

from . import factories

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)
REASON = "Politie meldt acute zorgen om de kinderen; gezin nog niet bekend."


def as_request(user):
    request = RequestFactory().post("/privacy/noodtoegang/nieuw/")
    request.user = user
    return request


@pytest.fixture
def world():
    where = factories.municipality()
    return {
        "where": where,
        "consultant": factories.user(where, "consultant", username="sanne"),
        "officer": factories.user(where, "privacy_officer", username="ruud"),
        "home": factories.household(where, surname="Noodgeval", members=3),
    }


def take(world, reason=REASON, hours=2, now=NOW, home=None):
    return emergency.break_glass(
        as_request(world["consultant"]), home or world["home"], reason, hours, now=now
    )


@pytest.mark.parametrize("reason", ["", "   ", "even kijken", "x" * 19, " " * 10 + "y" * 19 + " " * 10])
def test_a_reason_of_fewer_than_twenty_characters_is_refused(world, reason):
    with pytest.raises(ValidationError, match="minstens 20 tekens"):
        take(world, reason=reason)
    assert not EmergencyAccess.objects.exists()
    assert not AccessLog.objects.exists()


def test_twenty_characters_are_enough(world):
    assert take(world, reason="z" * 20).reason == "z" * 20


@pytest.mark.parametrize("hours", [0, 3, 9, 24])
def test_only_the_offered_durations(world, hours):
    with pytest.raises(ValidationError, match="1, 2, 4 of 8 uur"):
        take(world, hours=hours)


def test_taking_access_runs_for_the_chosen_hours_and_names_the_members_in_the_log(world):
    access = take(world, hours=2)

    assert (access.started_at, access.expires_at, access.ended_at) == (NOW, NOW + timedelta(hours=2), None)
    assert access.verdict == EmergencyAccess.Verdict.PENDING
    row = AccessLog.objects.get()
    assert (row.action, row.emergency_access_id, row.username) == ("emergency", access.pk, "sanne")
    assert row.purpose == f"Noodtoegang: {REASON}"
    assert sorted(row.person_ids) == sorted(world["home"].members.values_list("pk", flat=True))


def test_access_expires_at_the_end_of_its_period(world):
    take(world, hours=2)
    user = world["consultant"]
    assert world["home"] in visible_households(user, now=NOW + timedelta(hours=1, minutes=59))
    assert world["home"] not in visible_households(user, now=NOW + timedelta(hours=2))
    assert not running_emergency_accesses(user, now=NOW + timedelta(hours=2)).exists()


def test_no_access_to_a_household_of_another_municipality(world):
    elsewhere = factories.household(factories.municipality("Elders", "GM9951"), surname="Elders")
    with pytest.raises(ValidationError, match="eigen gemeente"):
        take(world, home=elsewhere)


def test_a_second_access_to_the_same_household_while_one_runs_is_refused(world):
    take(world, hours=1)
    with pytest.raises(ValidationError, match="al noodtoegang"):
        take(world, now=NOW + timedelta(minutes=30))
    take(world, now=NOW + timedelta(hours=1))
    assert EmergencyAccess.objects.count() == 2


def test_ending_early_sets_ended_at_once_and_is_logged_once(world):
    access = take(world, hours=4)
    request = as_request(world["consultant"])

    emergency.end(request, access, now=NOW + timedelta(minutes=10))
    emergency.end(request, access, now=NOW + timedelta(minutes=20))

    access.refresh_from_db()
    assert access.ended_at == NOW + timedelta(minutes=10)
    assert world["home"] not in visible_households(world["consultant"], now=NOW + timedelta(minutes=11))
    ends = AccessLog.objects.filter(action="update", emergency_access_id=access.pk)
    assert [row.purpose for row in ends] == ["Noodtoegang beëindigd"]


def review(world, access, verdict, note="", now=None):
    return emergency.review(as_request(world["officer"]), access, verdict, note, now=now or timezone.now())


def test_a_justified_verdict_leaves_a_running_access_alone(world):
    access = factories.emergency(world["home"], world["consultant"], started_hours_ago=1, hours=4)
    review(world, access, "justified")
    access.refresh_from_db()
    assert (access.verdict, access.reviewed_by, access.ended_at) == ("justified", world["officer"], None)
    assert access.reviewed_at is not None
    assert world["home"] in visible_households(world["consultant"])


def test_an_unjustified_verdict_needs_a_note_and_ends_a_running_access(world):
    access = factories.emergency(world["home"], world["consultant"], started_hours_ago=1, hours=4)
    with pytest.raises(ValidationError, match="Licht toe"):
        review(world, access, "unjustified", "  ")
    access.refresh_from_db()
    assert access.verdict == "pending"

    judged_at = timezone.now()
    review(world, access, "unjustified", "Had via de teamleider gekund.", now=judged_at)

    access.refresh_from_db()
    assert (access.verdict, access.verdict_note) == ("unjustified", "Had via de teamleider gekund.")
    assert access.ended_at == judged_at
    assert world["home"] not in visible_households(world["consultant"])
    row = AccessLog.objects.get(object_type="emergencyaccess")
    assert (row.action, row.object_ids, row.username) == ("update", [access.pk], "ruud")


def test_an_unjustified_verdict_keeps_the_end_of_an_access_that_already_stopped(world):
    access = factories.emergency(world["home"], world["consultant"], started_hours_ago=10, hours=2)
    review(world, access, "unjustified", "Niet nodig geweest.")
    access.refresh_from_db()
    assert access.ended_at is None, "it expired on its own; the record shows that, not a false end"


def test_a_verdict_is_given_once(world):
    access = factories.emergency(world["home"], world["consultant"])
    review(world, access, "justified")
    with pytest.raises(ValidationError, match="al geoordeeld"):
        review(world, access, "unjustified", "toch niet")


def test_the_queue_holds_pending_accesses_of_the_municipality_oldest_first(world):
    newer = factories.emergency(world["home"], world["consultant"], started_hours_ago=1)
    older = factories.emergency(world["home"], world["consultant"], started_hours_ago=30)
    factories.emergency(world["home"], world["consultant"], started_hours_ago=50, verdict="justified")
    elsewhere = factories.municipality("Elders", "GM9951")
    factories.emergency(factories.household(elsewhere), factories.user(elsewhere, "consultant"))

    assert list(emergency.pending_reviews(world["officer"])) == [older, newer]


def test_nobody_judges_their_own_emergency_access(world):
    both = factories.user(world["where"], "consultant", username="beide")
    both.groups.add(Role.objects.get(slug="privacy_officer").group)
    both = type(both).objects.get(pk=both.pk)  # fresh: no cached permissions
    access = factories.emergency(world["home"], both)
    with pytest.raises(ValidationError, match="eigen noodtoegang"):
        emergency.review(as_request(both), access, "justified", "")
