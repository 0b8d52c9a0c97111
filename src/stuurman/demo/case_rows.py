"""Writing drawn cases (cases.py) as rows: one bulk insert per model per batch, in the batch's
transaction. It bypasses the write paths on purpose (they log and check one change at a time, which
100,000 households cannot wait for) but writes what they would: involvements that open the file to
the team and the coordinator, a plan event and the agreed version, the lower-tier considerations of
every tailored contribution, the decision's objection window, and a signal for an overdue review.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from stuurman.accounts.models import Role, Team, User
from stuurman.assessment.models import Assessment, Conversation, Domain, InstrumentVersion, Score
from stuurman.catalog.models import Contract, Service
from stuurman.catalog.rules import TIER_LABELS, Tier
from stuurman.intake import deadlines
from stuurman.intake.models import Request, Transfer
from stuurman.plans.models import (
    AgreedVersion,
    Contribution,
    Coordination,
    Decision,
    Escalation,
    FollowUpSignal,
    Goal,
    LowerTierConsideration,
    Plan,
    PlanEvent,
    Review,
)
from stuurman.privacy.models import Involvement

from . import copying
from .cases import LEGAL_GROUND, QUESTIONS, RequestDraw
from .names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES, display_surname

COORDINATORS_PER_TEAM = 3
SCORE_REASON = "Doel in het plan op dit leefgebied"
try:  # the learning assortment names tailored solutions (plans/solutions.py) when that exists
    from stuurman.plans.solutions import solution_key
except ImportError:  # pragma: no cover
    solution_key = None


def _aware(day, hour=9):
    return timezone.make_aware(datetime.combine(day, time(hour)))


@dataclass
class Context:
    """What every batch refers to, read once per run."""

    recorder: User
    services: dict[str, Service]
    local: dict[int, list[Service]]  # per municipality
    providers: dict[str, list[int]]
    coordinators: dict[int, list[User]]
    other_teams: dict[int, list[Team]]
    zrm: InstrumentVersion | None
    zrm_domains: dict[str, Domain]
    ladder: InstrumentVersion | None
    has_solution_key: bool = field(default=False)

    @classmethod
    def load(cls, recorder: User, teams: list[Team]) -> "Context":
        services = {s.code: s for s in Service.objects.filter(shared_with_region=True)}
        local = defaultdict(list)
        for service in Service.objects.filter(
            kind=Service.Kind.LOCAL_INITIATIVE, end_date__isnull=True
        ).order_by("pk"):
            local[service.municipality_id].append(service)
        providers = defaultdict(list)
        for code, provider in Contract.objects.values_list("service__code", "provider_id").order_by("pk"):
            providers[code].append(provider)
        zrm = InstrumentVersion.objects.filter(instrument="zrm", version="2017").first()
        others = defaultdict(list)
        for team in teams:
            for other in teams:
                if other.municipality_id == team.municipality_id and other.pk != team.pk:
                    others[team.pk].append(other)
        return cls(
            recorder=recorder,
            services=services,
            local=local,
            providers=providers,
            coordinators=_coordinators(teams),
            other_teams=others,
            zrm=zrm,
            zrm_domains={d.code: d for d in Domain.objects.filter(version=zrm)} if zrm else {},
            ladder=InstrumentVersion.objects.filter(instrument="participatieladder").first(),
            has_solution_key=solution_key is not None
            and any(f.name == "solution_key" for f in Contribution._meta.get_fields()),
        )


def _coordinators(teams: list[Team]) -> dict[int, list[User]]:
    """Each team's coordinators: its members who coordinate, plus generated ones (no password)."""
    role = Role.objects.filter(slug="coordinator").select_related("group").first()
    found = {}
    for team in teams:
        members = [u for u in team.members.order_by("pk") if u.has_perm("plans.coordinate_plan")]
        for n in range(1, COORDINATORS_PER_TEAM + 1):
            username = f"regie.{team.pk}.{n}"
            user = User.objects.filter(username=username).first()
            if user is None:
                first = (FEMALE_FIRST_NAMES if (team.pk + n) % 2 else MALE_FIRST_NAMES)[
                    (team.pk * 7 + n) % 40
                ]
                prefix, surname = SURNAMES[(team.pk * 13 + n * 5) % len(SURNAMES)]
                user = User.objects.create(
                    username=username,
                    first_name=first,
                    last_name=display_surname(prefix, surname),
                    municipality=team.municipality,
                    password=make_password(None),
                )
                if role is not None:
                    user.groups.add(role.group)
                team.members.add(user)
            if user not in members:
                members.append(user)
        found[team.pk] = members
    return found


def write(items: list[tuple], context: Context, today) -> None:
    """``items``: (household, person ids by member index, address team, CaseDraw or None, advice or None)."""
    now = timezone.now()
    requests, owners = [], []
    for household, persons, team, case, advice in items:
        if team is None:
            continue
        for draw in (case.requests if case else []) + ([advice] if advice else []):
            requests.append(_request(household, persons[0], team, draw, context, today))
            owners.append((household.pk, draw))
    Request.objects.bulk_create(requests)
    requests_of = defaultdict(list)
    for request, (household_id, _draw) in zip(requests, owners, strict=True):
        requests_of[household_id].append(request)

    with_plans = [(h, p, t, c) for h, p, t, c, _ in items if t is not None and c is not None and c.plan]
    involvements, transfers = [], []
    for household, _persons, team, case, _advice in items:
        if team is None or case is None:
            continue
        since = _aware(case.requests[0].received_on)
        until = (
            None
            if case.open_now
            else _aware(
                case.plan.ends_on + timedelta(days=1)
                if case.plan
                else case.requests[-1].received_on + timedelta(days=60)
            )
        )
        involvements.append(
            {
                "municipality_id": household.municipality_id,
                "household_id": household.pk,
                "team_id": team.pk,
                "source": Involvement.Source.TEAM_LEAD,
                "reason": QUESTIONS[case.requests[0].law],
                "since": since,
                "until": until,
                "created_by_id": context.recorder.pk,
            }
        )
        if case.transfer_days_ago and context.other_teams.get(team.pk):
            to = context.other_teams[team.pk][case.transfer_days_ago % len(context.other_teams[team.pk])]
            transfers.append(
                {
                    "request_id": requests_of[household.pk][0].pk,
                    "from_team_id": team.pk,
                    "to_team_id": to.pk,
                    "reason": "Hoort bij het team van het andere gebied",
                    "state": Transfer.State.PENDING,
                    "sent_by_id": context.recorder.pk,
                    "sent_at": now - timedelta(days=case.transfer_days_ago),
                }
            )
    plans = [
        Plan(
            municipality=h.municipality,
            household=h,
            status=c.plan.status,
            starts_on=c.plan.starts_on,
            ends_on=c.plan.ends_on,
            next_review_on=c.plan.next_review_on,
            next_review_reason="" if c.plan.next_review_on is None else "volgens het schema",
            created_by=context.recorder,
            created_at=_aware(c.plan.starts_on),
        )
        for h, _p, _t, c in with_plans
    ]
    Plan.objects.bulk_create(plans)
    coordinator_of = {}
    coordinations, events, agreed, links = [], [], [], []
    for plan, (household, _persons, team, case) in zip(plans, with_plans, strict=True):
        pool = context.coordinators[team.pk]
        coordinator = pool[case.plan.coordinator % len(pool)]
        coordinator_of[plan.pk] = coordinator
        ended = case.plan.ends_on if case.plan.status == "ended" else None
        coordinations.append(
            {
                "plan_id": plan.pk,
                "coordinator_id": coordinator.pk,
                "temporary": False,
                "reason": "Plan opgesteld",
                "since": plan.starts_on,
                "until": ended,
                "ended_reason": "Plan beëindigd" if ended else "",
            }
        )
        events.append(
            {
                "plan_id": plan.pk,
                "version": 1,
                "at": _aware(plan.starts_on),
                "by_id": coordinator.pk,
                "summary": "Plan opgesteld",
            }
        )
        if plan.status != "draft":
            content = {
                "household": household.name,
                "starts_on": plan.starts_on.isoformat(),
                "ends_on": plan.ends_on.isoformat() if plan.ends_on else "",
                "coordinator": str(coordinator),
                "goals": [],
                "contributions": [],
            }
            agreed.append(
                {
                    "plan_id": plan.pk,
                    "number": 1,
                    "plan_version": 1,
                    "agreed": True,
                    "on": plan.starts_on,
                    "how": AgreedVersion.How.VERBAL,
                    "content": content,
                    "recorded_by_id": coordinator.pk,
                }
            )
        reference = f"plans.plan:{plan.pk}"
        until = _aware(ended + timedelta(days=1)) if ended else None
        for party in ({"user_id": coordinator.pk}, {"team_id": team.pk}):
            involvements.append(
                {
                    "municipality_id": household.municipality_id,
                    "household_id": household.pk,
                    "source": Involvement.Source.PLAN,
                    "reference": reference,
                    "reason": "Regie over het plan",
                    "since": _aware(plan.starts_on),
                    "until": until,
                    "created_by_id": context.recorder.pk,
                    **party,
                }
            )
        for request in requests_of[household.pk]:
            links.append({"plan_id": plan.pk, "request_id": request.pk})
    for model, rows in (
        (Coordination, coordinations),
        (PlanEvent, events),
        (AgreedVersion, agreed),
        (Plan.requests.through, links),
        (Involvement, involvements),
        (Transfer, transfers),
    ):
        copying.insert(model, rows)
    _plan_parts(plans, with_plans, coordinator_of, context, today, now)


def _request(household, head, team, draw: RequestDraw, context: Context, today) -> Request:
    open_now = not draw.closed
    due = None
    if open_now and draw.application_on is None:
        due = (
            deadlines.wmo_after_melding(draw.received_on)[2].due
            if draw.law == "wmo"
            else draw.received_on + timedelta(weeks=8)
        )
    return Request(
        municipality=household.municipality,
        channel=Request.Channel.PHONE,
        question=QUESTIONS[draw.law],
        life_domains=[],
        safety_concern=False,
        person_id=head,
        household=household,
        law=draw.law,
        status=Request.Status.ROUTED if open_now else Request.Status.CLOSED,
        responsible_team=team,
        received_on=draw.received_on,
        registered_at=_aware(draw.received_on, 10),
        registered_by=context.recorder,
        outcome=draw.outcome,
        line=draw.line,
        motivation="Vraagverheldering aan de telefoon",
        closed_reason="" if open_now else ("Geholpen met advies" if draw.line == 0 else "Dossier afgesloten"),
        application_on=draw.application_on,
        application_basis="ondertekend gespreksverslag" if draw.application_on else "",
        next_deadline="Onderzoek afgerond" if due else "",
        next_due=due,
    )


def _plan_parts(plans, with_plans, coordinator_of, context: Context, today, now) -> None:
    goals, goal_keys = [], []
    for plan, (_h, persons, _t, case) in zip(plans, with_plans, strict=True):
        for index, (member, domain, _law) in enumerate(case.plan.goals):
            goals.append(
                Goal(
                    plan=plan,
                    person_id=persons[member],
                    domain=domain,
                    wording=f"Het gaat weer beter met {domain}",
                    described_by=Goal.Described.INHABITANT,
                    target_score=4,
                )
            )
            goal_keys.append((plan.pk, index))
    Goal.objects.bulk_create(goals)
    goal_of = dict(zip(goal_keys, goals, strict=True))

    contributions, decisions_for = [], []
    for plan, (household, _persons, _t, case) in zip(plans, with_plans, strict=True):
        for draw in case.plan.contributions:
            service = None
            if draw.service == "*local":
                options = context.local.get(household.municipality_id) or [
                    s for group in context.local.values() for s in group
                ]
                service = options[plan.pk % len(options)] if options else None
            elif draw.service:
                service = context.services.get(draw.service)
            if draw.tier >= Tier.GENERAL and service is None:
                continue
            providers = context.providers.get(draw.service) or []
            contribution = Contribution(
                plan=plan,
                goal=goal_of.get((plan.pk, draw.goal)),
                tier=draw.tier,
                service=service,
                provider_id=providers[plan.pk % len(providers)]
                if providers and draw.tier >= Tier.TAILORED
                else None,
                what=draw.what,
                starts_on=draw.starts_on,
                ends_on=draw.ends_on,
                law=draw.law,
                delivery=draw.delivery,
                cost_per_month=draw.cost_per_month,
            )
            if context.has_solution_key and draw.tier >= Tier.TAILORED:
                contribution.solution_key = solution_key(draw.what)
            contributions.append(contribution)
            decisions_for.append((contribution, draw, coordinator_of[plan.pk]))
    Contribution.objects.bulk_create(contributions)
    considerations, decisions = [], []
    for contribution, draw, coordinator in decisions_for:
        if draw.tier < Tier.TAILORED:
            continue
        for lower in Tier:
            if lower < draw.tier:
                considerations.append(
                    {
                        "contribution_id": contribution.pk,
                        "tier": lower,
                        "considered": True,
                        "why_not_enough": f"Besproken: {TIER_LABELS[lower]} is niet genoeg voor deze vraag.",
                    }
                )
        if draw.decision:
            granted, decided, known = draw.decision
            decisions.append(
                {
                    "contribution_id": contribution.pk,
                    "granted": granted,
                    "decided_on": decided,
                    "made_known_on": known,
                    "starts_on": contribution.starts_on,
                    "ends_on": contribution.ends_on,
                    "product": str(contribution.service)[:150],
                    "legal_ground": LEGAL_GROUND[draw.law],
                    "objection_due": deadlines.objection_window(known).due,
                    "decided_by_id": coordinator.pk,
                }
            )
    copying.insert(LowerTierConsideration, considerations)
    copying.insert(Decision, decisions)
    _follow_up(plans, with_plans, coordinator_of, context, today, now)


def _follow_up(plans, with_plans, coordinator_of, context: Context, today, now) -> None:
    reviews, conversations, escalations, signals = [], [], [], []
    for plan, (household, _persons, team, case) in zip(plans, with_plans, strict=True):
        coordinator = coordinator_of[plan.pk]
        for review in case.plan.reviews:
            reviews.append(
                {
                    "plan_id": plan.pk,
                    "due_on": review.due_on,
                    "reason": review.reason,
                    "held_on": review.held_on,
                    "held_by_id": coordinator.pk,
                }
            )
        for moment in case.plan.moments:
            conversations.append(
                Conversation(
                    municipality=household.municipality,
                    household=household,
                    held_on=moment.held_on,
                    recorded_by=coordinator,
                )
            )
        if case.plan.escalation:
            raised, forced = case.plan.escalation
            escalations.append(
                {
                    "plan_id": plan.pk,
                    "against": "Zorggroep Rivierenland",
                    "what": "Start van de begeleiding blijft uit",
                    "doorzettingsmacht": forced,
                    "raised_on": raised,
                    "raised_by_id": coordinator.pk,
                }
            )
        due = case.plan.next_review_on
        if due is not None and due < today and plan.status != "ended":
            signals.append(
                {
                    "plan_id": plan.pk,
                    "team_id": team.pk,
                    "kind": FollowUpSignal.Kind.REVIEW_OVERDUE,
                    "key": f"review:{due}",
                    "detail": f"De evaluatie had uiterlijk {due:%d-%m-%Y} moeten plaatsvinden.",
                    "raised_at": now,
                }
            )
    copying.insert(Review, reviews)
    Conversation.objects.bulk_create(conversations)
    copying.insert(Escalation, escalations)
    copying.insert(FollowUpSignal, signals)
    if context.zrm is None:
        return
    assessments, scores = [], []
    conversation_iter = iter(conversations)
    for _plan, (_household, persons, _team, case) in zip(plans, with_plans, strict=True):
        for moment in case.plan.moments:
            conversation = next(conversation_iter)
            for member, domains in moment.scores.items():
                rung = moment.rungs.get(member)
                assessment = Assessment(
                    conversation=conversation,
                    person_id=persons[member],
                    version=context.zrm,
                    law=moment.law.get(member, ""),
                    ladder=context.ladder if rung and context.ladder else None,
                    rung_now=rung[0] if rung and context.ladder else None,
                    rung_attainable=rung[1] if rung and context.ladder else None,
                )
                assessments.append(assessment)
                scores.append((assessment, domains))
    Assessment.objects.bulk_create(assessments)
    copying.insert(
        Score,
        [
            {
                "assessment_id": a.pk,
                "domain_id": context.zrm_domains[code].pk,
                "score": value,
                "reason": SCORE_REASON,
            }
            for a, domains in scores
            for code, value in domains.items()
            if code in context.zrm_domains
        ],
    )
