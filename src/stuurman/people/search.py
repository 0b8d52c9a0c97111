"""Finding persons by name: one surname-prefix search that stays fast with the access policy applied.

On PostgreSQL the prefix runs along the expression index ``person_surname_key`` (migration 0003) in
index order, so a page of results stops as soon as it has enough persons the user may see, instead
of checking every matching surname in the region. Names sort by their upper-case letters (accents
after Z); good enough for a result list, and the same on every page.
"""

from django.db import connection
from django.db.models import QuerySet
from django.db.models.functions import Collate, Upper

# Voorvoegsels as the BRP knows them, longest first so "van den" wins over "van".
VOORVOEGSELS = sorted(
    ("van", "van de", "van den", "van der", "de", "den", "der", "te", "ter", "ten", "het", "in 't", "op de",
     "el", "al", "da", "di", "du", "la", "le", "'t"),
    key=len,
    reverse=True,
)  # fmt: skip


def without_voorvoegsel(text: str) -> str:
    """'de Vries' -> 'Vries': Dutch registers sort and search on the surname without its voorvoegsel."""
    text = " ".join(text.split())
    for voorvoegsel in VOORVOEGSELS:
        if text.lower().startswith(voorvoegsel + " ") and len(text) > len(voorvoegsel) + 1:
            return text[len(voorvoegsel) + 1 :]
    return text


def surname_starts_with(persons: QuerySet, typed: str) -> QuerySet:
    """Persons whose surname starts with what was typed (a voorvoegsel typed in front is ignored)."""
    text = without_voorvoegsel(typed)
    if connection.vendor != "postgresql":
        return persons.filter(surname__istartswith=text).order_by("surname", "first_names", "pk")
    return (
        persons.annotate(surname_key=Collate(Upper("surname"), "C"))
        .filter(surname_key__startswith=text.upper())
        .order_by("surname_key", "first_names", "pk")
    )
