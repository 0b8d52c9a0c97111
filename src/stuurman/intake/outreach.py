"""Outreach (bemoeizorg): the one write path for deciding to act without a request for help, or to
respect the refusal of someone who is competent and poses no risk (procedures.md, 'Integrated approach')."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stuurman.privacy import log

from .models import OutreachDecision, Request


def refusal_problem(competent: bool | None, risk: bool | None) -> str:
    """Why a refusal may not be respected, or '' when it may (pure rule)."""
    if competent is not True:
        return "Een weigering respecteren kan alleen als de persoon wilsbekwaam is voor deze beslissing."
    if risk is not False:
        return (
            "Bij gevaar voor de persoon of anderen kan een weigering niet zonder meer worden gerespecteerd."
        )
    return ""


@transaction.atomic
def decide(http, request: Request, choice: str, grounds: str, *, competent=None, risk=None, review_on=None):
    grounds = grounds.strip()
    if not grounds:
        raise ValidationError("Leg de gronden van het besluit vast.")
    today = timezone.localdate()
    if choice == OutreachDecision.Choice.ACT:
        if review_on is None or review_on <= today:
            raise ValidationError("Kies een datum in de toekomst waarop het besluit opnieuw wordt bekeken.")
    elif problem := refusal_problem(competent, risk):
        raise ValidationError(problem)
    decision = OutreachDecision.objects.create(
        request=request,
        choice=choice,
        grounds=grounds,
        competent=competent,
        risk=risk,
        review_on=review_on,
        decided_by=http.user,
        decided_at=timezone.now(),
    )
    log.record(
        http,
        log.Action.UPDATE,
        purpose=f"Bemoeizorg: {decision.get_choice_display()}",
        persons=[request.person_id] if request.person_id else [],
        objects=[request],
        object_type="request",
    )
    return decision


def reviews_due(teams, on: date):
    return OutreachDecision.objects.filter(
        request__responsible_team__in=teams, choice=OutreachDecision.Choice.ACT, review_on__lte=on
    )
