"""The social map's search: Dutch full text, by area, life domain and kind; the lower tiers first.

On PostgreSQL the text is matched against the trigger-maintained ``search_vector`` with the Dutch
snowball stemmer ("eenzaam" finds "eenzaamheid"), each word also as a prefix so the first part of a
compound finds it ("koffie" finds "koffieochtend"); the name weighs most. SQLite, for a first local
run, matches each word as plain text instead (ADR 0009). Filtering and paging happen in the database.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, Q, Window

from stuurman.tenancy.models import Area, Municipality

from .models import Contract, Service

_WORD = re.compile(r"\w+", re.UNICODE)
_TEXT_FIELDS = ("name", "summary", "description", "for_whom", "conditions", "organisation")
# What a result list needs; the long texts and the search column stay in the database.
_LIST_FIELDS = (
    "municipality",
    "code",
    "name",
    "kind",
    "tier",
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


def serving(rows, area: Area):
    """Services for someone in ``area``: those serving it, a larger area it lies in, a smaller area
    within it, or — with no areas of their own — their whole municipality or region.

    The tree has three levels: the ancestors come with the area, the descendants as a subquery, so the
    whole search stays one statement.
    """
    ancestors = [node.pk for node in area.path()]
    descendants = Area.objects.filter(Q(parent=area.pk) | Q(parent__parent=area.pk)).values("pk")
    # Uncorrelated IN-subqueries: PostgreSQL hashes each once instead of probing per service.
    served = Service.areas.through.objects.values("service_id")
    family = served.filter(Q(area_id__in=ancestors) | Q(area_id__in=descendants))
    return rows.filter(~Q(pk__in=served) | Q(pk__in=family))


def with_life_domain(rows, code: str):
    if connection.vendor == "postgresql":
        return rows.filter(life_domains__contains=[code])
    # SQLite has no JSON containment; the codes are distinct words, so their quoted form is unambiguous.
    return rows.filter(life_domains__icontains=f'"{code}"')


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
    return rows.only(*_LIST_FIELDS).order_by("tier", then, "name", "pk")


def page_of(rows, number, size: int = 20) -> Page:
    """One page and the total in a single statement (a window count), instead of a count and a page."""
    try:
        number = max(int(number), 1)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * size
    found = list(rows.annotate(total=Window(Count("pk")))[start : start + size])
    paginator = Paginator(rows, size)
    # Past the last page there is no row to carry the total: count, and show the last page instead.
    paginator.count = found[0].total if found else rows.count()
    page = paginator.get_page(number)
    if page.number == number:
        page.object_list = found
    return page


def providers_to_choose(service: Service, today: date):
    """The providers contracted for a service today, for the inhabitant to choose from."""
    return (
        Contract.objects.filter(service=service, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("provider")
        .order_by("provider__name")
    )
