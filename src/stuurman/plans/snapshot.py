"""The plan as the inhabitant agreed to it: plain values, so an agreed version reads the same years later,
whatever happens to the rows it came from. The plan page, the agreed versions and the PDF read this.

Read with ``values()`` (a handful of queries, no model instances): the plan page reads it whenever
its body is not in memory (page_cache.py), and a plan with ten years of history must stay quick then too
(figures: benchmarks/bench_plans.py).
"""

from decimal import Decimal

from django.db.models import Q

from stuurman import istandaarden
from stuurman.intake.models import LIFE_DOMAINS

from . import costs, tiers
from .models import Contribution, Goal, LowerTierConsideration, Plan

DOMAIN_NAMES = dict(LIFE_DOMAINS)
UNITS, FREQUENCIES = istandaarden.units(), istandaarden.frequencies()
DESCRIBED = dict(Goal.Described.choices)
DELIVERY = dict(Contribution.Delivery.choices)
TAILORED_TIERS = {tier.value for tier in tiers.NEEDS_CONSIDERATION}

_NAME = ("first_names", "prefix", "surname")
_GOAL = (
    "id",
    "person_id",
    *(f"person__{part}" for part in _NAME),
    "domain",
    "wording",
    "own_words",
    "described_by",
    "strengths",
    "concerns",
    "observed_by",
    "target_score",
    "target_rung",
    "target_date",
)
_DECISION = ("granted", "decided_on", "made_known_on", "starts_on", "ends_on", "product", "legal_ground")
_CONTRIBUTION = (
    "id",
    "goal_id",
    "tier",
    "person_id",
    *(f"person__{part}" for part in _NAME),
    "network_member__name",
    *(f"network_member__person__{part}" for part in _NAME),
    "service__name",
    "service__inhabitant_cost",
    "provider__name",
    "what",
    "volume",
    "unit",
    "frequency",
    "starts_on",
    "ends_on",
    "law",
    "delivery",
    "cost_per_month",
    "decision__id",
    *(f"decision__{field}" for field in (*_DECISION, "objection_due")),
)


def _name(row: dict, prefix: str) -> str:
    return " ".join(part for part in (row[f"{prefix}{p}"] for p in _NAME) if part)


def who(row: dict) -> str:
    """Who contributes, in words: the person, the network member, or the service and its provider."""
    if row["person_id"]:
        return _name(row, "person__")
    if row["network_member__name"] or row["network_member__person__surname"]:
        return row["network_member__name"] or _name(row, "network_member__person__")
    return " — ".join(part for part in (row["service__name"], row["provider__name"]) if part)


def _day(value) -> str:
    return value.isoformat() if value else ""


def _decision(row: dict) -> dict | None:
    if row["decision__id"] is None:
        return None
    found = {field: row[f"decision__{field}"] for field in (*_DECISION, "objection_due")}
    for field in ("decided_on", "made_known_on", "starts_on", "ends_on", "objection_due"):
        found[field] = _day(found[field])
    return found


_UNKNOWN = object()


def content(plan: Plan, running_on=None, coordinator=_UNKNOWN) -> dict:
    """The plan as plain values; with ``running_on`` (a day) only the contributions that have not
    ended before it, as the plan page shows them. A caller that has the current coordination at
    hand passes it (or None for nobody)."""
    goals = plan.goals.order_by("person__first_names", "domain", "pk").values(*_GOAL)
    contributions = plan.contributions.order_by("tier", "starts_on", "pk")
    if running_on is not None:
        contributions = contributions.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=running_on))
    rows = list(contributions.values(*_CONTRIBUTION))
    considered: dict[int, list[dict]] = {}
    for row in (
        LowerTierConsideration.objects.filter(
            contribution_id__in=[r["id"] for r in rows if r["tier"] in TAILORED_TIERS]
        )
        .order_by("tier")
        .values("contribution_id", "tier", "considered", "why_not_enough")
    ):
        considered.setdefault(row["contribution_id"], []).append(
            {
                "tier_label": tiers.LABELS[tiers.Tier(row["tier"])],
                "considered": row["considered"],
                "why_not_enough": row["why_not_enough"],
            }
        )
    if coordinator is _UNKNOWN:
        coordinator = plan.coordinations.filter(until__isnull=True).select_related("coordinator").first()
    return {
        "household": plan.household.name,
        "plan_version": plan.version,
        "starts_on": _day(plan.starts_on),
        "ends_on": _day(plan.ends_on),
        "coordinator": str(coordinator) if coordinator else "",
        "goals": [
            {
                "id": goal["id"],
                "person_id": goal["person_id"],
                "person": _name(goal, "person__"),
                "domain": DOMAIN_NAMES.get(goal["domain"], goal["domain"]),
                "wording": goal["wording"],
                "own_words": goal["own_words"],
                "described_by": DESCRIBED.get(goal["described_by"], ""),
                "strengths": goal["strengths"],
                "concerns": goal["concerns"],
                "observed_by": goal["observed_by"],
                "target_score": goal["target_score"],
                "target_rung": goal["target_rung"],
                "target_date": _day(goal["target_date"]),
            }
            for goal in goals
        ],
        "contributions": [
            {
                "id": row["id"],
                "goal": row["goal_id"],
                "tier": row["tier"],
                "tier_label": tiers.LABELS[tiers.Tier(row["tier"])],
                "who": who(row),
                "what": row["what"],
                "volume": str(row["volume"]) if row["volume"] is not None else "",
                "unit": row["unit"],
                "unit_label": istandaarden.label(UNITS, row["unit"]),
                "frequency": row["frequency"],
                "frequency_label": istandaarden.label(FREQUENCIES, row["frequency"]),
                "starts_on": _day(row["starts_on"]),
                "ends_on": _day(row["ends_on"]),
                "law": row["law"],
                "delivery": DELIVERY.get(row["delivery"], ""),
                "cost_per_month": str(row["cost_per_month"]),
                "cost_per_year": str(costs.per_year(row["cost_per_month"])),
                "inhabitant_cost": row["service__inhabitant_cost"] or "",
                "considerations": considered.get(row["id"], []),
                "decision": _decision(row),
            }
            for row in rows
        ],
    }


def running(item: dict, on) -> bool:
    """Whether a contribution (as plain values) runs on a day."""
    day = on.isoformat()
    return item["starts_on"] <= day and (not item["ends_on"] or item["ends_on"] >= day)


def cost_lines(snapshot: dict, on=None) -> list[costs.Line]:
    """The costs of the contributions, only of those running on ``on`` when it is given."""
    return [
        costs.Line(item["law"] or "other", Decimal(item["cost_per_month"]))
        for item in snapshot["contributions"]
        if Decimal(item["cost_per_month"]) and (on is None or running(item, on))
    ]
