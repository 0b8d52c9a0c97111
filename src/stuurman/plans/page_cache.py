"""The plan page's body, rendered once for each state of what it shows and kept in this process's memory
(docs/adr/0014-plan-page-cache.md): after ten years a plan's goals, contributions, decisions and history
cost more to read and render than the rest of the page together.

A body is reused only while everything it shows is unchanged, so the key names all of it:

- the plan's own rows: each of their changes goes through ``versioning.bump``, so ``plan.version`` names
  them (with the plan row's own fields the body shows);
- the rows of other aggregates the body names — persons, network members, services, providers, this
  year's budgets, users — hashed whole by PostgreSQL in one query: a corrected name or a new budget
  shows on the next view, whichever process or path changed it;
- the day (what runs, what is late), the household's name, the user's rights the body links by, and
  the language.

On SQLite (a first local run) the body is rendered on every view. Access policy and access log
are not affected: the view checks and logs before it asks for the body.
"""

import hashlib
from collections.abc import Callable
from functools import cache

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.utils import translation

from stuurman.catalog.models import Provider, Service
from stuurman.people.models import NetworkMember, Person

from . import models

# The plan's own tables: a change to any of them raises the plan's version.
AGGREGATE = (
    models.Plan,
    models.Coordination,
    models.Escalation,
    models.Goal,
    models.Contribution,
    models.LowerTierConsideration,
    models.Decision,
    models.Assignment,
    models.PlanEvent,
    models.AgreedVersion,
    models.Review,
    models.GoalResult,
)
# The other tables the body shows values from; the fingerprint hashes their rows.
OUTSIDE = (Person, NetworkMember, Service, Provider, models.Budget, get_user_model())
# The permissions the body's templates ask ``perms`` about: part of the key.
RIGHTS = ("plans.change_plan", "plans.coordinate_plan")


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


@cache  # the same text for every view
def _fingerprint_sql() -> str:
    person, member, service, provider, budget, user = (_table(model) for model in OUTSIDE)
    contribution, goal, assignment = (
        _table(m) for m in (models.Contribution, models.Goal, models.Assignment)
    )
    by_user = " UNION ".join(
        f"SELECT {column} FROM {_table(model)} WHERE plan_id = %(plan)s"
        for model, column in (
            (models.Coordination, "coordinator_id"),
            (models.Review, "held_by_id"),
            (models.PlanEvent, "by_id"),
            (models.Escalation, "raised_by_id"),
        )
    )
    # Whole rows as text: any column that changes, by whatever path, changes the fingerprint.
    return f"""
WITH c AS (
  SELECT id, person_id, network_member_id, service_id, provider_id FROM {contribution}
  WHERE plan_id = %(plan)s
)
SELECT md5(string_agg(source || row, ',' ORDER BY source, id)) FROM (
  SELECT 'person', id, t::text FROM {person} t WHERE id IN (
    SELECT person_id FROM {goal} WHERE plan_id = %(plan)s UNION SELECT person_id FROM c
    UNION SELECT person_id FROM {member} WHERE id IN (SELECT network_member_id FROM c))
  UNION ALL SELECT 'member', id, t::text FROM {member} t WHERE id IN (SELECT network_member_id FROM c)
  UNION ALL SELECT 'service', id, t::text FROM {service} t WHERE id IN (SELECT service_id FROM c)
  UNION ALL SELECT 'provider', id, t::text FROM {provider} t WHERE id IN (
    SELECT provider_id FROM c
    UNION SELECT provider_id FROM {assignment} WHERE contribution_id IN (SELECT id FROM c))
  UNION ALL SELECT 'budget', id, t::text FROM {budget} t
    WHERE municipality_id = %(municipality)s AND year = %(year)s
  UNION ALL SELECT 'user', id, t::text FROM {user} t WHERE id IN ({by_user})
) AS shown (source, id, row)"""


def fingerprint(plan, today) -> str | None:
    """The other aggregates' shown rows as they are now, in 32 characters; None off PostgreSQL."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            _fingerprint_sql(), {"plan": plan.pk, "municipality": plan.municipality_id, "year": today.year}
        )
        return cursor.fetchone()[0] or "none"


def key(plan, household, today, user, stamp: str) -> str:
    rights = "".join("1" if user.has_perm(right) else "0" for right in RIGHTS)
    shown = (plan.status, plan.next_review_on, plan.next_review_reason, household.name)
    parts = (today.isoformat(), rights, translation.get_language(), stamp, *map(str, shown))
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"plan-body:{plan.pk}:{plan.version}:{digest}"


def body(plan, household, today, user, render: Callable[[], dict]) -> dict:
    """``render()``'s result for this state of the plan, from memory when this process made it before."""
    stamp = fingerprint(plan, today)
    if stamp is None:
        return render()
    store = caches["plan_pages"]
    found_key = key(plan, household, today, user, stamp)
    found = store.get(found_key)
    if found is None:
        found = render()
        store.set(found_key, found)
    return found
