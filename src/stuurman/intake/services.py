"""The one write path for requests: register, hand over (warm), accept or refuse, record safety steps.

Each step saves, keeps exactly one responsible team, writes the involvement that opens the household
file to that team (privacy reads only involvements), and logs the event.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stuurman.privacy import log
from stuurman.privacy.models import Involvement

from . import deadlines
from .models import DeadlineExtension, Request, SafetyStep, TeamAlert, Transfer
from .routing import CLOSING_OUTCOMES, LINE_OF_OUTCOME, next_deadline, team_for_household


def _persons(request: Request) -> list[int]:
    return [request.person_id] if request.person_id else []


def _log(http, action, request: Request, purpose: str):
    log.record(
        http, action, purpose=purpose, persons=_persons(request), objects=[request], object_type="request"
    )


def _reference(request: Request) -> str:
    return f"intake.request:{request.pk}"


def _involve(request: Request, team, by, now):
    """The responsible team may open the household's file while it holds this request."""
    if request.household_id is None:
        return
    Involvement.objects.create(
        municipality=request.municipality,
        household_id=request.household_id,
        team=team,
        source=Involvement.Source.REQUEST,
        reason=f"Melding {request.pk}: {request.question[:200]}",
        reference=_reference(request),
        since=now,
        created_by=by,
    )


def _release(request: Request, team, now):
    Involvement.objects.filter(reference=_reference(request), team=team, until__isnull=True).update(until=now)


def _refresh_deadline(request: Request):
    request.next_deadline, request.next_due = next_deadline(request, timezone.localdate())
    if request.pk and request.next_due:
        extended = request.extensions.filter(deadline=request.next_deadline).order_by("-new_due").first()
        if extended is not None:
            request.next_due = extended.new_due


@transaction.atomic
def extend_deadline(http, request: Request, new_due, reason: str) -> DeadlineExtension:
    """Extend the request's next deadline; the rule (later date, a reason) is the pure one in deadlines."""
    if not request.next_due:
        raise ValidationError("Deze melding heeft geen lopende termijn om te verlengen.")
    current = deadlines.Deadline(
        request.next_deadline, request.next_deadline, request.received_on, request.next_due, ""
    )
    try:
        extended = current.extend(new_due, reason)
    except deadlines.DeadlineError as error:
        raise ValidationError(str(error)) from None
    record = DeadlineExtension.objects.create(
        request=request,
        deadline=request.next_deadline,
        original_due=request.next_due,
        new_due=extended.due,
        reason=extended.extension_reason,
        extended_by=http.user,
        extended_at=timezone.now(),
    )
    request.next_due = extended.due
    request.save(update_fields=["next_due"])
    _log(
        http,
        log.Action.UPDATE,
        request,
        f"Termijn '{record.deadline}' verlengd tot {record.new_due:%d-%m-%Y}",
    )
    return record


@transaction.atomic
def register(http, request: Request) -> Request:
    """Store a new request; route it by area when the household is known; a safety 'yes' is a crisis."""
    user, now = http.user, timezone.now()
    if request.person_id is None and not (request.unknown_name.strip() or request.unknown_contact.strip()):
        raise ValidationError(
            "Vul iets in waarmee we de persoon kunnen vinden of bereiken: naam, telefoon of adres."
        )
    if request.person_id and request.household_id is None:
        membership = request.person.memberships.filter(until__isnull=True).select_related("household").first()
        request.household = membership.household if membership else None
    area_team = team_for_household(request.household)
    own_team = user.teams.filter(municipality=user.municipality).order_by("name").first()
    team = area_team or own_team
    if team is None:
        raise ValidationError(
            "U hoort bij geen team en het huishouden heeft geen wijkteam; vraag uw beheerder."
        )
    request.municipality = user.municipality
    request.responsible_team = team
    request.status = Request.Status.ROUTED if area_team else Request.Status.REGISTERED
    request.registered_by, request.registered_at = user, now
    request.received_on = request.received_on or timezone.localdate()
    if request.safety_concern:
        request.urgency = Request.Urgency.CRISIS
    _refresh_deadline(request)
    request.full_clean()
    request.save()
    _involve(request, team, user, now)
    if request.safety_concern:
        TeamAlert.objects.create(request=request, team=team, raised_at=now)
    _log(http, log.Action.CREATE, request, f"Melding geregistreerd via {request.get_channel_display()}")
    return request


@transaction.atomic
def hand_over(http, request: Request, to_team, reason: str, *, household_moved: bool = False) -> Transfer:
    """Offer a request to another team. Across municipalities only when the household moved within the
    region: the region's agreement is that open requests follow the household."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Geef aan waarom u de melding overdraagt.")
    if to_team == request.responsible_team:
        raise ValidationError("Dit team is al verantwoordelijk.")
    same_region = to_team.municipality.region_id == request.municipality.region_id
    if to_team.municipality_id != request.municipality_id and not (household_moved and same_region):
        raise ValidationError(
            "Overdragen aan een team van een andere gemeente kan alleen met een regionale afspraak; "
            "die is voor deze gemeenten niet vastgelegd."
        )
    if request.transfers.filter(state=Transfer.State.PENDING).exists():
        raise ValidationError("Er wacht al een overdracht op acceptatie.")
    transfer = Transfer.objects.create(
        request=request,
        from_team=request.responsible_team,
        to_team=to_team,
        reason=reason,
        sent_by=http.user,
        sent_at=timezone.now(),
    )
    _log(http, log.Action.TRANSFER, request, f"Overdracht voorgesteld aan {to_team}: {reason}")
    return transfer


@transaction.atomic
def accept(http, transfer: Transfer) -> Request:
    transfer = Transfer.objects.select_for_update().get(pk=transfer.pk)
    if transfer.state != Transfer.State.PENDING:
        raise ValidationError("Deze overdracht is al beantwoord.")
    now = timezone.now()
    request = transfer.request
    transfer.state, transfer.answered_by, transfer.answered_at = Transfer.State.ACCEPTED, http.user, now
    transfer.save()
    request.responsible_team = transfer.to_team
    request.municipality_id = transfer.to_team.municipality_id  # after a move within the region
    request.status = Request.Status.ROUTED
    _refresh_deadline(request)
    request.save(update_fields=["responsible_team", "municipality", "status", "next_deadline", "next_due"])
    _involve(request, transfer.to_team, http.user, now)
    _release(request, transfer.from_team, now)
    _log(http, log.Action.TRANSFER, request, f"Overdracht geaccepteerd door {transfer.to_team}")
    return request


@transaction.atomic
def refuse(http, transfer: Transfer, reason: str) -> Transfer:
    reason = reason.strip()
    if not reason:
        raise ValidationError("Geef aan waarom u de overdracht weigert.")
    if transfer.state != Transfer.State.PENDING:
        raise ValidationError("Deze overdracht is al beantwoord.")
    transfer.state, transfer.refusal_reason = Transfer.State.REFUSED, reason
    transfer.answered_by, transfer.answered_at = http.user, timezone.now()
    transfer.save()
    _log(
        http, log.Action.TRANSFER, transfer.request, f"Overdracht geweigerd door {transfer.to_team}: {reason}"
    )
    return transfer


@transaction.atomic
def record_safety_step(http, request: Request, step: int, note: str) -> SafetyStep:
    if not note.strip():
        raise ValidationError("Beschrijf wat er bij deze stap is gedaan of besloten.")
    done = SafetyStep.objects.create(
        request=request, step=step, note=note.strip(), done_by=http.user, done_at=timezone.now()
    )
    _log(http, log.Action.UPDATE, request, f"Meldcode stap {step} vastgelegd")
    return done


def acknowledge(http, alert: TeamAlert) -> TeamAlert:
    if alert.acknowledged_at is None:
        alert.acknowledged_by, alert.acknowledged_at = http.user, timezone.now()
        alert.save(update_fields=["acknowledged_by", "acknowledged_at"])
    return alert


@transaction.atomic
def analyse(http, request: Request, outcome: str, motivation: str, law: str = "") -> Request:
    """Record the question analysis with its motivation; advice and general provisions close the request."""
    motivation = motivation.strip()
    if not motivation:
        raise ValidationError("Motiveer de uitkomst in een paar zinnen.")
    if request.status == Request.Status.CLOSED:
        raise ValidationError("Deze melding is al afgesloten.")
    now = timezone.now()
    request.outcome, request.line, request.motivation = outcome, LINE_OF_OUTCOME[outcome], motivation
    request.law = law or request.law
    if outcome == Request.Outcome.CRISIS:
        request.urgency = Request.Urgency.CRISIS
        TeamAlert.objects.create(request=request, team=request.responsible_team, raised_at=now)
    if outcome in CLOSING_OUTCOMES:
        request.status, request.closed_reason = Request.Status.CLOSED, motivation[:300]
        _release(request, request.responsible_team, now)
    _refresh_deadline(request)
    request.full_clean()
    request.save()
    _log(http, log.Action.UPDATE, request, f"Vraagverheldering: {request.get_outcome_display()}")
    return request


@transaction.atomic
def record_application(http, request: Request, on, basis: str) -> Request:
    """The application (aanvraag) was made on this day; the decision deadline of the law runs from it.
    The first application counts: a second one for the same request does not move the deadline."""
    if request.status == Request.Status.CLOSED:
        raise ValidationError(f"Melding {request.pk} is afgesloten; daar hoort geen aanvraag meer bij.")
    if on > timezone.localdate():
        raise ValidationError("De datum van de aanvraag ligt in de toekomst.")
    if on < request.received_on:
        raise ValidationError(
            f"De aanvraag kan niet vóór de melding ({request.received_on:%d-%m-%Y}) liggen."
        )
    if request.application_on is not None:
        return request
    request.application_on, request.application_basis = on, basis[:150]
    _refresh_deadline(request)
    request.save(update_fields=["application_on", "application_basis", "next_deadline", "next_due"])
    _log(
        http,
        log.Action.UPDATE,
        request,
        f"Aanvraag van {on:%d-%m-%Y} ({basis[:100]}): {request.next_deadline}",
    )
    return request


@transaction.atomic
def link_person(http, request: Request, person) -> Request:
    """Link a request registered for someone unknown to the person, without making a new one."""
    if request.person_id:
        raise ValidationError("Deze melding is al aan een persoon gekoppeld.")
    if person.municipality_id != request.municipality_id:
        raise ValidationError("Deze persoon woont in een andere gemeente.")
    membership = person.memberships.filter(until__isnull=True).select_related("household__area").first()
    request.person, request.household = person, membership.household if membership else None
    area_team = team_for_household(request.household)
    now = timezone.now()
    if area_team and request.status == Request.Status.REGISTERED:
        _release(request, request.responsible_team, now)
        request.responsible_team, request.status = area_team, Request.Status.ROUTED
    request.save()
    _involve(request, request.responsible_team, http.user, now)
    _log(http, log.Action.UPDATE, request, "Melding aan een bekende persoon gekoppeld")
    return request


@transaction.atomic
def close(http, request: Request, reason: str) -> Request:
    now = timezone.now()
    request.status, request.closed_reason = Request.Status.CLOSED, reason[:300]
    _refresh_deadline(request)
    request.save(update_fields=["status", "closed_reason", "next_deadline", "next_due"])
    Involvement.objects.filter(reference=_reference(request), until__isnull=True).update(until=now)
    _log(http, log.Action.UPDATE, request, f"Melding afgesloten: {reason[:200]}")
    return request
