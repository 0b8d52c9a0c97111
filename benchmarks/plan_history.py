"""A household whose plan has years of history: goals, contributions on every tier with their lower-tier
considerations, decisions and assignments, agreed versions, reviews with goal results and ZRM re-scores,
coordination hand-overs, escalations, handled signals, plan events and access-log rows.

Built for the plan-page benchmark and for the test that bounds the page's query count. The plan starts
through the write path (so its coordinator and involvements are real); the years behind it are bulk
inserted, as a real decade would be too slow to replay.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone

from stuurman.accounts.models import User
from stuurman.assessment.models import Assessment, Conversation, Domain, InstrumentVersion, Score
from stuurman.catalog.models import Provider, Service
from stuurman.catalog.rules import Tier
from stuurman.people.models import Household, Membership, NetworkMember, Person
from stuurman.plans import learning, services, snapshot
from stuurman.plans.models import (
    AgreedVersion,
    Assignment,
    Coordination,
    Decision,
    Escalation,
    FollowUpSignal,
    Goal,
    GoalResult,
    LowerTierConsideration,
    PlanEvent,
    Review,
)
from stuurman.plans.models import Contribution as Part
from stuurman.plans.reviews import add_months
from stuurman.privacy import log
from stuurman.tenancy.models import Municipality

DOMAINS = ("work", "finances", "time", "mental", "relations", "network", "housing", "participation")
FAMILY = (("Peter", 56), ("Ingrid", 53), ("Sem", 20), ("Lotte", 17), ("Daan", 13))
SERVICE_OF_TIER = {
    Tier.VOLUNTEERS: "MAATJE-WAALKANT",
    Tier.GENERAL: "AV-MANTELZORG",
    Tier.TAILORED: "WMO-BEG-IND",
    Tier.SPECIALIST: "JW-GGZ",
}


@dataclass(frozen=True)
class Size:
    years: int = 10
    goals: int = 40
    contributions: int = 60
    agreed_versions: int = 20
    events: int = 600
    log_rows: int = 1500
    hand_overs: int = 6


DECADE = Size()
COST = {Tier.TAILORED: Decimal("480.00"), Tier.SPECIALIST: Decimal("1250.00")}
WHAT = {
    Tier.SELF: "zelf doen",
    Tier.HOUSEHOLD: "samen met de familie",
    Tier.INFORMAL: "de buren helpen",
    Tier.VOLUNTEERS: "een maatje",
    Tier.GENERAL: "de inloop",
    Tier.TAILORED: "begeleiding",
    Tier.SPECIALIST: "behandeling",
}


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def _household(municipality, number: int) -> Household:
    household = Household.objects.create(municipality=municipality, name=f"Huishouden Historie {number}")
    for name, circle in (("Buurvrouw Joke", 2), ("Oom Henk", 1)):
        NetworkMember.objects.create(
            municipality=municipality, household=household, name=name, relation="other", circle=circle
        )
    today = timezone.localdate()
    for first, age in FAMILY:
        person = Person.objects.create(
            municipality=municipality,
            first_names=first,
            surname=f"Historie{number}",
            birth_date=date(today.year - age, 4, 1),
        )
        Membership.objects.create(
            household=household, person=person, role="parent" if age > 40 else "child", since=date(2000, 1, 1)
        )
    return household


@transaction.atomic
def build(size: Size = DECADE, *, coordinator="regisseur", seed: int = 7):
    """A new household in the demo's first municipality with a plan of ``size`` history; returns the plan."""
    rng = random.Random(seed)
    user = User.objects.get(username=coordinator)
    http = RequestFactory().get("/")
    http.user, http.session = user, {}
    municipality = Municipality.objects.get(pk=user.municipality_id)
    household = _household(municipality, Household.objects.count() + 1)
    today = timezone.localdate()
    start = date(today.year - size.years, today.month, 1)
    plan = services.start(http, household, coordinator=user, starts_on=start)
    people = list(household.members.order_by("birth_date"))
    names = [name for p in people for name in (p.first_names, p.surname)]

    goals = Goal.objects.bulk_create(
        Goal(
            plan=plan,
            person=people[n % len(people)],
            domain=DOMAINS[n % len(DOMAINS)],
            wording=f"Doel {n + 1}: ik wil dat het over een jaar beter gaat ({DOMAINS[n % len(DOMAINS)]}).",
            own_words=n % 3 != 0,
            described_by="inhabitant" if n % 3 else "professional",
            strengths="Doorzetter, heeft steun van de buren.",
            concerns="Raakt snel overbelast.",
            observed_by="de inwoner en de regisseur",
            target_score=4,
            target_date=add_months(start, 12 * (n % size.years + 1)),
        )
        for n in range(size.goals)
    )
    services_by_tier = {tier: Service.objects.get(code=code) for tier, code in SERVICE_OF_TIER.items()}
    provider = Provider.objects.get(agb_code="75000101")
    network = list(household.network.all()) or [None]
    parts = []
    for n in range(size.contributions):
        tier = list(Tier)[n % len(Tier)]
        begins = add_months(start, (n * 12 * size.years) // max(size.contributions, 1))
        running = n >= size.contributions - 10
        part = Part(
            plan=plan,
            goal=goals[n % len(goals)],
            tier=tier.value,
            what=f"Inzet {n + 1}: {WHAT[tier]}",
            starts_on=begins,
            ends_on=None if running else add_months(begins, 6),
            cost_per_month=COST.get(tier, Decimal(0)),
            law="wmo" if tier >= Tier.GENERAL else "",
        )
        if tier in (Tier.SELF, Tier.HOUSEHOLD):
            part.person = people[n % len(people)]
        elif tier == Tier.INFORMAL and network[0] is not None:
            part.network_member = network[n % len(network)]
        if tier in services_by_tier:
            part.service = services_by_tier[tier]
        if tier >= Tier.TAILORED:
            part.provider, part.volume, part.unit, part.frequency = provider, Decimal(4), "04", "2"
            part.delivery = "in_kind"
        part.solution_key = learning.key_for(part, names)
        parts.append(part)
    parts = Part.objects.bulk_create(parts)
    tailored = [p for p in parts if p.tier >= Tier.TAILORED]
    LowerTierConsideration.objects.bulk_create(
        LowerTierConsideration(
            contribution=p, tier=lower.value, why_not_enough="Geprobeerd, het volstaat niet voor deze vraag."
        )
        for p in tailored
        for lower in Tier
        if lower < p.tier
    )
    decisions = Decision.objects.bulk_create(
        Decision(
            contribution=p,
            decided_on=p.starts_on,
            made_known_on=p.starts_on,
            starts_on=p.starts_on,
            ends_on=p.ends_on,
            product=str(p.service),
            legal_ground="Wmo 2015, artikel 2.3.5",
            objection_due=p.starts_on + timedelta(weeks=6),
            decided_by=user,
        )
        for p in tailored
    )
    last = Assignment.objects.filter(municipality=municipality, law="wmo").order_by("-number").first()
    number = last.number if last else 0
    Assignment.objects.bulk_create(
        Assignment(
            municipality=municipality,
            contribution=d.contribution,
            provider=provider,
            law="wmo",
            number=number + i + 1,
            product_category="02",
            product_code="02A01",
            volume=4,
            unit="04",
            frequency="2",
            starts_on=d.starts_on,
            ends_on=d.ends_on,
            assigned_at=_at(d.starts_on),
        )
        for i, d in enumerate(decisions)
    )

    plain = snapshot.content(plan)
    AgreedVersion.objects.bulk_create(
        AgreedVersion(
            plan=plan,
            number=n + 1,
            plan_version=n * 10 + 2,
            agreed=n % 5 != 4,
            on=add_months(start, n * 6),
            how="signed",
            inhabitant_words="" if n % 5 != 4 else "Ik wil geen hulp in huis.",
            content=plain,
            recorded_by=user,
        )
        for n in range(size.agreed_versions)
    )

    zrm = InstrumentVersion.objects.get(instrument="zrm", version="2017")
    domain_rows = {d.code: d for d in Domain.objects.filter(version=zrm, code__in=DOMAINS)}
    reviews, results, assessments, scores = [], [], [], []
    for n in range(size.years * 2):
        held = add_months(start, 3 + n * 6)
        if held > today:
            break
        conversation = Conversation.objects.create(
            municipality=municipality, household=household, held_on=held, place="evaluatie", recorded_by=user
        )
        review = Review(
            plan=plan, due_on=held, reason="6 maanden na de vorige", held_on=held, conversation=conversation
        )
        review.held_by, review.summary = user, f"Evaluatie {n + 1}: het gaat met kleine stappen vooruit."
        reviews.append(review)
        for person in people:
            assessments.append(Assessment(conversation=conversation, person=person, version=zrm))
    Review.objects.bulk_create(reviews)
    Assessment.objects.bulk_create(assessments)
    for review in reviews:
        results += [
            GoalResult(review=review, goal=goal, result=rng.choice(["reached", "partly", "not_reached"]))
            for goal in goals
        ]
    for assessment in assessments:
        scores += [
            Score(
                assessment=assessment, domain=domain, score=rng.randint(2, 5), reason="Evaluatie van het plan"
            )
            for domain in domain_rows.values()
        ]
    GoalResult.objects.bulk_create(results, batch_size=2000)
    Score.objects.bulk_create(scores, batch_size=2000)

    Coordination.objects.bulk_create(
        Coordination(
            plan=plan,
            coordinator=user,
            reason=f"Overdracht {n + 1}",
            since=add_months(start, n),
            until=add_months(start, n + 1),
            ended_reason="Verlof",
        )
        for n in range(size.hand_overs)
    )
    Escalation.objects.bulk_create(
        Escalation(
            plan=plan,
            against="Zorg op Maat BV",
            what="Begeleiding komt niet opdagen.",
            raised_on=add_months(start, n * 12),
            raised_by=user,
            outcome="Andere begeleider ingezet.",
            resolved_on=add_months(start, n * 12 + 1),
        )
        for n in range(max(size.years // 3, 1))
    )
    FollowUpSignal.objects.bulk_create(
        FollowUpSignal(
            plan=plan,
            team=user.teams.first(),
            kind="review_overdue",
            key=f"review:{n}",
            detail="De evaluatie was te laat.",
            raised_at=_at(add_months(start, n * 6 + 4)),
            handled_at=_at(add_months(start, n * 6 + 4) + timedelta(days=2)),
            handled_by=user,
            handled_note="Evaluatie gepland.",
        )
        for n in range(size.years)
    )

    PlanEvent.objects.bulk_create(
        PlanEvent(
            plan=plan,
            version=n + 2,
            at=_at(start) + timedelta(days=n * 365 * size.years // max(size.events, 1)),
            by=user,
            summary=f"Wijziging {n + 2}: doel of inzet bijgewerkt",
        )
        for n in range(size.events)
    )
    plan.version = size.events + 1
    plan.status = "running"
    plan.save(update_fields=["version", "status"])
    services.schedule_review(plan)
    member_ids = [p.pk for p in people]
    for n in range(size.log_rows):
        log.record(
            http,
            log.Action.READ,
            purpose=f"Plan (historie {n})",
            persons=member_ids,
            objects=[plan],
            object_type="plan",
        )
    return plan
