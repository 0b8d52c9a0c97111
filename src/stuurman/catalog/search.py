"""The social map's search: Dutch full text, by area, life domain and kind; the lower tiers first.

On PostgreSQL the text is matched against the trigger-maintained ``search_vector`` with the Dutch
snowball stemmer ("eenzaam" finds "eenzaamheid"), each word also as a prefix so the first part of a
compound finds it ("koffie" finds "koffieochtend"); the name weighs most. SQLite, for a first local
run, matches each word as plain text instead (ADR 0007). Filtering and paging happen in the database.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When

from stuurman.tenancy.models import Area, Municipality

from .models import Contract, Service
from .rules import TIER_OF_KIND

_WORD = re.compile(r"\w+", re.UNICODE)
_TEXT_FIELDS = ("name", "summary", "description", "for_whom", "conditions", "organisation")
# What a result list needs; the long texts and the search column stay in the database.
_LIST_FIELDS = (
    "municipality",
    "code",
    "name",
    "kind",
    "law",
    "life_domains",
    "summary",
    "organisation",
    "phone",
    "email",
    "website",
    "address",
    "opening_hours",
    "inhabitant_cost",
    "end_date",
)


@dataclass(frozen=True)
class MapQuery:
    text: str = ""
    municipality: Municipality | None = None
    area: Area | None = None
    life_domain: str = ""
    kind: str = ""


def words(text: str) -> list[str]:
    """The words of what someone typed; everything else (quotes, operators, dashes) is dropped."""
    return _WORD.findall(text.lower())[:8]


def current(today: date):
    """Published services that have not retired: a service shows on its last day, not after."""
    return Service.objects.filter(status=Service.Status.PUBLISHED).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )


def area_family(area: Area) -> list[int]:
    """The area, the areas it lies in, and the areas that lie in it (the tree has three levels)."""
    ancestors = [node.pk for node in area.path()]
    descendants = Area.objects.filter(Q(parent=area) | Q(parent__parent=area)).values_list("pk", flat=True)
    return [*ancestors, *descendants]


def serving(rows, area: Area):
    """Services for someone in ``area``: those serving it, a larger area it lies in, a smaller area
    within it, or — with no areas of their own — their whole municipality or region."""
    served = Service.areas.through.objects.filter(service_id=OuterRef("pk"))
    return rows.filter(~Exists(served) | Exists(served.filter(area_id__in=area_family(area))))


def with_life_domain(rows, code: str):
    if connection.vendor == "postgresql":
        return rows.filter(life_domains__contains=[code])
    # SQLite has no JSON containment; the codes are distinct words, so their quoted form is unambiguous.
    return rows.filter(life_domains__icontains=f'"{code}"')


def _tier_order():
    return Case(
        *(When(kind=kind.value, then=Value(int(tier))) for kind, tier in TIER_OF_KIND.items()),
        output_field=IntegerField(),
    )


def _matching(rows, typed: list[str]):
    if connection.vendor == "postgresql":
        # Each word is letters and digits only, so the raw tsquery cannot be malformed or injected.
        query = SearchQuery(" & ".join(f"{word}:*" for word in typed), search_type="raw", config="dutch")
        rows = rows.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))
        return rows, "-rank"
    for word in typed:
        rows = rows.filter(Q.create([(f"{field}__icontains", word) for field in _TEXT_FIELDS], "OR"))
    return rows, "name"


def social_map(query: MapQuery, today: date):
    """The entries for a query, general before tailored, the best match first within a tier."""
    rows = current(today)
    municipality = query.area.municipality if query.area else query.municipality
    if municipality is not None:
        rows = rows.visible_in(municipality)
    if query.area is not None:
        rows = serving(rows, query.area)
    if query.life_domain:
        rows = with_life_domain(rows, query.life_domain)
    if query.kind:
        rows = rows.filter(kind=query.kind)
    then = "name"
    typed = words(query.text)
    if typed:
        rows, then = _matching(rows, typed)
    return (
        rows.only(*_LIST_FIELDS).annotate(tier_order=_tier_order()).order_by("tier_order", then, "name", "pk")
    )


def providers_to_choose(service: Service, today: date):
    """The providers contracted for a service today, for the inhabitant to choose from."""
    return (
        Contract.objects.filter(service=service, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("provider")
        .order_by("provider__name")
    )
