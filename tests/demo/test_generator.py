"""Generated households: valid identifiers, believable families, the same every run."""

import random
from datetime import date

import pytest
from django.utils import timezone

from stuurman.demo.generator import _Address, _draw_household, generate_households
from stuurman.identifiers import is_valid_bsn, normalize_postcode
from stuurman.people.models import Household, Membership, Person
from stuurman.tenancy.models import Area, Municipality

TODAY = date(2026, 11, 24)
FIELDS = ("bsn", "first_names", "prefix", "surname", "birth_date", "postcode", "memberships__role")


def years_between(earlier: date, later: date) -> int:
    return later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))


def test_drawn_households_are_believable():
    """Pure check over many seeds: no database, only the drawing rules."""
    address = _Address(Municipality(name="Waalkant"), Area(name="Binnenstad"), "Waalkant", 6601, ("Markt",))
    sizes = set()
    for k in range(3000):
        drawn = _draw_household(random.Random(f"7:{k}"), [address], TODAY)
        sizes.add(len(drawn.members))
        assert normalize_postcode(drawn.postcode)[5:] not in {"SA", "SD", "SS"}
        assert drawn.name.startswith("Huishouden ")
        adults = [m for m in drawn.members if m.role != "child"]
        children = [m for m in drawn.members if m.role == "child"]
        assert adults, "every household has an adult"
        for adult in adults:
            assert 19 <= years_between(adult.birth_date, TODAY) <= 99
        for child in children:
            assert child.since == child.birth_date
            for parent in adults:
                assert years_between(parent.birth_date, child.birth_date) >= 18
        for member in drawn.members:
            assert member.since <= TODAY
    assert sizes >= {1, 2, 3, 4, 5}, "alone, couples and families of several sizes"


@pytest.mark.django_db
def test_generated_people_have_valid_bsns_postcodes_and_areas(demo_region):
    made = generate_households(150, seed=11, progress=False, today=TODAY)
    assert made == 150
    generated = Person.objects.filter(bsn__startswith="9").exclude(bsn__startswith="99")
    assert generated.count() == Membership.objects.filter(person__in=generated).count() >= 150
    assert len(set(generated.values_list("bsn", flat=True))) == generated.count()
    for person in generated.select_related("area__parent__parent", "municipality"):
        assert is_valid_bsn(person.bsn)
        person.full_clean()
        kern = person.area.parent.parent
        assert (person.area.kind, kern.kind) == ("buurt", "kern")
        assert person.city == kern.name
        assert person.area.municipality_id == person.municipality_id
    for household in Household.objects.filter(memberships__person__in=generated).distinct():
        assert {m.person.municipality_id for m in household.memberships.all()} == {household.municipality_id}


def forget_generated():
    """Everything the generator made, children first (plans and files protect what they refer to)."""
    from stuurman.assessment.models import Conversation
    from stuurman.intake.models import Request
    from stuurman.plans.models import Contribution, Decision, Plan

    households = Household.objects.filter(memberships__person__bsn__lt="990000000")
    Decision.objects.filter(contribution__plan__household__in=households).delete()
    Contribution.objects.filter(plan__household__in=households).delete()
    Plan.objects.filter(household__in=households).delete()
    Conversation.objects.filter(household__in=households).delete()
    Request.objects.filter(household__in=households).delete()
    households.delete()
    Person.objects.filter(bsn__lt="990000000").delete()


@pytest.mark.django_db
def test_same_seed_gives_the_same_households_and_later_runs_continue(demo_region):
    def snapshot():
        return list(Person.objects.filter(bsn__lt="990000000").order_by("bsn").values_list(*FIELDS))

    generate_households(40, seed=5, progress=False, today=TODAY)
    at_once = snapshot()
    forget_generated()
    generate_households(25, seed=5, progress=False, today=TODAY)
    generate_households(15, seed=5, progress=False, today=TODAY)
    assert snapshot() == at_once
    forget_generated()
    generate_households(40, seed=6, progress=False, today=TODAY)
    assert snapshot() != at_once, "another seed gives other households"


@pytest.mark.django_db
def test_generator_needs_the_region_first(db):
    with pytest.raises(RuntimeError, match="Load Regio Voorbeeld"):
        generate_households(1, progress=False)


def test_negative_count_is_refused():
    with pytest.raises(ValueError, match="0 or more"):
        generate_households(-1, progress=False)


@pytest.mark.django_db
def test_about_one_in_eight_households_has_an_open_file_with_the_team_of_its_area(demo_region):
    from stuurman.privacy.models import Involvement

    generate_households(400, seed=3, progress=False, today=TODAY)
    opened = (
        Involvement.objects.exclude(household__name__in=["Huishouden De Vries"])
        .filter(source=Involvement.Source.TEAM_LEAD, until__isnull=True)
        .select_related("household__area", "team")
    )
    assert 25 <= opened.count() <= 80
    for involvement in opened.prefetch_related("team__areas"):
        assert involvement.household.area.parent in involvement.team.areas.all()
        assert involvement.since < timezone.now()


def test_drawn_cases_keep_their_dates_in_order():
    """Pure, over many seeds: a request before its plan, decisions after the application, nothing
    held or decided in the future, and a review only after the plan started."""
    from stuurman.demo.cases import Member, draw_case

    members = [Member(0, 44), Member(1, 41), Member(2, 12), Member(3, 70)]
    plans = 0
    for k in range(1500):
        case = draw_case(random.Random(f"c:{k}"), members, TODAY, open_now=k % 3 != 0)
        first = min(r.received_on for r in case.requests)
        assert all(r.received_on < TODAY for r in case.requests)
        assert all(r.application_on is None or r.application_on > r.received_on for r in case.requests)
        if case.plan is None:
            continue
        plans += 1
        plan = case.plan
        assert first < plan.starts_on <= TODAY
        assert (plan.status == "ended") == (plan.ends_on is not None)
        for item in plan.contributions:
            assert item.ends_on is None or item.ends_on >= item.starts_on
            if item.decision:
                _granted, decided, known = item.decision
                applied = {r.law: r.application_on for r in case.requests}[item.law]
                assert applied < decided <= known <= TODAY
                assert item.starts_on >= decided
            if item.tier >= 6 and not item.decision:
                assert item.starts_on > TODAY, "tailored help waits for its decision"
        for review in plan.reviews:
            assert plan.starts_on < review.held_on < TODAY
        assert [m.held_on for m in plan.moments] == sorted(m.held_on for m in plan.moments)
    assert plans > 900


def _cases_snapshot():
    from stuurman.plans.models import Contribution

    return list(
        Contribution.objects.filter(plan__household__memberships__person__bsn__lt="990000000")
        .order_by("plan__starts_on", "tier", "what", "starts_on", "cost_per_month")
        .values_list(
            "plan__status", "plan__starts_on", "tier", "law", "starts_on", "ends_on", "cost_per_month"
        )
        .distinct()
    )


@pytest.mark.django_db
def test_households_with_a_file_get_requests_plans_decisions_reviews_and_scores(demo_region):
    from stuurman.assessment.models import Score
    from stuurman.intake.models import Request
    from stuurman.plans.models import AgreedVersion, Contribution, Coordination, Decision, Plan, Review

    generate_households(600, seed=8, progress=False, today=TODAY)
    plans = Plan.objects.exclude(household__name="Huishouden De Vries")
    assert plans.filter(status="ended").exists()
    assert plans.filter(status="running").exists()
    assert Request.objects.filter(line=0, status="closed").exists(), "questions answered at once: the 0e lijn"
    assert Decision.objects.filter(granted=True).exists()
    assert Review.objects.exists()
    assert Score.objects.exists()
    assert set(Contribution.objects.values_list("tier", flat=True)) == {1, 2, 3, 4, 5, 6, 7}
    for plan in plans.exclude(status="ended"):
        assert Coordination.objects.filter(plan=plan, until__isnull=True).count() == 1
    assert not plans.filter(status="running").exclude(pk__in=AgreedVersion.objects.values("plan")).exists()
    for item in Contribution.objects.filter(tier__gte=6).prefetch_related("considerations")[:50]:
        assert sorted(c.tier for c in item.considerations.all()) == list(range(1, item.tier))


@pytest.mark.django_db
def test_cases_are_the_same_on_every_run(demo_region):
    generate_households(120, seed=5, progress=False, today=TODAY)
    at_once = _cases_snapshot()
    assert at_once
    forget_generated()
    generate_households(70, seed=5, progress=False, today=TODAY)
    generate_households(50, seed=5, progress=False, today=TODAY)
    assert _cases_snapshot() == at_once
