"""The plan as a letter for the inhabitant: a tagged PDF (PDF/UA, Dutch) in plain words.

Their goals in their own words, who does what, what it costs them, what the municipality decided and
how to object. Made from the plan's plain values (snapshot.content): the plan as it is now, or an agreed
version exactly as it was agreed. WeasyPrint is imported when a letter is made, so the rest of the
system runs without its libraries (see intake/receipt.py).
"""

from django.template.loader import render_to_string
from django.utils import timezone

from . import page
from .models import AgreedVersion, Plan


def together(names: list[str]) -> str:
    """Jan, Els en Roos."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} en {names[-1]}"


def context(plan: Plan, content: dict, version: AgreedVersion | None = None) -> dict:
    shown = page.readable(content)
    people = [
        m.person
        for m in plan.household.memberships.filter(until__isnull=True)
        .select_related("person")
        .order_by("person__birth_date")
    ]
    contributions = shown["contributions"]
    today = timezone.localdate()
    return {
        "plan": plan,
        "municipality": plan.municipality,
        "version": version,
        "content": shown,
        "greeting": together([person.first_names or person.full_name for person in people]),
        "goals_by_person": page.by_person(shown["goals"]),
        "contributions_by_tier": page.by_tier(contributions),
        "own_costs": [item for item in contributions if item.get("inhabitant_cost")],
        "decisions": [item for item in contributions if item.get("decision")],
        "next_review": plan.next_review_on if version is None else None,
        "today": today,
    }


def pdf(plan: Plan, content: dict, version: AgreedVersion | None = None) -> bytes:
    from weasyprint import HTML

    html = render_to_string("plans/letter.html", context(plan, content, version))
    # PDF/UA: tagged structure, document language and title, for screen readers.
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
