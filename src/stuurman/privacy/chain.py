"""The hash chain of the access log, in pure Python: what a row's digest is and how rows link.

Each row stores the SHA-256 of its own content (``content_digest``) and ``hash`` =
SHA-256(previous row's hash + content_digest). Changing a row breaks its digest; deleting or
inserting a row breaks the link after it. (Rewriting every later row as well would go unnoticed
without an outside anchor; see docs/adr/0005-access-log.md.)
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

# The fields a digest covers, in a fixed order. Adding a field means a new digest version.
CONTENT_FIELDS = (
    "at",
    "action",
    "user_id",
    "username",
    "role",
    "team",
    "organisation",
    "municipality_id",
    "access_point",
    "purpose",
    "involvement_id",
    "emergency_access_id",
    "object_type",
    "object_ids",
    "person_ids",
)


def content_digest(values: Mapping) -> str:
    canonical = json.dumps(
        {field: _plain(values[field]) for field in CONTENT_FIELDS},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def link(previous_hash: str, digest: str) -> str:
    """The row's chained hash; the PostgreSQL trigger computes exactly this."""
    return hashlib.sha256((previous_hash + digest).encode()).hexdigest()


def _plain(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return value


@dataclass(frozen=True)
class Row:
    id: int
    values: Mapping
    content_digest: str
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class Break:
    row_id: int
    reason: str


def first_break(rows: Iterable[Row]) -> tuple[Break | None, int]:
    """Walk rows in id order; return the first broken link (or None) and how many rows were checked."""
    expected_previous = ""
    checked = 0
    for row in rows:
        checked += 1
        if content_digest(row.values) != row.content_digest:
            return Break(row.id, "de inhoud is gewijzigd na het vastleggen"), checked
        if row.previous_hash != expected_previous:
            return Break(
                row.id, "de schakel met de vorige regel ontbreekt (regel verwijderd of ingevoegd)"
            ), checked
        if link(row.previous_hash, row.content_digest) != row.hash:
            return Break(row.id, "de ketenhash klopt niet"), checked
        expected_previous = row.hash
    return None, checked
