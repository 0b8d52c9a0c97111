"""The plan as the inhabitant agreed to it: plain values, so an agreed version reads the same years later,
whatever happens to the rows it came from. The plan page, the agreed versions and the PDF read this."""

from decimal import Decimal

from stuurman import istandaarden
from stuurman.intake.models import LIFE_DOMAINS

from . import costs, tiers
from .models import Plan

DOMAIN_NAMES = dict(LIFE_DOMAINS)
UNITS, FREQUENCIES = istandaarden.units(), istandaarden.frequencies()


def who(contribution) -> str:
    if contribution.person_id:
        return contribution.person.full_name
    if contribution.network_member_id:
        return contribution.network_member.display_name
    parts = [part for part in (contribution.service, contribution.provider) if part is not None]
    return " — ".join(str(part) for part in parts) or ""


def _day(value) -> str:
    return value.isoformat() if value else ""


def _decision(item) -> dict | None:
    decision = getattr(item, "decision", None)
    if decision is None:
        return None
    return {
        "granted": decision.granted,
        "decided_on": _day(decision.decided_on),
        "made_known_on": _day(decision.made_known_on),
        "starts_on": _day(decision.starts_on),
        "ends_on": _day(decision.ends_on),
        "product": decision.product,
        "legal_ground": decision.legal_ground,
        "objection_due": _day(decision.objection_due),
    }


def content(plan: Plan) -> dict:
    goals = plan.goals.select_related("person").order_by("person__first_names", "domain", "pk")
    contributions = (
        plan.contributions.select_related(
            "person", "network_member__person", "service", "provider", "goal", "decision"
        )
        .prefetch_related("considerations")
        .order_by("tier", "starts_on", "pk")
    )
    coordinator = plan.coordinations.filter(until__isnull=True).select_related("coordinator").first()
    return {
        "household": plan.household.name,
        "plan_version": plan.version,
        "starts_on": _day(plan.starts_on),
        "ends_on": _day(plan.ends_on),
        "coordinator": str(coordinator) if coordinator else "",
        "goals": [
            {
                "id": goal.pk,
                "person_id": goal.person_id,
                "person": goal.person.full_name,
                "domain": DOMAIN_NAMES.get(goal.domain, goal.domain),
                "wording": goal.wording,
                "own_words": goal.own_words,
                "described_by": goal.get_described_by_display(),
                "strengths": goal.strengths,
                "concerns": goal.concerns,
                "observed_by": goal.observed_by,
                "target_score": goal.target_score,
                "target_rung": goal.target_rung,
                "target_date": _day(goal.target_date),
            }
            for goal in goals
        ],
        "contributions": [
            {
                "id": item.pk,
                "goal": item.goal_id,
                "tier": item.tier,
                "tier_label": tiers.LABELS[tiers.Tier(item.tier)],
                "who": who(item),
                "what": item.what,
                "volume": str(item.volume) if item.volume is not None else "",
                "unit": item.unit,
                "unit_label": istandaarden.label(UNITS, item.unit),
                "frequency": item.frequency,
                "frequency_label": istandaarden.label(FREQUENCIES, item.frequency),
                "starts_on": _day(item.starts_on),
                "ends_on": _day(item.ends_on),
                "law": item.law,
                "delivery": item.get_delivery_display() if item.delivery else "",
                "cost_per_month": str(item.cost_per_month),
                "cost_per_year": str(costs.per_year(item.cost_per_month)),
                "inhabitant_cost": item.service.inhabitant_cost if item.service_id else "",
                "considerations": [
                    {
                        "tier_label": tiers.LABELS[tiers.Tier(c.tier)],
                        "considered": c.considered,
                        "why_not_enough": c.why_not_enough,
                    }
                    for c in sorted(item.considerations.all(), key=lambda c: c.tier)
                ],
                "decision": _decision(item),
            }
            for item in contributions
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
