"""Scoring: no domain is mandatory, every chosen domain needs a reason, Justitie only for who needs it."""

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from stuurman.accounts.models import User
from stuurman.assessment import scoring
from stuurman.assessment.models import Conversation, InstrumentVersion, Score
from stuurman.people.models import Household, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(demo_region):
    consultant = User.objects.get(username="consulent")
    http = RequestFactory().post("/")
    http.user = consultant
    household = Household.objects.get(name="Huishouden De Vries")
    conversation = Conversation.objects.create(
        municipality=household.municipality,
        household=household,
        held_on=timezone.localdate(),
        recorded_by=consultant,
    )
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    return http, conversation, jan, InstrumentVersion.objects.get(instrument="zrm", version="2017")


def test_no_domain_is_mandatory(setting):
    http, conversation, jan, zrm = setting
    assessment = scoring.record(http, conversation, jan, zrm, [])
    assert assessment.scores.count() == 0


def test_four_chosen_domains_each_with_a_reason_and_not_assessed_is_valid(setting):
    http, conversation, jan, zrm = setting
    choices = [
        scoring.Choice("finances", 2, "WW en vaste lasten"),
        scoring.Choice("work", 2, "Baan verloren"),
        scoring.Choice("mental", None, "Somber, nog niet te beoordelen"),
        scoring.Choice("justice", 4, "Eerder contact met reclassering"),
    ]
    assessment = scoring.record(http, conversation, jan, zrm, choices)
    assert sorted(assessment.scores.values_list("domain__code", "score")) == [
        ("finances", 2),
        ("justice", 4),
        ("mental", None),
        ("work", 2),
    ]


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (scoring.Choice("finances", 2, "  "), "Financiën: geef aan waarom"),
        (scoring.Choice("finances", 6, "reden"), "tussen 1 en 5"),
        (scoring.Choice("adl", 3, "reden"), "'adl' is geen leefgebied"),
    ],
)
def test_a_chosen_domain_without_a_reason_or_with_a_bad_score_is_refused_and_nothing_is_stored(
    setting, choice, message
):
    http, conversation, jan, zrm = setting
    with pytest.raises(ValidationError, match=message):
        scoring.record(http, conversation, jan, zrm, [scoring.Choice("housing", 4, "reden"), choice])
    assert not Score.objects.exists()


def test_justitie_scores_only_for_roles_that_need_them(setting):
    http, conversation, jan, zrm = setting
    assessment = scoring.record(
        http,
        conversation,
        jan,
        zrm,
        [scoring.Choice("finances", 2, "WW"), scoring.Choice("justice", 3, "Halt-verwijzing zoon")],
    )
    consultant, coordinator = User.objects.get(username="consulent"), User.objects.get(username="regisseur")
    assert [s.domain.code for s in scoring.visible_scores(consultant, assessment)] == ["finances"]
    assert [s.domain.code for s in scoring.visible_scores(coordinator, assessment)] == ["finances", "justice"]
