"""Writes on household files: the people write path, the involvement it implies, and the access log."""

from django.db import transaction
from django.utils import timezone

from stuurman.people import services as people
from stuurman.privacy import involvements, log

from .models import Attachment, TimelineEntry


def _current_person_ids(household):
    return household.memberships.filter(until__isnull=True).values_list("person_id", flat=True)


@transaction.atomic
def register_household(request, household, person, role, since):
    household.municipality = request.user.municipality
    people.register_household(household, person, role, since)
    involvement = involvements.involve_registrar(request.user, household)
    log.record(
        request,
        log.Action.CREATE,
        purpose="Nieuw huishouden geregistreerd",
        persons=[person],
        objects=[household],
        object_type="household",
        grant=involvement,
    )
    return household


def _logged(request, action, purpose, household, grant, persons=None):
    log.record(
        request,
        action,
        purpose=purpose,
        persons=_current_person_ids(household) if persons is None else persons,
        objects=[household],
        object_type="household",
        grant=grant,
    )


@transaction.atomic
def save_household(request, household, grant):
    people.save_household(household)
    _logged(request, log.Action.UPDATE, "Huishouden gewijzigd", household, grant)


@transaction.atomic
def save_person(request, household, person, grant):
    people.save_person(person)
    _logged(request, log.Action.UPDATE, "Persoonsgegevens gewijzigd", household, grant, [person.pk])


@transaction.atomic
def add_member(request, household, person, role, since, grant):
    people.add_member(household, person, role, since)
    _logged(request, log.Action.CREATE, "Gezinslid toegevoegd", household, grant, [person.pk])


@transaction.atomic
def end_membership(request, household, membership, until, grant):
    people.end_membership(membership, until)
    _logged(
        request,
        log.Action.UPDATE,
        "Gezinslid verhuisd of vertrokken",
        household,
        grant,
        [membership.person_id],
    )


@transaction.atomic
def save_network_member(request, household, member, grant, created):
    people.save_network_member(member)
    action = log.Action.CREATE if created else log.Action.UPDATE
    _logged(request, action, f"Netwerk: {member.display_name}", household, grant)


@transaction.atomic
def remove_network_member(request, household, member, grant):
    name = member.display_name
    people.remove_network_member(member)
    _logged(request, log.Action.DELETE, f"Netwerk: {name} verwijderd", household, grant)


@transaction.atomic
def record_entry(request, household, entry, uploads, content_types, grant):
    """A contact or note on the household's timeline, with its attachments."""
    entry.municipality, entry.household = household.municipality, household
    entry.author, entry.recorded_at = request.user, timezone.now()
    entry.full_clean()
    entry.save()
    for upload, content_type in zip(uploads, content_types, strict=True):
        Attachment.objects.create(
            entry=entry,
            file=upload,
            original_name=upload.name[:200],
            content_type=content_type,
            size=upload.size,
        )
    _logged(request, log.Action.CREATE, f"Tijdlijn: {entry.get_kind_display()}", household, grant)
    return entry


@transaction.atomic
def correct_entry(request, household, original, text, grant):
    """Corrections are new entries that point at what they correct; the original stays as it was."""
    correction = TimelineEntry.objects.create(
        municipality=household.municipality,
        household=household,
        kind=original.kind,
        happened_at=original.happened_at,
        text=text.strip(),
        reference=original.reference,
        corrects=original,
        author=request.user,
        recorded_at=timezone.now(),
    )
    _logged(request, log.Action.CREATE, "Tijdlijn: correctie", household, grant)
    return correction
