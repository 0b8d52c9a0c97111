"""The learning assortment's feed: in how many plans of a municipality the same tailored solution is used.

What counts as the same solution is plans/solutions.py; the key is stored with each tailored or
specialist contribution when it is saved (Contribution.solution_key), so counting is one grouped query.
A plan counts once however often it uses the solution, and every plan counts, also ended ones: the
question is how often the municipality arranged this help one household at a time. The counts go to
the catalogue's proposal function (catalog.proposals.record_proposals), which proposes a solution used
in at least STUURMAN_ASSORTMENT_THRESHOLD plans to the functional admin, once.

Fed when a tailored contribution is saved (for its own solution) and by the daily ``stuurman follow-up``
(for every solution of every municipality).
"""

from django.db.models import Count

from stuurman.catalog import proposals
from stuurman.people.models import Membership
from stuurman.tenancy.models import Municipality

from . import solutions, tiers
from .models import Contribution

COUNTED_TIERS = [int(tier) for tier in tiers.NEEDS_CONSIDERATION]


def key_for(contribution: Contribution, names) -> str:
    """The solution key a contribution is stored with: empty below the tailored tiers."""
    if contribution.tier not in COUNTED_TIERS:
        return ""
    return solutions.solution_key(contribution.what, names)


def _counted(**filters):
    return (
        Contribution.objects.filter(tier__in=COUNTED_TIERS, **filters)
        .exclude(solution_key="")
        .values("plan__municipality_id", "solution_key")
        .annotate(plans=Count("plan_id", distinct=True))
        .order_by()
    )


def usage(municipality, key: str | None = None) -> dict[str, int]:
    """Solution (as it is proposed) → number of plans, for one municipality; one solution if ``key``."""
    rows = _counted(plan__municipality=municipality, **({"solution_key": key} if key else {}))
    return {solutions.display(row["solution_key"]): row["plans"] for row in rows}


def feed(municipality, key: str) -> list:
    """After a tailored contribution was saved: count its solution and propose it once it qualifies."""
    if not key:
        return []
    return proposals.record_proposals(municipality, usage(municipality, key))


def backfill(batch: int = 2000) -> int:
    """Give tailored contributions stored without the write path (bulk inserts such as the demo
    generator's, rows from before the key existed) their solution key; returns how many got one.
    A description that is only an amount keeps an empty key and is looked at again next time."""
    done, last = 0, 0
    unkeyed = Contribution.objects.filter(tier__in=COUNTED_TIERS, solution_key="").exclude(what="")
    while missing := list(
        unkeyed.filter(pk__gt=last).order_by("pk").values_list("pk", "what", "plan__household_id")[:batch]
    ):
        last = missing[-1][0]
        names: dict[int, list[str]] = {}
        for household_id, first, surname in Membership.objects.filter(
            household_id__in={household for _, _, household in missing}
        ).values_list("household_id", "person__first_names", "person__surname"):
            names.setdefault(household_id, []).extend(name for name in (first, surname) if name)
        keyed = [
            Contribution(pk=pk, solution_key=solutions.solution_key(what, names.get(household, [])))
            for pk, what, household in missing
        ]
        keyed = [item for item in keyed if item.solution_key]
        Contribution.objects.bulk_update(keyed, ["solution_key"])
        done += len(keyed)
    return done


def feed_all() -> int:
    """The daily run: every solution of every municipality; returns how many proposals were new."""
    backfill()
    by_municipality: dict[int, dict[str, int]] = {}
    for row in _counted():
        by_municipality.setdefault(row["plan__municipality_id"], {})[
            solutions.display(row["solution_key"])
        ] = row["plans"]
    made = 0
    for municipality in Municipality.objects.filter(pk__in=by_municipality).order_by("pk"):
        made += len(proposals.record_proposals(municipality, by_municipality[municipality.pk]))
    return made
