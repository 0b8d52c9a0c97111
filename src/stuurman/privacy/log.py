"""Writing and reading the access log: one insert per page, whatever the page shows.

On PostgreSQL a trigger links each new row into the hash chain and refuses UPDATE and DELETE
(migration 0002). SQLite, the embedded default for a first local run, has no such trigger: there the
chain is linked here, inside the same transaction.
"""

from collections.abc import Iterable, Iterator

from django.db import connection, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from .chain import CONTENT_FIELDS, Row, content_digest, link
from .models import AccessLog, EmergencyAccess, Involvement

Action = AccessLog.Action


def record(
    request,
    action: str,
    *,
    purpose: str,
    persons: Iterable = (),
    objects: Iterable = (),
    object_type: str = "",
    grant=None,
) -> AccessLog:
    """Log one event by the request's user. ``grant`` is the Involvement or EmergencyAccess relied on."""
    user = request.user
    role = user.primary_role
    team = getattr(grant, "team", None) if isinstance(grant, Involvement) else None
    entry = AccessLog(
        at=timezone.now(),
        action=action,
        user_id=user.pk,
        username=user.get_username(),
        role=role.name if role else "",
        team=team.name if team else "",
        organisation=user.organisation,
        municipality_id=user.municipality_id,
        access_point=_access_point(request),
        purpose=purpose[:300],
        involvement_id=grant.pk if isinstance(grant, Involvement) else None,
        emergency_access_id=grant.pk if isinstance(grant, EmergencyAccess) else None,
        object_type=object_type,
        object_ids=sorted({_pk(o) for o in objects}),
        person_ids=sorted({_pk(p) for p in persons}),
    )
    entry.content_digest = content_digest({field: getattr(entry, field) for field in CONTENT_FIELDS})
    if connection.vendor == "postgresql":
        entry.save(force_insert=True)
    else:
        with transaction.atomic():
            last = AccessLog.objects.order_by("-id").values_list("hash", flat=True).first() or ""
            entry.previous_hash = last
            entry.hash = link(last, entry.content_digest)
            entry.save(force_insert=True)
    return entry


def _pk(item) -> int:
    return item if isinstance(item, int) else item.pk


def _access_point(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client says unless a proxy we trust sets it.
    address = request.META.get("REMOTE_ADDR", "")
    return f"{address} {request.method} {request.path}"[:300]


def mentioning(person_id: int) -> Q:
    """Log rows that name this person (PostgreSQL uses the GIN index on person_ids)."""
    if connection.vendor == "postgresql":
        return Q(person_ids__contains=[person_id])
    return Q(pk__in=_sqlite_mentioning(person_id))


def _sqlite_mentioning(person_id: int):
    text = Cast("person_ids", TextField())
    pattern = rf"(^|[^0-9]){person_id}([^0-9]|$)"
    return AccessLog.objects.annotate(text=text).filter(text__regex=pattern).values("pk")


def chain_rows(chunk_size: int = 5000) -> Iterator[Row]:
    """Every log row in id order, as the pure chain walker wants them."""
    fields = ("id", *CONTENT_FIELDS, "content_digest", "previous_hash", "hash")
    for values in AccessLog.objects.order_by("id").values(*fields).iterator(chunk_size=chunk_size):
        yield Row(
            id=values["id"],
            values=values,
            content_digest=values["content_digest"],
            previous_hash=values["previous_hash"],
            hash=values["hash"],
        )
