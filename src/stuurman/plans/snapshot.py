"""The plan as the inhabitant agreed to it: plain values, so an agreed version reads the same years later,
whatever happens to the rows it came from. The plan page, the agreed versions and the PDF read this."""

from decimal import Decimal

from stuurman.intake.models import LIFE_DOMAINS

from . import costs, tiers
from .models import Plan

DOMAIN_NAMES = dict(LIFE_DOMAINS)


def who(contribution) -> str:
    if contribution.person_id:
        return contribution.person.full_name
    if contribution.network_member_id:
        return contribution.network_member.display_name
    parts = [part for part in (contribution.service, contribution.provider) if part is not None]
    return " — ".join(str(part) for part in parts) or ""


def _day(value) -> str:
    return value.isoformat() if value else ""


def content(plan: Plan) -> dict:
    goals = plan.goals.select_related("person").order_by("person__first_names", "domain", "pk")
    contributions = plan.contributions.select_related(
        "person", "network_member__person", "service", "provider", "goal"
    ).order_by("tier", "starts_on", "pk")
    coordinator = plan.coordinations.filter(until__isnull=True).select_related("coordinator").first()
    return {
        "household": plan.household.name,
        "starts_on": _day(plan.starts_on),
        "ends_on": _day(plan.ends_on),
        "coordinator": str(coordinator) if coordinator else "",
        "goals": [
            {
                "id": goal.pk,
                "person": goal.person.full_name,
                "domain": DOMAIN_NAMES.get(goal.domain, goal.domain),
                "wording": goal.wording,
                "own_words": goal.own_words,
                "described_by": goal.get_described_by_display(),
                "strengths": goal.strengths,
                "concerns": goal.concerns,
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
                "frequency": item.frequency,
                "starts_on": _day(item.starts_on),
                "ends_on": _day(item.ends_on),
                "law": item.law,
                "delivery": item.get_delivery_display() if item.delivery else "",
                "cost_per_month": str(item.cost_per_month),
                "cost_per_year": str(costs.per_year(item.cost_per_month)),
            }
            for item in contributions
        ],
    }


def cost_lines(snapshot: dict) -> list[costs.Line]:
    return [
        costs.Line(item["law"] or "other", Decimal(item["cost_per_month"]))
        for item in snapshot["contributions"]
        if Decimal(item["cost_per_month"])
    ]
