"""The conversation write path: who was present and the requests it answers belong to the household;
signing the report makes it the Wmo application and starts the decision deadline."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from stuurman.accounts.models import Team, User
from stuurman.assessment import conversations
from stuurman.assessment.models import Conversation
from stuurman.intake import deadlines
from stuurman.intake.models import Request
from stuurman.people.models import Household, NetworkMember, Person
from stuurman.privacy.models import AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(demo_region):
    consultant = User.objects.get(username="consulent")
    http = RequestFactory().post("/")
    http.user = consultant
    family = Household.objects.get(name="Huishouden De Vries")
    return http, family, consultant


def a_request(family, law="wmo", received_on=None, status="routed"):
    return Request.objects.create(
        municipality=family.municipality,
        household=family,
        person=family.members.order_by("pk").first(),
        question="Jan zit thuis en het geld raakt op.",
        safety_concern=False,
        law=law,
        status=status,
        responsible_team=Team.objects.get(name="Wijkteam Centrum-Noord"),
        received_on=received_on or timezone.localdate() - timedelta(days=20),
        registered_at=timezone.now(),
        registered_by=User.objects.get(username="loket"),
    )


def record(http, family, held_on=None, **present):
    conversation = Conversation(household=family, held_on=held_on or timezone.localdate() - timedelta(days=1))
    return conversations.save(
        http,
        conversation,
        members=present.get("members", []),
        network=present.get("network", []),
        requests=present.get("requests", []),
    )


def test_a_conversation_with_the_sister_present_answering_a_request_is_saved_and_logged(world):
    http, family, consultant = world
    marja = NetworkMember.objects.get(household=family, name="Marja Bakker")
    els = family.members.get(first_names="Els")
    melding = a_request(family)
    conversation = record(http, family, members=[els], network=[marja], requests=[melding])
    assert (conversation.municipality, conversation.recorded_by) == (family.municipality, consultant)
    assert list(conversation.requests.all()) == [melding]
    assert list(melding.conversations.all()) == [conversation]
    row = AccessLog.objects.get(object_type="conversation")
    assert (row.action, row.purpose, set(row.person_ids)) == (
        "create",
        "Gesprek vastgelegd",
        set(family.members.values_list("pk", flat=True)),
    )


@pytest.mark.parametrize("intruder", ["member", "network", "request"])
def test_people_and_requests_of_another_household_are_refused_and_nothing_is_saved(world, intruder):
    http, family, _ = world
    bakker = Household.objects.get(name="Huishouden Bakker")
    riek = Person.objects.get(first_names="Riek")
    present = {
        "member": lambda: {"members": [riek]},
        "network": lambda: {"network": [NetworkMember.objects.filter(household=bakker).first()]},
        "request": lambda: {"requests": [a_request(bakker)]},
    }[intruder]()
    with pytest.raises(ValidationError):
        record(http, family, **present)
    assert not Conversation.objects.exists()


def test_a_conversation_cannot_be_held_tomorrow(world):
    http, family, _ = world
    with pytest.raises(ValidationError, match="in de toekomst"):
        record(http, family, held_on=timezone.localdate() + timedelta(days=1))


def test_the_signed_report_is_the_wmo_application_and_the_decision_deadline_runs(world):
    http, family, _ = world
    wmo, youth = a_request(family), a_request(family, law="jeugdwet")
    conversation = record(http, family, requests=[wmo, youth])
    signed = timezone.localdate()
    applied = conversations.sign(http, conversation, signed, as_application=True)
    assert applied == [wmo], "only the Wmo counts the signed report as the application"
    wmo.refresh_from_db()
    youth.refresh_from_db()
    assert (wmo.application_on, wmo.next_deadline, wmo.next_due) == (
        signed,
        "Beschikking",
        deadlines.wmo_decision(signed).due,
    )
    assert "gespreksverslag" in wmo.application_basis
    assert youth.application_on is None
    conversation.refresh_from_db()
    assert conversation.report_signed_on == signed
    purposes = list(AccessLog.objects.order_by("id").values_list("purpose", flat=True))
    assert purposes[-2].startswith("Verslag ondertekend op")
    assert purposes[-1].startswith("Aanvraag van")
    assert "Beschikking" in purposes[-1]


def test_signing_without_it_counting_as_the_application_leaves_the_research_deadline(world):
    http, family, _ = world
    wmo = a_request(family)
    conversation = record(http, family, requests=[wmo])
    assert conversations.sign(http, conversation, timezone.localdate(), as_application=False) == []
    wmo.refresh_from_db()
    assert wmo.application_on is None


@pytest.mark.parametrize(
    ("days", "message"),
    [(1, "in de toekomst"), (-10, "vóór het gesprek")],
)
def test_a_signing_date_in_the_future_or_before_the_conversation_is_refused(world, days, message):
    http, family, _ = world
    wmo = a_request(family)
    conversation = record(http, family, held_on=timezone.localdate() - timedelta(days=2), requests=[wmo])
    with pytest.raises(ValidationError, match=message):
        conversations.sign(
            http, conversation, timezone.localdate() + timedelta(days=days), as_application=True
        )
    conversation.refresh_from_db()
    wmo.refresh_from_db()
    assert (conversation.report_signed_on, wmo.application_on) == (None, None)


def test_a_report_is_signed_once_and_a_first_application_is_not_moved(world):
    http, family, _ = world
    wmo = a_request(family)
    first = record(http, family, held_on=timezone.localdate() - timedelta(days=5), requests=[wmo])
    conversations.sign(http, first, timezone.localdate() - timedelta(days=4), as_application=True)
    with pytest.raises(ValidationError, match="al ondertekend"):
        conversations.sign(http, first, timezone.localdate(), as_application=True)
    second = record(http, family, requests=[wmo])
    assert conversations.sign(http, second, timezone.localdate(), as_application=True) == []
    wmo.refresh_from_db()
    assert wmo.application_on == timezone.localdate() - timedelta(days=4)


def test_an_application_before_the_melding_is_refused(world):
    from stuurman.intake import services

    http, family, _ = world
    wmo = a_request(family, received_on=date.today() - timedelta(days=3))
    with pytest.raises(ValidationError, match="vóór de melding"):
        services.record_application(http, wmo, date.today() - timedelta(days=4), "brief")


def test_a_signed_conversation_is_not_changed_afterwards(world):
    http, family, _ = world
    conversation = record(http, family)
    conversations.sign(http, conversation, timezone.localdate(), as_application=False)
    conversation.agreements = "Achteraf iets anders afgesproken"
    with pytest.raises(ValidationError, match="ondertekend"):
        conversations.save(http, conversation, members=[], network=[], requests=[])
    conversation.refresh_from_db()
    assert conversation.agreements == ""
