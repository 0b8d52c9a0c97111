"""The one write path for persons, households, memberships and network members.

Callers pass model instances built by forms; these functions validate, save and end memberships.
History is kept by django-simple-history on every save; callers in the page layer write the access log.
"""

from datetime import date

from django.db import transaction

from .models import Household, Membership, NetworkMember, Person
from .network import default_circle


def _save(instance):
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def register_household(household: Household, first_member: Person, role: str, since: date) -> Household:
    first_member.municipality = household.municipality
    _save(household)
    _save(first_member)
    _save(Membership(household=household, person=first_member, role=role, since=since))
    return household


def save_household(household: Household) -> Household:
    return _save(household)


def save_person(person: Person) -> Person:
    return _save(person)


@transaction.atomic
def add_member(household: Household, person: Person, role: str, since: date) -> Membership:
    person.municipality = household.municipality
    _save(person)
    return _save(Membership(household=household, person=person, role=role, since=since))


def end_membership(membership: Membership, until: date) -> Membership:
    membership.until = until
    return _save(membership)


def save_network_member(member: NetworkMember) -> NetworkMember:
    member.municipality = member.household.municipality
    if not member.circle:
        member.circle = default_circle(member.relation)
    return _save(member)


def remove_network_member(member: NetworkMember) -> None:
    member.delete()
