"""The one write path for plans: start one, change it, its goals and contributions, and the agreement.

Every change names the plan version it was made on (versioning.py), keeps a PlanEvent and writes the
access log. Contributions obey the tier rule (tiers.py): a tailored or specialist contribution is not
saved without the consideration of every tier below it.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stuurman.privacy import log

from . import coordination, learning, reviews, tiers, versioning
from .models import AgreedVersion, Contribution, Goal, LowerTierConsideration, Plan
from .snapshot import content


def _members(household):
    return set(household.memberships.filter(until__isnull=True).values_list("person_id", flat=True))


def _names(household) -> list[str]:
    """The members' names, which do not make a tailored solution another one (plans/solutions.py)."""
    rows = household.memberships.filter(until__isnull=True).values_list(
        "person__first_names", "person__surname"
    )
    return [name for row in rows for name in row if name]


def schedule_review(plan: Plan) -> None:
    last = plan.reviews.order_by("-held_on").values_list("held_on", flat=True).first()
    due = reviews.next_review(plan.starts_on, plan.ends_on, last)
    plan.next_review_on, plan.next_review_reason = due.on, due.reason
    plan.save(update_fields=["next_review_on", "next_review_reason"])


@transaction.atomic
def start(http, household, *, coordinator, starts_on, ends_on=None, conversations=(), requests=()) -> Plan:
    """A new plan for a household that has none open, with its first coordinator."""
    if (
        Plan.objects.select_for_update()
        .filter(household=household)
        .exclude(status=Plan.Status.ENDED)
        .exists()
    ):
        raise ValidationError("Dit huishouden heeft al een plan: één huishouden, één plan.")
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError("Het plan kan niet eindigen vóór het begint.")
    conversations, requests = list(conversations), list(requests)
    if any(c.household_id != household.pk for c in conversations) or any(
        r.household_id != household.pk for r in requests
    ):
        raise ValidationError("Koppel alleen gesprekken en meldingen van dit huishouden.")
    plan = Plan.objects.create(
        municipality=household.municipality,
        household=household,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=http.user,
        created_at=timezone.now(),
    )
    plan.conversations.set(conversations)
    plan.requests.set(requests)
    coordination.begin(http, plan, coordinator, "Plan opgesteld")
    schedule_review(plan)
    plan.events.create(version=1, at=timezone.now(), by=http.user, summary="Plan opgesteld")
    versioning.record(http, plan, log.Action.CREATE, "Plan opgesteld")
    return plan


@transaction.atomic
def change(http, plan: Plan, expected_version: int, *, starts_on, ends_on, status) -> Plan:
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError("Het plan kan niet eindigen vóór het begint.")
    if status not in Plan.Status.values:
        raise ValidationError(f"'{status}' is geen status van een plan.")
    if plan.status == Plan.Status.ENDED:
        raise ValidationError("Een beëindigd plan verandert niet meer; maak een nieuw plan.")
    if status == Plan.Status.RUNNING and not plan.agreed_versions.filter(agreed=True).exists():
        raise ValidationError("Een plan loopt pas als de inwoner ermee akkoord is.")
    versioning.bump(http, plan, expected_version, f"Plan gewijzigd: {Plan.Status(status).label}")
    plan.starts_on, plan.ends_on, plan.status = starts_on, ends_on, status
    plan.save(update_fields=["starts_on", "ends_on", "status"])
    if status == Plan.Status.ENDED:
        coordination.end(plan, timezone.now())
    else:
        schedule_review(plan)
    versioning.record(http, plan, log.Action.UPDATE, f"Plan gewijzigd ({plan.get_status_display()})")
    return plan


def _goal_problems(plan: Plan, goal: Goal) -> list[str]:
    found = []
    if goal.person_id not in _members(plan.household):
        found.append("Een doel hoort bij iemand van dit huishouden.")
    if not goal.wording.strip():
        found.append("Beschrijf het doel, het liefst in de woorden van de inwoner.")
    if goal.target_date and goal.target_date < plan.starts_on:
        found.append("De streefdatum ligt vóór de start van het plan.")
    return found


@transaction.atomic
def save_goal(http, plan: Plan, expected_version: int, goal: Goal) -> Goal:
    found = _goal_problems(plan, goal)
    if found:
        raise ValidationError(found)
    new = goal.pk is None
    summary = f"Doel {'toegevoegd' if new else 'gewijzigd'}: {goal.person.first_names}, {goal.domain}"
    versioning.bump(http, plan, expected_version, summary)
    goal.plan = plan
    goal.full_clean(exclude=["plan", "person"])
    goal.save()
    versioning.record(
        http, plan, log.Action.CREATE if new else log.Action.UPDATE, summary, persons=[goal.person_id]
    )
    return goal


@dataclass(frozen=True)
class Considered:
    tier: int
    considered: bool
    why_not_enough: str


def _contribution_problems(plan: Plan, contribution: Contribution, considered: list[Considered]) -> list[str]:
    found = tiers.problems(
        tiers.Tier(contribution.tier),
        [tiers.Consideration(tiers.Tier(c.tier), c.considered, c.why_not_enough) for c in considered],
    )
    if contribution.goal_id and contribution.goal.plan_id != plan.pk:
        found.append("Kies een doel van dit plan.")
    if contribution.person_id and contribution.person_id not in _members(plan.household):
        found.append("Kies iemand van dit huishouden, of iemand uit het netwerk.")
    if contribution.network_member_id and contribution.network_member.household_id != plan.household_id:
        found.append("Kies iemand uit het netwerk van dit huishouden.")
    if contribution.tier >= tiers.Tier.GENERAL and not contribution.service_id:
        found.append("Kies de voorziening uit het aanbod.")
    if contribution.ends_on and contribution.ends_on < contribution.starts_on:
        found.append("De inzet kan niet eindigen vóór ze begint.")
    return found


@transaction.atomic
def save_contribution(
    http, plan: Plan, expected_version: int, contribution: Contribution, considered: list[Considered] = ()
) -> Contribution:
    considered = [c for c in considered if c.tier < contribution.tier]
    found = _contribution_problems(plan, contribution, considered)
    if found:
        raise ValidationError(found)
    new = contribution.pk is None
    tier = tiers.Tier(contribution.tier)
    summary = f"Inzet {'toegevoegd' if new else 'gewijzigd'} ({tier.label}): {contribution.what}"
    versioning.bump(http, plan, expected_version, summary)
    contribution.plan = plan
    contribution.solution_key = learning.key_for(contribution, _names(plan.household))
    contribution.full_clean(exclude=["plan", "goal", "person", "network_member", "service", "provider"])
    contribution.save()
    contribution.considerations.all().delete()
    if tier in tiers.NEEDS_CONSIDERATION:
        LowerTierConsideration.objects.bulk_create(
            LowerTierConsideration(
                contribution=contribution,
                tier=c.tier,
                considered=c.considered,
                why_not_enough=c.why_not_enough.strip(),
            )
            for c in considered
        )
    # The learning assortment counts this solution now, so a proposal does not wait for the night.
    learning.feed(plan.municipality, contribution.solution_key)
    versioning.record(http, plan, log.Action.CREATE if new else log.Action.UPDATE, summary)
    return contribution


@transaction.atomic
def agree(
    http, plan: Plan, expected_version: int, *, agreed: bool, on, how: str, words: str = ""
) -> AgreedVersion:
    """The inhabitant agrees (or not, in their own words) with the plan as it is now; that version is kept."""
    words = words.strip()
    if not agreed and not words:
        raise ValidationError("Schrijf op waarmee de inwoner het niet eens is, in diens eigen woorden.")
    if on > timezone.localdate():
        raise ValidationError("De datum van akkoord ligt in de toekomst.")
    if how not in AgreedVersion.How.values:
        raise ValidationError("Kies hoe de inwoner akkoord gaf.")
    if not plan.goals.exists():
        raise ValidationError("Een plan zonder doelen kan niet worden afgesproken.")
    summary = "Inwoner akkoord met het plan" if agreed else "Inwoner niet akkoord met het plan"
    versioning.bump(http, plan, expected_version, summary)
    number = plan.agreed_versions.count() + 1
    version = AgreedVersion.objects.create(
        plan=plan,
        number=number,
        plan_version=plan.version,
        agreed=agreed,
        on=on,
        how=how,
        inhabitant_words=words,
        content=content(plan),
        recorded_by=http.user,
    )
    if agreed and plan.status == Plan.Status.DRAFT:
        plan.status = Plan.Status.AGREED
        plan.save(update_fields=["status"])
    versioning.record(http, plan, log.Action.UPDATE, f"{summary} (versie {number})")
    return version
