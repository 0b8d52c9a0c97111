"""The one write path for conversations: record or change one, and sign its report.

A conversation belongs to one household: the members and network members present and the requests it
answers must be that household's own. For the Wmo the signed report counts as the application, so
signing starts the decision deadline of the requests it answers (intake.services.record_application).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stuurman.intake import services as intake
from stuurman.intake.models import Request
from stuurman.privacy import log

from .models import Conversation


def current_members(household):
    return household.memberships.filter(until__isnull=True).values_list("person_id", flat=True)


def open_requests(household):
    """The requests a conversation with this household can answer."""
    return Request.objects.filter(household=household).exclude(status=Request.Status.CLOSED)


def _problems(conversation: Conversation, members, network, requests) -> list[str]:
    household = conversation.household
    found = []
    if conversation.held_on and conversation.held_on > timezone.localdate():
        found.append("Het gesprek kan niet in de toekomst hebben plaatsgevonden.")
    if {p.pk for p in members} - set(current_members(household)):
        found.append("Alleen gezinsleden van dit huishouden kunnen bij het gesprek aanwezig zijn.")
    if any(member.household_id != household.pk for member in network):
        found.append("Kies netwerkleden van dit huishouden.")
    if any(request.household_id != household.pk for request in requests):
        found.append("Een gesprek beantwoordt alleen meldingen van dit huishouden.")
    return found


@transaction.atomic
def save(http, conversation: Conversation, *, members, network, requests, grant=None) -> Conversation:
    """Create or change a conversation with who was present and the requests it answers."""
    members, network, requests = list(members), list(network), list(requests)
    if conversation.report_signed_on is not None:
        raise ValidationError("Het verslag is ondertekend; leg een wijziging vast in een nieuw gesprek.")
    found = _problems(conversation, members, network, requests)
    if found:
        raise ValidationError(found)
    new = conversation.pk is None
    if new:
        conversation.municipality = conversation.household.municipality
        conversation.recorded_by = http.user
    conversation.full_clean(exclude=["municipality", "household", "recorded_by"])
    conversation.save()
    conversation.members_present.set(members)
    conversation.network_present.set(network)
    conversation.requests.set(requests)
    log.record(
        http,
        log.Action.CREATE if new else log.Action.UPDATE,
        purpose="Gesprek vastgelegd" if new else "Gesprek gewijzigd",
        persons=current_members(conversation.household),
        objects=[conversation],
        object_type="conversation",
        grant=grant,
    )
    return conversation


@transaction.atomic
def sign(http, conversation: Conversation, signed_on, *, as_application: bool, grant=None) -> list[Request]:
    """Record the day the inhabitant signed the report. With ``as_application`` the signed report is the
    application for the open Wmo requests it answers; returns those requests."""
    if signed_on > timezone.localdate():
        raise ValidationError("De datum van ondertekening ligt in de toekomst.")
    if signed_on < conversation.held_on:
        raise ValidationError(
            f"Het verslag kan niet ondertekend zijn vóór het gesprek ({conversation.held_on:%d-%m-%Y})."
        )
    if conversation.report_signed_on is not None:
        raise ValidationError(
            f"Het verslag is al ondertekend op {conversation.report_signed_on:%d-%m-%Y}; "
            "leg een wijziging vast als een nieuw gesprek."
        )
    conversation.report_signed_on = signed_on
    conversation.save(update_fields=["report_signed_on"])
    log.record(
        http,
        log.Action.UPDATE,
        purpose=f"Verslag ondertekend op {signed_on:%d-%m-%Y}",
        persons=current_members(conversation.household),
        objects=[conversation],
        object_type="conversation",
        grant=grant,
    )
    if not as_application:
        return []
    applied = []
    basis = f"ondertekend gespreksverslag van {conversation.held_on:%d-%m-%Y}"
    for request in conversation.requests.filter(law=Request.Law.WMO, application_on__isnull=True).exclude(
        status=Request.Status.CLOSED
    ):
        applied.append(intake.record_application(http, request, signed_on, basis))
    return applied
