"""What the plan page shows, read in a fixed number of queries however long the plan's history is.

Goals and contributions come from snapshot.content (the same plain values an agreed version keeps),
so the page, an agreed version and the PDF show a plan the same way. Long lists are cut in the
database: the latest changes (the whole history has its own page), agreed versions without their
content, review results counted per review.
"""

from collections import Counter
from datetime import date
from decimal import Decimal

from django.db.models import Count

from stuurman.files import circles

from . import budgets, costs, snapshot, tiers
from .models import LAWS, Assignment, GoalResult, Plan, Review

LAW_NAMES = {**dict(LAWS), "": "zonder wet"}
EVENTS_SHOWN = 15
_DATES = ("starts_on", "ends_on", "target_date", "decided_on", "made_known_on", "objection_due")
_AMOUNTS = ("cost_per_month", "cost_per_year", "volume")


def readable(values):
    """A snapshot with dates as dates and amounts as numbers again, for templates (|date, |floatformat)."""
    if isinstance(values, list):
        return [readable(item) for item in values]
    if not isinstance(values, dict):
        return values
    found = {}
    for key, value in values.items():
        if key in _DATES and isinstance(value, str):
            found[key] = date.fromisoformat(value) if value else None
        elif key in _AMOUNTS and isinstance(value, str):
            found[key] = Decimal(value) if value else None
        else:
            found[key] = readable(value)
    return found


def by_person(goals: list[dict]) -> list[tuple[str, list[dict]]]:
    found: dict[str, list[dict]] = {}
    for goal in goals:
        found.setdefault(goal["person"], []).append(goal)
    return list(found.items())


def by_tier(items: list[dict]) -> list[tuple[int, str, list[dict]]]:
    return [
        (tier.value, tiers.LABELS[tier], [item for item in items if item["tier"] == tier.value])
        for tier in tiers.Tier
        if any(item["tier"] == tier.value for item in items)
    ]


def drawing(household_name: str, items: list[dict]) -> dict:
    names = {tier.value: tiers.LABELS[tier] for tier in tiers.Tier}
    members = [(item["tier"], item["who"] or item["what"]) for item in items]
    return circles.drawing(
        household_name.removeprefix("Huishouden "), names, members, circles.gap_for(len(names))
    )


def cost_rows(plain: dict, municipality_id: int, today: date) -> list[dict]:
    """Per law: what the running contributions cost a month and a year, against the municipality's
    norm per household and as a share of its budget for this year."""
    set_aside = budgets.for_year(municipality_id, today.year)
    norms = {law: b.household_norm for law, b in set_aside.items() if b.household_norm is not None}
    rows = []
    for total in costs.totals(snapshot.cost_lines(plain, on=today), norms):
        budget = set_aside.get(total.law)
        rows.append(
            {
                "law": LAW_NAMES.get(total.law, total.law),
                "per_month": total.per_month,
                "per_year": total.per_year,
                "norm": total.budget,
                "over_norm": total.over_budget,
                "budget": budget.amount if budget else None,
                "share": (total.per_year / budget.amount * 100) if budget and budget.amount else None,
            }
        )
    return rows


def context(plan: Plan, today: date) -> dict:
    plain = snapshot.content(plan)
    shown = readable(plain)
    day = today.isoformat()
    current = [item for item in plain["contributions"] if not item["ends_on"] or item["ends_on"] >= day]
    current_ids = {item["id"] for item in current}
    contributions = shown["contributions"]
    reviews = list(plan.reviews.select_related("held_by").order_by("-held_on", "-pk"))
    counts = Counter()
    for row in (
        GoalResult.objects.filter(review__plan=plan).values("review_id", "result").annotate(n=Count("pk"))
    ):
        counts[(row["review_id"], row["result"])] = row["n"]
    for review in reviews:
        review.counts = [(label, counts[(review.pk, value)]) for value, label in Review.Result.choices]
    latest = {}
    if reviews:
        latest = {
            result.goal_id: result for result in GoalResult.objects.filter(review=reviews[0]).order_by("pk")
        }
    for goal in shown["goals"]:
        goal["latest"] = latest.get(goal["id"])
    assignments: dict[int, list] = {}
    for assignment in (
        Assignment.objects.filter(contribution__plan=plan).select_related("provider").order_by("number")
    ):
        if assignment.budget_cents is not None:
            assignment.budget_euros = Decimal(assignment.budget_cents) / 100
        assignments.setdefault(assignment.contribution_id, []).append(assignment)
    for item in contributions:
        item["assignments"] = assignments.get(item["id"], [])
    coordinations = list(plan.coordinations.select_related("coordinator").order_by("-since", "-pk"))
    events = list(plan.events.select_related("by").order_by("-version")[:EVENTS_SHOWN])
    return {
        "plan": plan,
        "content": shown,
        "goals_by_person": by_person(shown["goals"]),
        "current_by_tier": by_tier([item for item in contributions if item["id"] in current_ids]),
        "ended": [item for item in contributions if item["id"] not in current_ids],
        "four_way": tiers.four_way(tiers.Tier(item["tier"]) for item in current),
        "drawing": drawing(plan.household.name, current),
        "costs": cost_rows(plain, plan.municipality_id, today),
        "decided": [item for item in contributions if item["decision"] or item["assignments"]],
        "coordination": next((c for c in coordinations if c.until is None), None),
        "coordinations": coordinations,
        "escalations": list(plan.escalations.select_related("raised_by").order_by("-raised_on", "-pk")),
        "reviews": reviews,
        "review_due": plan.next_review_on,
        "review_overdue": plan.next_review_on is not None and plan.next_review_on < today,
        "signals": list(plan.signals.filter(handled_at__isnull=True).order_by("-raised_at")),
        "agreed_versions": list(
            plan.agreed_versions.defer("content").select_related("recorded_by").order_by("-number")
        ),
        "events": events,
        "more_events": len(events) == EVENTS_SHOWN and plan.events.count() > EVENTS_SHOWN,
        "conversations": list(plan.conversations.order_by("-held_on")),
        "requests": list(plan.requests.order_by("-received_on")),
        "today": today,
    }
