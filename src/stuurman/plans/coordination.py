"""One coordinator per plan, over time, and the involvements that follow: the coordinator and their team
may open the household's file while they coordinate, an organisation that takes over temporarily
(a certified youth-protection institution, Veilig Thuis) while it does. Escalations are kept here too.

Exactly one coordination is open per plan: a database constraint holds it, and every change below ends
the open one and opens the next in one transaction.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from stuurman.privacy import log
from stuurman.privacy.models import Involvement

from . import versioning
from .models import Coordination, Escalation, Plan


def reference(plan: Plan) -> str:
    return f"plans.plan:{plan.pk}"


def current(plan: Plan) -> Coordination | None:
    return plan.coordinations.filter(until__isnull=True).select_related("coordinator").first()


def team_of(user, municipality):
    return user.teams.filter(municipality=municipality).order_by("name").first()


def coordinators(municipality, teams=None):
    """Staff of the municipality whose role lets them coordinate a plan; only members of ``teams`` if
    given. For choosing a coordinator: the service checks the choice again."""
    may = Permission.objects.filter(content_type__app_label="plans", codename="coordinate_plan")
    users = get_user_model().objects.filter(
        Q(groups__permissions__in=may) | Q(user_permissions__in=may) | Q(is_superuser=True),
        municipality=municipality,
        is_active=True,
        kind="staff",
    )
    if teams is not None:
        users = users.filter(teams__in=teams)
    return users.distinct().order_by("first_name", "last_name", "username")


def _involve(plan: Plan, coordination: Coordination, by, now) -> None:
    common = {
        "municipality": plan.municipality,
        "household": plan.household,
        "source": Involvement.Source.PLAN,
        "reference": reference(plan),
        "since": now,
        "created_by": by,
    }
    if coordination.organisation:
        Involvement.objects.create(
            organisation=coordination.organisation,
            reason=f"Regie (tijdelijk): {coordination.reason}",
            **common,
        )
        return
    Involvement.objects.create(user=coordination.coordinator, reason="Regisseur van het plan", **common)
    team = team_of(coordination.coordinator, plan.municipality)
    if team is not None:
        Involvement.objects.create(team=team, reason="Team van de regisseur van het plan", **common)


def _release(plan: Plan, now) -> None:
    Involvement.objects.filter(reference=reference(plan), until__isnull=True).update(until=now)


def _check_coordinator(user, plan: Plan) -> None:
    if user.is_inhabitant or not user.has_perm("plans.coordinate_plan"):
        raise ValidationError(f"{user} kan geen regie voeren over een plan.")
    if user.municipality_id != plan.municipality_id:
        raise ValidationError(f"{user} werkt voor een andere gemeente.")


def begin(http, plan: Plan, coordinator, reason: str) -> Coordination:
    """The first coordinator of a new plan (called by services.start, inside its transaction)."""
    _check_coordinator(coordinator, plan)
    coordination = Coordination.objects.create(
        plan=plan, coordinator=coordinator, reason=reason, since=timezone.localdate()
    )
    _involve(plan, coordination, http.user, timezone.now())
    return coordination


def _switch(
    http, plan: Plan, expected_version: int, *, summary: str, ended_reason: str, **new
) -> Coordination:
    today, now = timezone.localdate(), timezone.now()
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    versioning.bump(http, plan, expected_version, summary)
    old = current(plan)
    if old is not None:
        old.until, old.ended_reason = today, ended_reason[:300]
        old.save(update_fields=["until", "ended_reason"])
    _release(plan, now)
    coordination = Coordination.objects.create(plan=plan, since=today, **new)
    _involve(plan, coordination, http.user, now)
    versioning.record(http, plan, log.Action.TRANSFER, summary)
    return coordination


@transaction.atomic
def hand_over(http, plan: Plan, expected_version: int, to_user, reason: str) -> Coordination:
    """Another coordinator takes over for good."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Geef de reden van de overdracht.")
    _check_coordinator(to_user, plan)
    open_now = current(plan)
    if open_now and open_now.coordinator_id == to_user.pk:
        raise ValidationError(f"{to_user} voert de regie al.")
    return _switch(
        http,
        plan,
        expected_version,
        summary=f"Regie overgedragen aan {to_user}: {reason}",
        ended_reason=f"Overgedragen: {reason}",
        coordinator=to_user,
        reason=reason,
    )


@transaction.atomic
def hand_over_temporarily(
    http, plan: Plan, expected_version: int, organisation: str, reason: str
) -> Coordination:
    """An organisation coordinates for a while, e.g. a GI while a child-protection measure runs."""
    organisation, reason = organisation.strip(), reason.strip()
    if not organisation or not reason:
        raise ValidationError("Noem de organisatie en de reden, bijvoorbeeld de maatregel die loopt.")
    open_now = current(plan)
    if open_now is None or open_now.temporary:
        raise ValidationError("De regie is al tijdelijk overgedragen; neem haar eerst terug.")
    return _switch(
        http,
        plan,
        expected_version,
        summary=f"Regie tijdelijk bij {organisation}: {reason}",
        ended_reason=f"Tijdelijk overgedragen aan {organisation}",
        organisation=organisation,
        temporary=True,
        reason=reason,
    )


@transaction.atomic
def take_back(http, plan: Plan, expected_version: int, coordinator, reason: str) -> Coordination:
    """Coordination comes back from the organisation to a coordinator of the municipality."""
    reason = reason.strip()
    open_now = current(plan)
    if open_now is None or not open_now.temporary:
        raise ValidationError("De regie is niet tijdelijk overgedragen.")
    if not reason:
        raise ValidationError("Geef de reden, bijvoorbeeld dat de maatregel is beëindigd.")
    _check_coordinator(coordinator, plan)
    return _switch(
        http,
        plan,
        expected_version,
        summary=f"Regie terug van {open_now.organisation} naar {coordinator}: {reason}",
        ended_reason=reason,
        coordinator=coordinator,
        reason=f"Terug van {open_now.organisation}: {reason}",
    )


@transaction.atomic
def end(plan: Plan, now) -> None:
    """The plan ended: nobody coordinates it any more and its involvements end."""
    open_now = current(plan)
    if open_now is not None:
        open_now.until, open_now.ended_reason = now.date(), "Plan beëindigd"
        open_now.save(update_fields=["until", "ended_reason"])
    _release(plan, now)


@transaction.atomic
def escalate(
    http, plan: Plan, expected_version: int, against: str, what: str, doorzettingsmacht: bool
) -> Escalation:
    against, what = against.strip(), what.strip()
    if not against or not what:
        raise ValidationError("Noem wie niet levert en wat er niet gebeurt.")
    versioning.bump(http, plan, expected_version, f"Escalatie: {against}")
    escalation = Escalation.objects.create(
        plan=plan,
        against=against,
        what=what,
        doorzettingsmacht=doorzettingsmacht,
        raised_on=timezone.localdate(),
        raised_by=http.user,
    )
    versioning.record(http, plan, log.Action.UPDATE, f"Escalatie vastgelegd ({against})")
    return escalation


@transaction.atomic
def resolve(http, escalation: Escalation, expected_version: int, outcome: str) -> Escalation:
    outcome = outcome.strip()
    if not outcome:
        raise ValidationError("Beschrijf de uitkomst van de escalatie.")
    if escalation.resolved_on is not None:
        raise ValidationError("Deze escalatie is al afgehandeld.")
    versioning.bump(http, escalation.plan, expected_version, f"Escalatie afgehandeld: {escalation.against}")
    escalation.outcome, escalation.resolved_on = outcome, timezone.localdate()
    escalation.save(update_fields=["outcome", "resolved_on"])
    versioning.record(http, escalation.plan, log.Action.UPDATE, "Escalatie afgehandeld")
    return escalation
