"""The conversation page, signing it, the scoring page with evidence and the ladder, and the assessment
page where a suggestion is overridden with a reason; every page declared and logged."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from stuurman.accounts.models import Team, User
from stuurman.assessment.models import Assessment, Classification, Conversation
from stuurman.intake.models import Request
from stuurman.people.models import Household, Person
from stuurman.privacy.models import AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client, demo_region):
    family = Household.objects.get(name="Huishouden De Vries")
    consultant = User.objects.get(username="consulent")
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    melding = Request.objects.create(
        municipality=family.municipality,
        household=family,
        person=jan,
        question="Jan zit thuis en het geld raakt op.",
        safety_concern=False,
        law="wmo",
        status="routed",
        responsible_team=Team.objects.get(name="Wijkteam Centrum-Noord"),
        received_on=timezone.localdate(),
        registered_at=timezone.now(),
        registered_by=User.objects.get(username="loket"),
    )
    client.force_login(consultant)
    return {"client": client, "family": family, "jan": jan, "melding": melding}


def url(name, world, **kwargs):
    return reverse(f"assessment:{name}", kwargs={"household_id": world["family"].pk, **kwargs})


def test_a_new_conversation_offers_the_one_open_request_and_answers_it(world):
    client = world["client"]
    page = client.get(url("new", world)).content.decode()
    assert f"Melding {world['melding'].pk} (Wmo 2015" in page
    assert re.search(rf'name="requests" value="{world["melding"].pk}"[^>]* checked', page), "the only one"
    response = client.post(
        url("new", world), {"held_on": str(timezone.localdate()), "requests": [world["melding"].pk]}
    )
    conversation = Conversation.objects.get()
    assert response["Location"] == url("conversation", world, conversation_id=conversation.pk)
    assert list(conversation.requests.all()) == [world["melding"]]


def test_the_conversation_page_is_logged_and_signing_starts_the_decision_deadline(world):
    client = world["client"]
    conversation = Conversation.objects.create(
        municipality=world["family"].municipality,
        household=world["family"],
        held_on=timezone.localdate(),
        agreements="Jan belt zelf met de schuldhulp.",
        recorded_by=User.objects.get(username="consulent"),
    )
    conversation.requests.add(world["melding"])
    page_url = url("conversation", world, conversation_id=conversation.pk)
    page = client.get(page_url).content.decode()
    assert "Jan belt zelf met de schuldhulp." in page
    assert AccessLog.objects.filter(action="read", object_type="conversation").count() == 1
    refused = client.post(page_url, {"signed_on": "2099-01-01", "as_application": "on"})
    assert refused.status_code == 400
    assert "in de toekomst" in refused.content.decode()
    response = client.post(
        page_url, {"signed_on": str(timezone.localdate()), "as_application": "on"}, follow=True
    )
    text = response.content.decode()
    assert "Het geldt als aanvraag voor melding" in text
    assert "beschikking uiterlijk" in text
    world["melding"].refresh_from_db()
    assert world["melding"].application_on == timezone.localdate()
    assert "Gesprek wijzigen" not in text, "a signed conversation is not edited"


def test_scoring_with_evidence_and_the_ladder_then_overriding_the_line_with_a_reason(world):
    client = world["client"]
    conversation = Conversation.objects.create(
        municipality=world["family"].municipality,
        household=world["family"],
        held_on=timezone.localdate(),
        recorded_by=User.objects.get(username="consulent"),
    )
    conversation.requests.add(world["melding"])
    page = client.get(url("score", world, conversation_id=conversation.pk)).content.decode()
    assert '<option value="wmo" selected>' in page, "the process comes from the request it answers"
    data = {
        "person": world["jan"].pk,
        "law": "wmo",
        "rung_now": "2",
        "rung_attainable": "5",
        "choose_finances": "on",
        "reason_finances": "WW en vaste lasten",
        "score_finances": "2",
        "evidence_finances": "Betalingsachterstand huur, twee maanden",
    }
    response = client.post(url("score", world, conversation_id=conversation.pk), data)
    assessment = Assessment.objects.get()
    assessment_url = url("assessment", world, conversation_id=conversation.pk, assessment_id=assessment.pk)
    assert response["Location"] == assessment_url
    assert (assessment.law, assessment.rung_now, assessment.rung_attainable) == ("wmo", 2, 5)
    page = client.get(assessment_url).content.decode()
    assert "Betalingsachterstand huur" in page
    assert "nu trede 2 (sociale contacten buitenshuis), haalbaar trede 5" in page
    assert "Voorgesteld: <strong>2e lijn: specialistische of langdurige hulp</strong>" in page
    refused = client.post(assessment_url, {"kind": "line", "chosen": "1", "reason": ""})
    assert refused.status_code == 400
    assert "geef de reden" in refused.content.decode()
    client.post(
        assessment_url, {"kind": "line", "chosen": "1", "reason": "Broer Kees helpt; het team volstaat"}
    )
    line = Classification.objects.get(kind="line")
    assert (line.suggested, line.chosen, line.override_reason) == (
        "2",
        "1",
        "Broer Kees helpt; het team volstaat",
    )
    page = client.get(assessment_url).content.decode()
    assert "Gekozen: <strong>1e lijn: ondersteuning door het team</strong>" in page


def test_justitie_stays_off_the_assessment_page_for_a_consultant(world):
    from django.test import RequestFactory

    from stuurman.assessment import scoring
    from stuurman.assessment.models import InstrumentVersion

    conversation = Conversation.objects.create(
        municipality=world["family"].municipality,
        household=world["family"],
        held_on=timezone.localdate(),
        recorded_by=User.objects.get(username="consulent"),
    )
    http = RequestFactory().post("/")
    http.user = User.objects.get(username="regisseur")
    zrm = InstrumentVersion.objects.get(instrument="zrm", version="2017")
    assessment = scoring.record(
        http, conversation, world["jan"], zrm, [scoring.Choice("justice", 3, "Reclassering betrokken")]
    )
    assessment_url = url("assessment", world, conversation_id=conversation.pk, assessment_id=assessment.pk)
    assert "Reclassering" not in world["client"].get(assessment_url).content.decode()
    world["client"].force_login(http.user)
    assert "Reclassering" in world["client"].get(assessment_url).content.decode()


def test_pages_of_a_conversation_of_another_household_answer_404(world):
    bakker = Household.objects.get(name="Huishouden Bakker")
    other = Conversation.objects.create(
        municipality=bakker.municipality,
        household=bakker,
        held_on=timezone.localdate(),
        recorded_by=User.objects.get(username="consulent"),
    )
    for name in ("conversation", "edit", "score", "report"):
        assert world["client"].get(url(name, world, conversation_id=other.pk)).status_code == 404
