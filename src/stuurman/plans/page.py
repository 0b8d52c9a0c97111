"""What the plan page shows, read in a fixed number of queries however long the plan's history is.

Goals and contributions come from snapshot.content (the same plain values an agreed version keeps),
so the page, an agreed version and the PDF show a plan the same way. What grows with the years stays off
the page or is cut in the database: contributions that ended, and all but the newest reviews, agreed
versions (read without their content), hand-overs, escalations and changes; the plan's history page
(``history``) has them all. Review results are counted per review.
"""

from collections import Counter
from datetime import date
from decimal import Decimal
from html import escape

from django.db.models import Count
from django.urls import reverse
from django.utils.safestring import mark_safe

from stuurman.files import circles

from . import budgets, costs, snapshot, tiers
from .models import LAWS, AgreedVersion, Assignment, FollowUpSignal, GoalResult, Plan, Review

LAW_NAMES = {**dict(LAWS), "": "zonder wet"}
RESULTS = dict(Review.Result.choices)
HOW = dict(AgreedVersion.How.choices)
KINDS = dict(FollowUpSignal.Kind.choices)
EVENTS_SHOWN = 8
SHOWN = 4  # of the longer histories (reviews, versions, hand-overs): the newest, then a page with all
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


def _target(goal: dict) -> str:
    parts = []
    if goal["target_score"]:
        parts.append(f"ZRM {goal['target_score']}")
    if goal["target_rung"]:
        parts.append(f"trede {goal['target_rung']} op de participatieladder")
    if goal["target_date"]:
        parts.append(f"uiterlijk {goal['target_date']:%d-%m-%Y}")
    return ", ".join(parts)


def with_facts(goals: list[dict], edit_url: str = "") -> list[dict]:
    """Each goal as one article of HTML, made here rather than in a template: after ten years a plan
    lists dozens of goals, and the template engine spends some ten times longer on each than this.
    The markup is the goal list's (plans/_goals.html puts the articles under their person)."""
    for goal in goals:
        facts = [("Wat goed gaat", goal["strengths"]), ("Zorgen", goal["concerns"])]
        if goal["strengths"] or goal["concerns"]:
            facts.append(("Beschreven door", goal["observed_by"] or "niet vastgelegd"))
        facts.append(("Streven", _target(goal)))
        latest = goal.get("latest")
        if latest:
            facts.append(
                (
                    "Laatste evaluatie",
                    f"{latest['label']}: {latest['note']}" if latest["note"] else latest["label"],
                )
            )
        goal["html"] = _goal_html(goal, [(term, text) for term, text in facts if text], edit_url)
    return goals


def _text(value) -> str:
    """Escaped, with its line breaks kept (what |linebreaksbr does, without its lazy-string machinery)."""
    return escape(str(value)).replace("\r\n", "\n").replace("\n", "<br>")


def _goal_html(goal: dict, facts: list[tuple[str, str]], edit_url: str) -> str:
    person, number, domain = escape(goal["person"]), goal["id"], escape(goal["domain"])
    if goal["own_words"]:
        words = (
            f'<blockquote class="stuurman-quote"><p class="utrecht-paragraph">“{_text(goal["wording"])}”</p>'
            f'</blockquote><p class="utrecht-paragraph plans-own-words">In de eigen woorden van {person}.</p>'
        )
    else:
        words = (
            f'<p class="utrecht-paragraph">{_text(goal["wording"])}</p>'
            f'<p class="utrecht-paragraph plans-own-words">Verwoord door {escape(goal["described_by"])}.</p>'
        )
    listed = "".join(f"<dt>{escape(term)}</dt><dd>{_text(text)}</dd>" for term, text in facts)
    link = ""
    if edit_url:
        link = (
            f'<p class="utrecht-paragraph"><a class="utrecht-link utrecht-link--html-a" '
            f'href="{escape(edit_url)}{number}/">Doel wijzigen<span class="stuurman-visually-hidden"> '
            f"({domain} van {person})</span></a></p>"
        )
    facts_html = f'<dl class="stuurman-facts">{listed}</dl>' if facts else ""
    # Every value in it is escaped above.
    return mark_safe(
        f'<article class="plans-goal" aria-labelledby="doel-{number}"><h4 class="utrecht-heading-4" '
        f'id="doel-{number}">{domain}<span class="stuurman-visually-hidden"> ({person})</span></h4>'
        f"{words}{facts_html}{link}</article>"
    )


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
    lines = snapshot.cost_lines(plain, on=today)
    if not lines:
        return []
    set_aside = budgets.for_year(municipality_id, today.year)
    norms = {law: b.household_norm for law, b in set_aside.items() if b.household_norm is not None}
    rows = []
    for total in costs.totals(lines, norms):
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


def _with_counts(reviews: list) -> list:
    counts = Counter()
    for row in (
        GoalResult.objects.filter(review__in=[r.pk for r in reviews])
        .values("review_id", "result")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[(row["review_id"], row["result"])] = row["n"]
    for review in reviews:
        review.counts = [(label, counts[(review.pk, value)]) for value, label in Review.Result.choices]
    return reviews


def history(plan: Plan, today: date) -> dict:
    """The plan's history page: the long lists the plan page cuts short."""
    ended = (
        plan.contributions.filter(ends_on__lt=today)
        .select_related("person", "network_member__person", "service", "provider")
        .order_by("-ends_on", "-pk")
    )
    return {
        "ended": [
            {"tier_label": tiers.LABELS[tiers.Tier(c.tier)], "who": _who(c), "contribution": c} for c in ended
        ],
        "reviews": _with_counts(list(plan.reviews.select_related("held_by").order_by("-held_on", "-pk"))),
        "agreed_versions": plan.agreed_versions.defer("content").order_by("-number"),
        "coordinations": plan.coordinations.select_related("coordinator").order_by("-since", "-pk"),
        "escalations": plan.escalations.select_related("raised_by").order_by("-raised_on", "-pk"),
        "conversations": plan.conversations.order_by("-held_on", "-pk"),
        "requests": plan.requests.order_by("-received_on", "-pk"),
    }


def _who(contribution) -> str:
    if contribution.person_id:
        return contribution.person.full_name
    if contribution.network_member_id:
        return contribution.network_member.display_name
    return " — ".join(str(part) for part in (contribution.service, contribution.provider) if part)


def _latest(rows, shown: int) -> tuple[list, bool]:
    """At most ``shown`` of the newest rows, and whether there are more (one query, no count)."""
    found = list(rows[: shown + 1])
    return found[:shown], len(found) > shown


def _named(rows: list[dict], user: str, key: str = "by") -> list[dict]:
    """Rows read with a user's name fields get that name as the user is shown elsewhere (User.__str__)."""
    for row in rows:
        first, last, username = (row.pop(f"{user}__{f}") for f in ("first_name", "last_name", "username"))
        row[key] = f"{first} {last}".strip() or username or ""
    return rows


def _user(relation: str) -> tuple[str, ...]:
    return tuple(f"{relation}__{field}" for field in ("first_name", "last_name", "username"))


def _coordinations(plan: Plan) -> tuple[list[dict], bool]:
    rows, more = _latest(
        plan.coordinations.order_by("-since", "-pk").values(
            "id",
            "organisation",
            "temporary",
            "reason",
            "since",
            "until",
            "ended_reason",
            *_user("coordinator"),
        ),
        SHOWN,
    )
    for row in _named(rows, "coordinator", "person"):
        row["name"] = row["organisation"] or row["person"]
    return rows, more


def review_due(plan: Plan, today: date) -> dict:
    return {
        "review_due": plan.next_review_on,
        "review_overdue": plan.next_review_on is not None and plan.next_review_on < today,
    }


def signals(plan: Plan) -> list[dict]:
    """The plan's open signals: raised and handled without a new plan version, so never cached."""
    found = list(
        plan.signals.filter(handled_at__isnull=True)
        .order_by("-raised_at")
        .values("kind", "detail", "raised_at")[:SHOWN]
    )
    for signal in found:
        signal["kind_label"] = KINDS[signal["kind"]]
    return found


def context(plan: Plan, today: date, *, editable: bool = False) -> dict:
    """``editable``: the user may change this plan (links to the goal forms).

    Lists are read as plain values with only the columns shown: on a page this size the ORM spends
    more time building queries and model instances than the database spends answering them.
    """
    coordinations, more_coordinations = _coordinations(plan)
    current = next((c for c in coordinations if c["until"] is None), None)
    # Only what has not ended: the page stays the same size however long the plan has run.
    plain = snapshot.content(plan, running_on=today, coordinator=current["name"] if current else None)
    shown = readable(plain)
    contributions = shown["contributions"]
    reviews, more_reviews = _latest(
        plan.reviews.order_by("-held_on", "-pk").values(
            "id", "held_on", "due_on", "reason", "summary", *_user("held_by")
        ),
        SHOWN,
    )
    _named(reviews, "held_by")
    # One read of the shown reviews' results: counted per review, and the newest per goal.
    counts, latest = Counter(), {}
    results = GoalResult.objects.filter(review__in=[r["id"] for r in reviews]).values_list(
        "review_id", "goal_id", "result", "note"
    )
    for review_id, goal_id, result, note in results:
        counts[(review_id, result)] += 1
        if review_id == reviews[0]["id"]:
            latest[goal_id] = {"label": RESULTS[result], "note": note}
    for review in reviews:
        review["counts"] = [(label, counts[(review["id"], value)]) for value, label in Review.Result.choices]
    for goal in shown["goals"]:
        goal["latest"] = latest.get(goal["id"])
    # One reverse for every goal's link, instead of one per goal in the template.
    goal_url = reverse("plans:goal_edit", args=[plan.household_id, plan.pk, 0]).removesuffix("0/")
    with_facts(shown["goals"], goal_url if editable else "")
    assignments: dict[int, list] = {}
    tailored = [item["id"] for item in contributions if item["tier"] in snapshot.TAILORED_TIERS]
    for row in (
        (Assignment.objects.filter(contribution_id__in=tailored) if tailored else Assignment.objects.none())
        .order_by("number")
        .values(
            "contribution_id",
            "number",
            "provider__name",
            "product_category",
            "product_code",
            "volume",
            "unit",
            "frequency",
            "budget_cents",
            "starts_on",
            "ends_on",
        )
    ):
        row["provider"] = row.pop("provider__name")
        row["budget_euros"] = Decimal(row["budget_cents"]) / 100 if row["budget_cents"] is not None else None
        assignments.setdefault(row["contribution_id"], []).append(row)
    for item in contributions:
        item["assignments"] = assignments.get(item["id"], [])
    events, more_events = _latest(
        plan.events.order_by("-version").values("version", "at", "summary", *_user("by")), EVENTS_SHOWN
    )
    versions, more_versions = _latest(
        plan.agreed_versions.order_by("-number").values("number", "on", "agreed", "how"), SHOWN
    )
    for version in versions:
        version["how_label"] = HOW[version["how"]]
    escalations, more_escalations = _latest(
        plan.escalations.order_by("-raised_on", "-pk").values(
            "id",
            "against",
            "what",
            "doorzettingsmacht",
            "raised_on",
            "outcome",
            "resolved_on",
            *_user("raised_by"),
        ),
        SHOWN,
    )
    return {
        "plan": plan,
        "editable": editable,
        "content": shown,
        "goals_by_person": by_person(shown["goals"]),
        "current_by_tier": by_tier(contributions),
        "four_way": tiers.four_way(tiers.Tier(item["tier"]) for item in plain["contributions"]),
        "drawing": drawing(plan.household.name, plain["contributions"]),
        "costs": cost_rows(plain, plan.municipality_id, today),
        "decided": [item for item in contributions if item["decision"] or item["assignments"]],
        "coordination": current,
        "coordinations": coordinations,
        "more_coordinations": more_coordinations,
        "escalations": _named(escalations, "raised_by"),
        "more_escalations": more_escalations,
        "reviews": reviews,
        "more_reviews": more_reviews,
        **review_due(plan, today),
        "agreed_versions": versions,
        "more_versions": more_versions,
        "events": _named(events, "by"),
        "more_events": more_events,
        "today": today,
    }
