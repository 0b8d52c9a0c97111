"""Small constructed data for the monitor: households in a buurt of the demo region, plans with
contributions, decisions, reviews, requests and assessments, written straight to the models (the
write paths have their own tests; here only what the monitor counts matters)."""

from datetime import date, datetime, time
from decimal import Decimal
from itertools import count

from django.utils import timezone

from stuurman.accounts.models import Team, User
from stuurman.assessment.models import Assessment, Conversation, Domain, InstrumentVersion, Score
from stuurman.intake.models import Request
from stuurman.people.models import Household, Membership, Person
from stuurman.plans.models import Contribution, Coordination, Decision, Goal, Plan, Review
from stuurman.tenancy.models import Area

_numbers = count(1)
H1 = date(2025, 1, 1)


def _aware(day):
    return timezone.make_aware(datetime.combine(day, time(9)))


def household(buurt="Bloemenbuurt", ages=(40,), name=None) -> Household:
    area = Area.objects.get(name=buurt, kind="buurt")
    n = next(_numbers)
    home = Household.objects.create(
        municipality=area.municipality, name=name or f"Huishouden Test {n}", area=area
    )
    for i, age in enumerate(ages):
        person = Person.objects.create(
            municipality=area.municipality,
            surname=f"Testpersoon{n}x{i}",
            birth_date=date(2026 - age, 3, 1),
            area=area,
        )
        Membership.objects.create(
            household=home, person=person, role="parent" if age >= 18 else "child", since=date(2000, 1, 1)
        )
    return home


def plan(home, *, status="running", starts_on=H1, ends_on=None) -> Plan:
    regisseur = User.objects.get(username="regisseur")
    made = Plan.objects.create(
        municipality=home.municipality,
        household=home,
        status=status,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=regisseur,
        created_at=_aware(starts_on),
    )
    Coordination.objects.create(
        plan=made,
        coordinator=regisseur,
        reason="Test",
        since=starts_on,
        until=ends_on if status == "ended" else None,
    )
    return made


def contribution(
    the_plan,
    tier,
    *,
    law="",
    starts_on=H1,
    ends_on=None,
    cost=0,
    delivery="",
    granted=True,
    decided_on=None,
    domain="work",
    person=None,
) -> Contribution:
    person = person or the_plan.household.members.first()
    goal = Goal.objects.create(
        plan=the_plan, person=person, domain=domain, wording="Een doel", described_by="inhabitant"
    )
    made = Contribution.objects.create(
        plan=the_plan,
        goal=goal,
        tier=tier,
        what="Inzet",
        starts_on=starts_on,
        ends_on=ends_on,
        law=law,
        delivery=delivery,
        cost_per_month=Decimal(cost),
    )
    if tier >= 6 and granted is not None:
        decision(made, granted=granted, decided_on=decided_on or starts_on)
    return made


def decision(the_contribution, *, granted=True, decided_on=H1) -> Decision:
    return Decision.objects.create(
        contribution=the_contribution,
        granted=granted,
        decided_on=decided_on,
        made_known_on=decided_on,
        starts_on=the_contribution.starts_on,
        product="Product",
        legal_ground="Wet",
        objection_due=decided_on,
        decided_by=User.objects.get(username="regisseur"),
    )


def request(home, *, law="wmo", received_on=H1, line=None, application_on=None, the_plan=None) -> Request:
    team = Team.objects.get(name="Wijkteam Centrum-Noord")
    made = Request.objects.create(
        municipality=home.municipality,
        question="Een vraag",
        safety_concern=False,
        person=home.members.first(),
        household=home,
        law=law,
        responsible_team=team,
        received_on=received_on,
        registered_at=_aware(received_on),
        registered_by=User.objects.get(username="loket"),
        line=line,
        application_on=application_on,
    )
    if the_plan is not None:
        the_plan.requests.add(made)
    return made


def review(the_plan, *, due_on, held_on) -> Review:
    return Review.objects.create(
        plan=the_plan,
        due_on=due_on,
        reason="Test",
        held_on=held_on,
        held_by=User.objects.get(username="regisseur"),
    )


def assessment(home, person, held_on, *, scores=None, rung=None, law="wmo", version="2017") -> Assessment:
    conversation = Conversation.objects.create(
        municipality=home.municipality,
        household=home,
        held_on=held_on,
        recorded_by=User.objects.get(username="consulent"),
    )
    zrm = InstrumentVersion.objects.get(instrument="zrm", version=version)
    ladder = InstrumentVersion.objects.get(instrument="participatieladder") if rung else None
    made = Assessment.objects.create(
        conversation=conversation,
        person=person,
        version=zrm,
        law=law,
        ladder=ladder,
        rung_now=rung[0] if rung else None,
        rung_attainable=rung[1] if rung else None,
    )
    for code, value in (scores or {}).items():
        Score.objects.create(
            assessment=made, domain=Domain.objects.get(version=zrm, code=code), score=value, reason="Test"
        )
    return made
