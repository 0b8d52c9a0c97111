"""Reviews and the 'arrangement no longer suffices' signal: each trigger raises it once, for the
coordinator's team; decisions with their objection window and assignments ready for a 301."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from stuurman.assessment import scoring
from stuurman.assessment.models import Conversation, InstrumentVersion
from stuurman.catalog.rules import Tier
from stuurman.intake import deadlines
from stuurman.plans import decisions, follow_up_signals, reviewing
from stuurman.plans.models import Assignment, FollowUpSignal
from stuurman.plans.services import Considered

from .factories import a_contribution, a_goal, a_plan, a_provider, a_service, member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
CONSIDERED = [Considered(tier, True, "Geprobeerd; het volstaat niet voor Jan.") for tier in list(Tier)[:5]]


def first_assessment(http, plan, held_on, scores):
    conversation = Conversation.objects.create(
        municipality=plan.municipality, household=plan.household, held_on=held_on, recorded_by=http.user
    )
    zrm = InstrumentVersion.objects.get(instrument="zrm", version="2017")
    choices = [scoring.Choice(code, score, "Keukentafelgesprek") for code, score in scores.items()]
    scoring.record(http, conversation, member(plan.household, "Jan"), zrm, choices)


def test_a_review_three_months_on_with_a_lower_score_raises_the_signal_for_the_team(demo_region):
    start = TODAY - timedelta(days=92)
    http, plan = a_plan(starts_on=start)
    first_assessment(http, plan, start, {"work": 3, "finances": 2})
    work = a_goal(http, plan, "Jan", "work", "Ik wil weer aan het werk.")
    assert plan.next_review_on <= TODAY
    jan = member(plan.household, "Jan")
    review = reviewing.hold(
        http,
        plan,
        plan.version,
        held_on=TODAY,
        results={work.pk: ("not_reached", "Geen sollicitaties")},
        scores={jan.pk: {"work": 2}},
    )
    assert review.results.get().result == "not_reached"
    (signal,) = FollowUpSignal.objects.all()
    assert (signal.kind, signal.detail, signal.team.name) == (
        "score_declined",
        "Jan, Werk en opleiding: van 3 naar 2",
        "Wijkteam Centrum-Noord",
    )
    plan.refresh_from_db()
    assert plan.next_review_on > TODAY, "the next review is scheduled by rule"


def test_a_review_marks_every_goal_and_scores_only_plan_domains(demo_region):
    http, plan = a_plan(starts_on=TODAY - timedelta(days=30))
    work = a_goal(http, plan)
    jan = member(plan.household, "Jan")
    with pytest.raises(ValidationError, match="bereikt is"):
        reviewing.hold(http, plan, plan.version, held_on=TODAY, results={}, scores={})
    with pytest.raises(ValidationError, match="alleen de leefgebieden van het plan"):
        reviewing.hold(
            http,
            plan,
            plan.version,
            held_on=TODAY,
            results={work.pk: ("reached", "")},
            scores={jan.pk: {"housing": 3}},
        )


def test_a_contribution_that_ends_without_replacement_and_an_overdue_review_each_signal_once(demo_region):
    start = TODAY - timedelta(days=200)
    http, plan = a_plan(starts_on=start)
    goal = a_goal(http, plan)
    a_contribution(
        http,
        plan,
        Tier.INFORMAL,
        "Kees neemt Jan mee naar de bouw",
        goal=goal,
        ends_on=TODAY - timedelta(days=3),
    )
    raised = follow_up_signals.check(plan)
    assert sorted(s.kind for s in raised) == ["ended_without_replacement", "review_overdue"]
    assert follow_up_signals.check(plan) == [], "the same cause is signalled once while it is open"
    assert follow_up_signals.check_all() == 0


def test_a_replacement_means_no_signal(demo_region):
    http, plan = a_plan(starts_on=TODAY - timedelta(days=20))
    goal = a_goal(http, plan)
    ended = TODAY - timedelta(days=3)
    a_contribution(http, plan, Tier.INFORMAL, "Kees", goal=goal, ends_on=ended)
    a_contribution(http, plan, Tier.VOLUNTEERS, "Maatje", goal=goal, starts_on=ended + timedelta(days=1))
    assert follow_up_signals.check(plan) == []


def tailored(http, plan):
    goal = a_goal(http, plan)
    service, provider = a_service(), a_provider()
    return a_contribution(
        http,
        plan,
        Tier.TAILORED,
        "Begeleiding individueel",
        CONSIDERED,
        goal=goal,
        service=service,
        provider=provider,
        law="wmo",
        volume=4,
        unit="04",
        frequency="2",
        cost_per_month="780.00",
    )


def test_a_decision_has_its_objection_window_and_the_assignment_is_numbered_per_municipality_and_law(
    demo_region,
):
    http, plan = a_plan(starts_on=TODAY - timedelta(days=10))
    contribution = tailored(http, plan)
    with pytest.raises(ValidationError, match="eerst de beschikking"):
        decisions.assign(http, contribution, plan.version)
    decision = decisions.decide(
        http,
        contribution,
        plan.version,
        granted=True,
        decided_on=TODAY - timedelta(days=2),
        made_known_on=TODAY - timedelta(days=1),
        legal_ground="Wmo 2015 art. 2.3.5",
    )
    assert decision.objection_due == deadlines.objection_window(TODAY - timedelta(days=1)).due
    contribution.refresh_from_db()
    first = decisions.assign(http, contribution, contribution.plan.version)
    second = decisions.assign(http, contribution, contribution.plan.version, budget_cents=120000)
    assert (first.number, first.volume, first.unit, first.frequency, first.budget_cents) == (
        1,
        4,
        "04",
        "2",
        None,
    )
    assert (second.number, second.volume, second.unit, second.budget_cents) == (2, None, "", 120000)
    assert first.product_category == contribution.service.product_category
    assert Assignment.objects.filter(law="wmo").count() == 2


def test_a_general_provision_needs_no_decision(demo_region):
    http, plan = a_plan()
    goal = a_goal(http, plan)
    general = a_service("general")
    contribution = a_contribution(http, plan, Tier.GENERAL, "Maaltijdservice", goal=goal, service=general)
    with pytest.raises(ValidationError, match="Alleen maatwerk"):
        decisions.decide(
            http,
            contribution,
            plan.version,
            granted=True,
            decided_on=TODAY,
            made_known_on=TODAY,
            legal_ground="x",
        )


def test_a_review_cannot_be_recorded_ahead(demo_region):
    http, plan = a_plan(starts_on=date(2026, 9, 1))
    goal = a_goal(http, plan)
    with pytest.raises(ValidationError, match="niet vooruit"):
        reviewing.hold(
            http,
            plan,
            plan.version,
            held_on=TODAY + timedelta(days=1),
            results={goal.pk: ("reached", "")},
            scores={},
        )
