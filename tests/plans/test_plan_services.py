"""The plan's write path: one plan per household, exactly one coordinator (also across a temporary
hand-over and back), involvements that follow, the tier rule, agreement with kept versions, and no lost
updates."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from stuurman.accounts.models import User
from stuurman.catalog.rules import Tier
from stuurman.people.models import Person
from stuurman.plans import coordination, services
from stuurman.plans.models import Contribution, Coordination, Plan
from stuurman.plans.services import Considered
from stuurman.plans.versioning import Conflict
from stuurman.privacy.models import AccessLog, Involvement

from .factories import REASONS, a_contribution, a_goal, a_plan, a_service, de_vries, http_as

pytestmark = pytest.mark.django_db


def open_coordinations(plan):
    return list(plan.coordinations.filter(until__isnull=True))


def test_a_plan_starts_with_one_coordinator_whose_team_becomes_involved(demo_region):
    _, plan = a_plan()
    assert [c.coordinator.username for c in open_coordinations(plan)] == ["regisseur"]
    involved = Involvement.objects.filter(reference=f"plans.plan:{plan.pk}", until__isnull=True)
    assert {(i.user.username if i.user else i.team.name) for i in involved} == {
        "regisseur",
        "Wijkteam Centrum-Noord",
    }
    assert plan.next_review_on == date(2026, 12, 1)
    assert AccessLog.objects.filter(object_type="plan", action="create").count() == 1


def test_one_household_one_plan(demo_region):
    a_plan()
    with pytest.raises(ValidationError, match="één huishouden, één plan"):
        a_plan()
    plan = Plan.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.create(
            municipality=plan.municipality,
            household=plan.household,
            starts_on=date(2026, 1, 1),
            created_by=plan.created_by,
            created_at=plan.created_at,
        )


def test_a_second_open_coordinator_is_refused_by_the_database(demo_region):
    _, plan = a_plan()
    with pytest.raises(IntegrityError), transaction.atomic():
        Coordination.objects.create(
            plan=plan, coordinator=User.objects.get(username="teamleider"), reason="x", since=date(2026, 9, 2)
        )


def test_only_someone_who_may_coordinate_can_be_coordinator(demo_region):
    with pytest.raises(ValidationError, match="kan geen regie voeren"):
        a_plan(coordinator="consulent")


def test_a_temporary_hand_over_to_a_gi_and_back_keeps_exactly_one_coordinator(demo_region):
    http, plan = a_plan()
    coordination.hand_over_temporarily(
        http, plan, plan.version, "Jeugdbescherming Gelderland", "Ondertoezichtstelling van Roos"
    )
    (now,) = open_coordinations(plan)
    assert (now.organisation, now.temporary, now.coordinator) == ("Jeugdbescherming Gelderland", True, None)
    involved = Involvement.objects.filter(reference=f"plans.plan:{plan.pk}", until__isnull=True)
    assert [i.organisation for i in involved] == ["Jeugdbescherming Gelderland"]
    with pytest.raises(ValidationError, match="al tijdelijk overgedragen"):
        coordination.hand_over_temporarily(http, plan, plan.version, "Veilig Thuis", "Nog een maatregel")
    coordination.take_back(http, plan, plan.version, http.user, "De ondertoezichtstelling is beëindigd")
    (back,) = open_coordinations(plan)
    assert (back.coordinator.username, back.temporary) == ("regisseur", False)
    assert plan.coordinations.count() == 3
    assert Involvement.objects.filter(reference=f"plans.plan:{plan.pk}", until__isnull=True).count() == 2


def test_handing_over_to_another_coordinator_moves_the_involvements(demo_region):
    http, plan = a_plan()
    lead = User.objects.get(username="teamleider")
    coordination.hand_over(http, plan, plan.version, lead, "Regisseur met verlof")
    assert [c.coordinator for c in open_coordinations(plan)] == [lead]
    users = Involvement.objects.filter(
        reference=f"plans.plan:{plan.pk}", until__isnull=True, user__isnull=False
    )
    assert [i.user for i in users] == [lead]


def test_a_tailored_contribution_is_refused_without_the_lower_tiers_and_saved_with_them(demo_region):
    http, plan = a_plan()
    goal = a_goal(http, plan)
    service = a_service()
    with pytest.raises(ValidationError) as refused:
        a_contribution(http, plan, Tier.TAILORED, "Begeleiding naar werk", goal=goal, service=service)
    assert len(refused.value.messages) == 5
    assert not Contribution.objects.exists()
    considered = [Considered(tier, True, reason) for tier, reason in REASONS.items()]
    saved = a_contribution(
        http, plan, Tier.TAILORED, "Begeleiding naar werk", considered, goal=goal, service=service
    )
    assert saved.considerations.count() == 5


def test_lower_tiers_need_no_consideration_and_people_must_belong_to_the_household(demo_region):
    http, plan = a_plan()
    goal = a_goal(http, plan)
    household = de_vries()
    a_contribution(
        http,
        plan,
        Tier.SELF,
        "Solliciteert twee keer per week",
        goal=goal,
        person=household.members.get(first_names="Jan"),
    )
    with pytest.raises(ValidationError, match="iemand van dit huishouden"):
        a_contribution(http, plan, Tier.SELF, "Boodschappen", person=Person.objects.get(first_names="Riek"))


def test_two_people_editing_the_same_plan_cannot_overwrite_each_other(demo_region):
    http, plan = a_plan()
    seen_by_both = plan.version
    services.save_goal(http, plan, seen_by_both, a_goal_object(plan, "Jan", "Ik wil weer werken."))
    other = http_as("teamleider")
    stale = Plan.objects.get()
    with pytest.raises(Conflict) as conflict:
        services.change(
            other, stale, seen_by_both, starts_on=stale.starts_on, ends_on=date(2027, 9, 1), status="draft"
        )
    message = conflict.value.messages[0]
    assert "Iemand anders heeft dit plan intussen gewijzigd" in message
    assert "Doel toegevoegd: Jan, work" in message
    assert Plan.objects.get().ends_on is None


def test_agreement_keeps_the_version_as_agreed_and_disagreement_needs_own_words(demo_region):
    http, plan = a_plan()
    a_goal(http, plan, wording="Ik wil weer aan het werk.")
    with pytest.raises(ValidationError, match="eigen woorden"):
        services.agree(http, plan, plan.version, agreed=False, on=date(2026, 9, 2), how="verbal")
    version = services.agree(http, plan, plan.version, agreed=True, on=date(2026, 9, 2), how="signed")
    assert (version.number, Plan.objects.get().status) == (1, "agreed")
    a_goal(http, plan, "Els", "network", "Ik wil één dag per week voor mezelf.")
    assert [g["wording"] for g in plan.agreed_versions.get().content["goals"]] == [
        "Ik wil weer aan het werk."
    ]
    later = services.agree(
        http,
        plan,
        plan.version,
        agreed=False,
        on=date(2026, 9, 3),
        how="verbal",
        words="Ik wil geen hulp in huis.",
    )
    assert (later.number, later.agreed, len(later.content["goals"])) == (2, False, 2)


def test_ending_a_plan_ends_coordination_and_its_involvements(demo_region):
    http, plan = a_plan()
    services.change(
        http, plan, plan.version, starts_on=plan.starts_on, ends_on=date(2026, 11, 30), status="ended"
    )
    assert open_coordinations(plan) == []
    assert not Involvement.objects.filter(reference=f"plans.plan:{plan.pk}", until__isnull=True).exists()


def a_goal_object(plan, first_names, wording):
    from stuurman.plans.models import Goal

    return Goal(
        person=plan.household.members.get(first_names=first_names),
        domain="work",
        wording=wording,
        described_by="inhabitant",
    )
