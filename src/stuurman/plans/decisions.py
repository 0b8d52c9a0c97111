"""Decisions (beschikking) on tailored and specialist contributions, and the assignment (toewijzing) to
the provider that delivers it, complete enough for an iWmo/iJw 301 (the exchange comes later)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from stuurman.intake import deadlines
from stuurman.privacy import log
from stuurman.tenancy.models import Municipality

from . import tiers, versioning
from .models import Assignment, Contribution, Decision

MESSAGE_LAWS = {"wmo", "jeugdwet"}  # the laws with iStandaarden messages


@transaction.atomic
def decide(
    http,
    contribution: Contribution,
    expected_version: int,
    *,
    granted: bool,
    decided_on,
    made_known_on,
    legal_ground: str,
    starts_on=None,
    ends_on=None,
) -> Decision:
    if tiers.Tier(contribution.tier) not in tiers.NEEDS_CONSIDERATION:
        raise ValidationError("Alleen maatwerk en specialistische zorg hebben een beschikking nodig.")
    if hasattr(contribution, "decision"):
        raise ValidationError(
            "Over deze inzet is al beslist; een wijziging is een nieuwe inzet met een nieuwe beschikking."
        )
    legal_ground = legal_ground.strip()
    problems = []
    if not legal_ground:
        problems.append("Noem de wettelijke grondslag.")
    if made_known_on < decided_on:
        problems.append("De beschikking kan niet bekend zijn gemaakt vóór de besluitdatum.")
    if decided_on > timezone.localdate():
        problems.append("De besluitdatum ligt in de toekomst.")
    starts_on, ends_on = starts_on or contribution.starts_on, ends_on or contribution.ends_on
    if ends_on and ends_on < starts_on:
        problems.append("De einddatum ligt vóór de ingangsdatum.")
    if problems:
        raise ValidationError(problems)
    plan = contribution.plan
    versioning.bump(
        http,
        plan,
        expected_version,
        f"Beschikking: {contribution.what} ({'toegekend' if granted else 'afgewezen'})",
    )
    decision = Decision.objects.create(
        contribution=contribution,
        granted=granted,
        decided_on=decided_on,
        made_known_on=made_known_on,
        starts_on=starts_on,
        ends_on=ends_on,
        product=str(contribution.service or contribution.what)[:150],
        legal_ground=legal_ground,
        objection_due=deadlines.objection_window(made_known_on).due,
        decided_by=http.user,
    )
    versioning.record(http, plan, log.Action.CREATE, f"Beschikking vastgelegd: {decision.product}")
    return decision


def _next_number(municipality_id: int, law: str) -> int:
    # Lock the municipality row so two assignments made at once never share a number.
    Municipality.objects.select_for_update().filter(pk=municipality_id).first()
    highest = Assignment.objects.filter(municipality_id=municipality_id, law=law).aggregate(Max("number"))
    return (highest["number__max"] or 0) + 1


@transaction.atomic
def assign(
    http, contribution: Contribution, expected_version: int, *, budget_cents: int | None = None
) -> Assignment:
    """The toewijzing for a granted tailored contribution delivered by a provider."""
    decision = getattr(contribution, "decision", None)
    problems = []
    if decision is None or not decision.granted:
        problems.append("Een toewijzing volgt op een toekenning: leg eerst de beschikking vast.")
    if contribution.provider_id is None:
        problems.append("Kies de aanbieder die de inzet levert.")
    if contribution.law not in MESSAGE_LAWS:
        problems.append("Toewijzingen (iWmo/iJw) bestaan voor de Wmo en de Jeugdwet.")
    service = contribution.service
    if service is None or not service.product_category:
        problems.append("De voorziening heeft geen productcategorie; vul die aan in het aanbod.")
    volume = contribution.volume
    if budget_cents is None and (
        volume is None or volume != int(volume) or not contribution.unit or not contribution.frequency
    ):
        problems.append("Geef een omvang in hele eenheden met eenheid en frequentie, of een budget.")
    if budget_cents is not None and budget_cents <= 0:
        problems.append("Een budget is een positief bedrag in eurocent.")
    if problems:
        raise ValidationError(problems)
    plan = contribution.plan
    number = _next_number(plan.municipality_id, contribution.law)
    versioning.bump(http, plan, expected_version, f"Toewijzing {number} aan {contribution.provider}")
    with_volume = budget_cents is None
    assignment = Assignment.objects.create(
        municipality=plan.municipality,
        contribution=contribution,
        provider=contribution.provider,
        law=contribution.law,
        number=number,
        product_category=service.product_category,
        product_code=service.product_code or "",
        volume=int(volume) if with_volume else None,
        unit=contribution.unit if with_volume else "",
        frequency=contribution.frequency if with_volume else "",
        budget_cents=budget_cents,
        starts_on=decision.starts_on,
        ends_on=decision.ends_on,
        assigned_at=timezone.now(),
    )
    versioning.record(http, plan, log.Action.CREATE, f"Toewijzing {number} aan {contribution.provider}")
    return assignment
