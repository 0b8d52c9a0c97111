"""The learning assortment's feed: the same tailored solution, however it was typed, counted once per
plan per municipality and proposed to the functional admin when enough plans use it."""

from datetime import date

import pytest
from django.core.management import call_command
from django.test import override_settings

from stuurman.accounts.models import User
from stuurman.catalog.models import AssortmentProposal, Service
from stuurman.catalog.rules import Tier
from stuurman.people.models import Household
from stuurman.plans import learning, services
from stuurman.plans.models import Contribution
from stuurman.plans.services import Considered
from stuurman.plans.solutions import solution_key

from .factories import a_contribution, a_goal, a_plan, http_as

CONSIDERED = [Considered(t, True, "Geprobeerd; het volstaat niet.") for t in list(Tier)[:5]]


@pytest.mark.parametrize(
    ("what", "names", "key"),
    [
        ("Huiswerkbegeleiding voor Roos, twee middagen per week", ["Roos"], "huiswerkbegeleiding"),
        ("huiswerkbegeleiding (3 uur p/w)", [], "huiswerkbegeleiding"),
        ("  HUISWERKBEGELEIDING  ", [], "huiswerkbegeleiding"),
        ("Begeleiding individueel, 4 uur per week", [], "begeleiding individueel"),
        ("Een maatje voor Jan van de Vries", ["Jan", "Vries"], "maatje"),
        ("Hulp in huis 2x per week", [], "hulp in huis"),
        ("Dagbesteding 's middags", [], "dagbesteding"),
        ("4 uur per week", [], ""),
    ],
)
def test_the_same_solution_whatever_the_amount_the_rhythm_or_for_whom(what, names, key):
    assert solution_key(what, names) == key


def test_different_help_stays_different():
    assert solution_key("Begeleiding bij werk") != solution_key("Begeleiding bij de administratie")


def plan_with_tailored(household, what, tier=Tier.TAILORED):
    http = http_as("regisseur")
    plan = services.start(http, household, coordinator=http.user, starts_on=date(2026, 1, 5))
    person = household.memberships.filter(until__isnull=True).first().person
    goal = a_goal(http, plan, person.first_names, "time", "Ik wil iets doen overdag.")
    service = Service.objects.get(code="WMO-DAG")
    return a_contribution(http, plan, tier, what, CONSIDERED, goal=goal, service=service)


@pytest.mark.django_db
@override_settings(ASSORTMENT_THRESHOLD=2)
def test_a_tailored_solution_in_two_plans_of_a_municipality_is_proposed_when_saved(demo_region):
    de_vries = Household.objects.get(name="Huishouden De Vries")
    bakker = Household.objects.get(name="Huishouden Bakker")
    first = plan_with_tailored(de_vries, "Huiswerkbegeleiding voor Roos, twee middagen per week")
    assert first.solution_key == "huiswerkbegeleiding"
    assert not AssortmentProposal.objects.exists(), "one plan is not yet a pattern"
    plan_with_tailored(bakker, "huiswerkbegeleiding (3 uur p/w)")
    proposal = AssortmentProposal.objects.get()
    assert (proposal.solution, proposal.plans, proposal.municipality) == (
        "Huiswerkbegeleiding",
        2,
        de_vries.municipality,
    )


@pytest.mark.django_db
@override_settings(ASSORTMENT_THRESHOLD=1)
def test_lower_tiers_and_a_second_use_in_the_same_plan_do_not_count(demo_region):
    http, plan = a_plan()
    goal = a_goal(http, plan)
    a_contribution(http, plan, Tier.SELF, "Huiswerkbegeleiding door Jan zelf", goal=goal, person=goal.person)
    assert not AssortmentProposal.objects.exists()
    service = Service.objects.get(code="WMO-DAG")
    for what in ("Dagbesteding", "dagbesteding 2 dagdelen per week"):
        a_contribution(http, plan, Tier.TAILORED, what, CONSIDERED, goal=goal, service=service)
    assert learning.usage(plan.municipality) == {"Dagbesteding": 1}
    assert AssortmentProposal.objects.get().plans == 1


@pytest.mark.django_db
def test_the_daily_run_counts_every_municipality_and_proposes_once(demo_region):
    de_vries = Household.objects.get(name="Huishouden De Vries")
    bakker = Household.objects.get(name="Huishouden Bakker")
    with override_settings(ASSORTMENT_THRESHOLD=99):
        plan_with_tailored(de_vries, "Maatje voor de mantelzorger")
        plan_with_tailored(bakker, "Maatje voor de mantelzorger")
    assert not AssortmentProposal.objects.exists()
    with override_settings(ASSORTMENT_THRESHOLD=2):
        assert learning.feed_all() == 1
        assert learning.feed_all() == 0, "a solution is proposed once"
        call_command("follow-up")
    assert AssortmentProposal.objects.get().solution == "Maatje voor mantelzorger"
    assert User.objects.filter(username="beheer").exists()


@pytest.mark.django_db
@override_settings(ASSORTMENT_THRESHOLD=2)
def test_contributions_stored_without_the_write_path_are_counted_by_the_daily_run(demo_region):
    """Bulk inserts (the demo generator) and rows from before the key existed get it at night."""
    de_vries = Household.objects.get(name="Huishouden De Vries")
    bakker = Household.objects.get(name="Huishouden Bakker")
    for household, what in ((de_vries, "Klussendienst voor Jan"), (bakker, "klussendienst, 2x per maand")):
        contribution = plan_with_tailored(household, what)
        Contribution.objects.filter(pk=contribution.pk).update(solution_key="")
    AssortmentProposal.objects.all().delete()
    assert learning.backfill(batch=1) == 2
    assert set(Contribution.objects.values_list("solution_key", flat=True)) == {"klussendienst"}
    assert learning.feed_all() == 1
