"""What an inhabitant learns about their file: consultations without staff names, who has access
now (only active grants), and with whom data were shared."""

from dataclasses import asdict
from datetime import date, timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from stuurman.people.models import Membership
from stuurman.privacy import consultations, log
from stuurman.privacy.models import SharingDecision
from stuurman.privacy.policy import purpose_of

from . import factories

pytestmark = pytest.mark.django_db


def as_request(user):
    request = RequestFactory().get("/huishoudens/1/")
    request.user = user
    return request


@pytest.fixture
def world():
    where = factories.municipality()
    team = factories.team(where, "Wijkteam Noord")
    consultant = factories.user(where, "consultant", teams=[team], username="s.jansen")
    consultant.first_name, consultant.last_name = "Sanne", "Jansen"
    consultant.save()
    lead = factories.user(where, "team_lead", teams=[team], username="p.smit")
    home = factories.household(where, surname="Inzage", members=2)
    return {
        "where": where,
        "team": team,
        "consultant": consultant,
        "lead": lead,
        "home": home,
        "person": home.members.order_by("pk").first(),
        "team_grant": factories.involve(home, by=lead, team=team, days_ago=20),
    }


def staff_names(world):
    return ["s.jansen", "Sanne", "Jansen", "p.smit"]


def test_consultations_list_when_why_what_and_which_role_newest_first(world):
    person, other = world["person"], factories.household(world["where"], surname="Ander").members.first()
    request = as_request(world["consultant"])
    log.record(request, log.Action.READ, purpose="eerste", persons=[person], grant=world["team_grant"])
    log.record(request, log.Action.READ, purpose="niet over deze persoon", persons=[other])
    log.record(as_request(world["lead"]), log.Action.TRANSFER, purpose="tweede", persons=[person, other])

    seen = consultations.consultations_of(person)

    assert [(c.purpose, c.action) for c in seen] == [("tweede", "overdragen"), ("eerste", "inzien")]
    assert (seen[1].role, seen[1].on_behalf_of, seen[1].by) == (
        "Consulent",
        "Wijkteam Noord",
        "Consulent, Wijkteam Noord",
    )
    assert seen[0].by == "Teamleider"
    assert seen[0].at >= seen[1].at


def test_consultations_never_name_staff_even_when_a_reason_typed_by_staff_did(world):
    person = world["person"]
    own = factories.involve(world["home"], by=world["consultant"], user=world["consultant"], days_ago=1)
    purpose = purpose_of(own)
    assert "Sanne" not in purpose, "a user involvement's purpose names the role, not the user"
    log.record(as_request(world["consultant"]), log.Action.READ, purpose=purpose, persons=[person], grant=own)
    log.record(
        as_request(world["lead"]),
        log.Action.UPDATE,
        purpose="Gesprek met Sanne Jansen gepland",
        persons=[person],
    )

    seen = consultations.consultations_of(person)

    text = repr([asdict(c) for c in seen]) + repr([c.by for c in seen])
    for name in staff_names(world):
        assert name not in text
    assert seen[1].purpose == "Betrokken (een medewerker (consulent)): test"
    assert seen[0].purpose == "Gesprek met een medewerker gepland"


def test_consultations_cost_two_queries_however_many_rows(world, django_assert_num_queries):
    request = as_request(world["consultant"])
    for n in range(5):
        log.record(request, log.Action.READ, purpose=f"inzage {n}", persons=[world["person"]])
    with django_assert_num_queries(2):
        assert len(consultations.consultations_of(world["person"], limit=3)) == 3


def test_who_has_access_lists_only_what_is_active_now(world):
    home, person, now = world["home"], world["person"], timezone.now()
    factories.involve(home, by=world["lead"], user=world["consultant"], days_ago=5)
    factories.involve(home, by=world["lead"], organisation="Zorg BV", scope="assignment", days_ago=3)
    factories.involve(home, by=world["lead"], organisation="Voorbij BV", days_ago=30, ends_in_days=-1)
    factories.involve(home, by=world["lead"], organisation="Toekomst BV", days_ago=-2)
    factories.emergency(home, world["lead"], started_hours_ago=1, hours=4)
    factories.emergency(home, world["consultant"], started_hours_ago=10, hours=2)
    factories.emergency(home, world["consultant"], started_hours_ago=1, hours=4, ended=True)
    factories.emergency(home, world["consultant"], started_hours_ago=1, hours=4, verdict="unjustified")

    found = consultations.who_has_access(person, now)

    assert [a.who for a in found] == [
        "Wijkteam Noord",
        "een medewerker (consulent)",
        "Zorg BV",
        "een medewerker (teamleider) met noodtoegang",
    ]
    assert [a.emergency for a in found] == [False, False, False, True]
    assert found[0].reason == "test"
    text = repr(found)
    for name in staff_names(world):
        assert name not in text


def test_who_has_access_follows_the_person_to_their_current_household(world):
    person = world["person"]
    Membership.objects.filter(person=person).update(until=timezone.localdate() - timedelta(days=1))
    assert consultations.who_has_access(person) == []


def test_shared_with_lists_the_persons_decisions_newest_first_without_who_decided(world):
    person = world["person"]
    for when, organisation in ((date(2026, 1, 5), "GGD"), (date(2026, 2, 5), "Schuldhulp")):
        SharingDecision.objects.create(
            municipality=world["where"],
            person=person,
            organisation=organisation,
            data="contactgegevens",
            purpose="doorverwijzing",
            necessity="n",
            proportionality="p",
            subsidiarity="s",
            ground=SharingDecision.Ground.PUBLIC_TASK,
            decided_on=when,
            decided_by=world["consultant"],
        )
    other = world["home"].members.exclude(pk=person.pk).first()

    shared = consultations.shared_with(person)

    assert [(s.organisation, s.ground, s.decided_on) for s in shared] == [
        ("Schuldhulp", "publieke taak", date(2026, 2, 5)),
        ("GGD", "publieke taak", date(2026, 1, 5)),
    ]
    assert not hasattr(shared[0], "decided_by")
    assert consultations.shared_with(other) == []
