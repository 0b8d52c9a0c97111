"""Classifications: recording keeps the suggestions with their grounds; the professional may choose
otherwise only with a reason, and both are kept. Facts (age, process, work capacity) feed the rules."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from stuurman.accounts.models import User
from stuurman.assessment import classifications, scoring
from stuurman.assessment.models import Assessment, Classification, Conversation, InstrumentVersion
from stuurman.people.models import Household, Person
from stuurman.privacy.models import AccessLog

pytestmark = pytest.mark.django_db

JAN = [
    scoring.Choice("finances", 2, "WW en vaste lasten"),
    scoring.Choice("work", 2, "Baan verloren"),
    scoring.Choice("mental", 3, "Somber"),
    scoring.Choice("network", 4, "Broer Kees helpt"),
]


@pytest.fixture
def setting(demo_region):
    consultant = User.objects.get(username="consulent")
    http = RequestFactory().post("/")
    http.user = consultant
    household = Household.objects.get(name="Huishouden De Vries")
    conversation = Conversation.objects.create(
        municipality=household.municipality,
        household=household,
        held_on=date(2026, 11, 20),
        recorded_by=consultant,
    )
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    return http, conversation, jan, InstrumentVersion.objects.get(instrument="zrm", version="2017")


def kept(assessment):
    return {c.kind: (c.suggested, c.chosen, c.override_reason) for c in assessment.classifications.all()}


def test_recording_keeps_every_suggestion_as_the_choice_with_its_grounds(setting):
    http, conversation, jan, zrm = setting
    facts = scoring.Facts(law="participatiewet", work_capacity_percent=90)
    assessment = scoring.record(http, conversation, jan, zrm, JAN, facts)
    assert kept(assessment) == {
        "care_need": ("redelijke zorgvraag", "redelijke zorgvraag", ""),
        "line": ("2", "2", ""),
        "profile": ("schulden", "schulden", ""),
        "work_capacity": (">80%", ">80%", ""),
    }
    profile = assessment.classifications.get(kind="profile")
    assert profile.grounds == "finances = 2"
    assert profile.rule_set == "Demo-cliëntprofielen Regio Voorbeeld 2026"
    assert assessment.classifications.get(kind="line").grounds == "≤ 3: finances, mental, work"
    assert AccessLog.objects.filter(purpose__startswith="Suggesties:", person_ids=[jan.pk]).count() == 1


def test_nothing_scored_means_no_suggestion_at_all(setting):
    http, conversation, jan, zrm = setting
    assessment = scoring.record(http, conversation, jan, zrm, [scoring.Choice("housing", None, "Verhuizing")])
    profile = classifications.suggest(assessment, classifications.active_rule_set())
    assert (
        kept(assessment)
        == {"profile": ("zelfredzaam", "zelfredzaam", "")}
        == {kind: (s.value, s.value, "") for kind, s in profile.items()}
    )


def test_age_on_the_day_of_the_conversation_and_the_process_feed_the_profile_rules(setting):
    http, conversation, jan, zrm = setting
    jan.birth_date = date(1951, 11, 21)  # 75 the day after the conversation
    jan.save()
    assessment = scoring.record(http, conversation, jan, zrm, [scoring.Choice("housing", 3, "Trap")])
    assert classifications.facts_for(assessment)["age"] == 74
    assert assessment.classifications.get(kind="profile").chosen == "zelfredzaam"
    conversation.held_on = date(2026, 11, 21)
    conversation.save()
    again = scoring.record(http, conversation, jan, zrm, [scoring.Choice("housing", 3, "Trap")])
    assert again.classifications.get(kind="profile").chosen == "oudere"


def test_a_different_choice_needs_a_reason_and_the_suggestion_stays(setting):
    http, conversation, jan, zrm = setting
    assessment = scoring.record(http, conversation, jan, zrm, JAN)
    with pytest.raises(ValidationError, match="geef de reden"):
        classifications.choose(http, assessment, "line", "1", "  ")
    assert kept(assessment)["line"] == ("2", "2", "")
    classifications.choose(http, assessment, "line", "1", "Netwerk sterk; het wijkteam volstaat")
    assert kept(assessment)["line"] == ("2", "1", "Netwerk sterk; het wijkteam volstaat")
    classifications.choose(http, assessment, "line", "2")
    assert kept(assessment)["line"] == ("2", "2", ""), "back to the suggestion: no reason kept or needed"


def test_only_known_options_can_be_chosen(setting):
    http, conversation, jan, zrm = setting
    assessment = scoring.record(http, conversation, jan, zrm, JAN)
    with pytest.raises(ValidationError, match="'3' is geen keuze voor lijn"):
        classifications.choose(http, assessment, "line", "3", "reden")
    with pytest.raises(ValidationError, match="geen keuze voor cliëntprofiel"):
        classifications.choose(http, assessment, "profile", "onbekend", "reden")
    with pytest.raises(ValidationError, match="geen soort"):
        classifications.choose(http, assessment, "mood", "x", "reden")


def test_a_choice_where_the_rules_suggested_nothing_needs_a_reason_too(setting):
    http, conversation, jan, zrm = setting
    assessment = scoring.record(http, conversation, jan, zrm, JAN)
    with pytest.raises(ValidationError, match="die hier niets voorstellen"):
        classifications.choose(http, assessment, "work_capacity", "20-80%")
    classifications.choose(http, assessment, "work_capacity", "20-80%", "Volgens de arbeidsdeskundige")
    assert kept(assessment)["work_capacity"] == ("", "20-80%", "Volgens de arbeidsdeskundige")


def test_the_database_refuses_a_different_choice_without_a_reason(setting):
    from django.db import IntegrityError, transaction

    http, conversation, jan, zrm = setting
    assessment = scoring.record(http, conversation, jan, zrm, JAN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Classification.objects.filter(assessment=assessment, kind="line").update(chosen="0")


def test_the_participation_ladder_is_kept_with_its_version_and_checked(setting):
    http, conversation, jan, zrm = setting
    assessment = scoring.record(
        http, conversation, jan, zrm, [], scoring.Facts(rung_now=2, rung_attainable=5)
    )
    assert (assessment.ladder.instrument, assessment.rung_now, assessment.rung_attainable) == (
        "participatieladder",
        2,
        5,
    )
    with pytest.raises(ValidationError, match="Haalbare trede: een trede ligt tussen 1 en 6"):
        scoring.record(http, conversation, jan, zrm, [], scoring.Facts(rung_attainable=7))
    with pytest.raises(ValidationError, match="percentage van 0 tot en met 100"):
        scoring.record(http, conversation, jan, zrm, [], scoring.Facts(work_capacity_percent=120))
    assert Assessment.objects.count() == 1
