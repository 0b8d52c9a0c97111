"""The plan page reads a fixed number of queries, however long the plan's history: a plan of one year
and a plan of four years with five times the goals, contributions, versions and changes cost the same,
whether its body is rendered (cold) or taken from memory (warm, plans/page_cache.py)."""

import pytest
from benchmarks.plan_history import Size, build
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stuurman.accounts.models import User

pytestmark = pytest.mark.django_db

# 27 cold today: session, user, municipality and permissions (5); the access policy's grant and the
# household (2); the plan and the fingerprint of what other aggregates the body shows (2); the body's
# parts (12: coordination, running contributions and their considerations, goals, reviews and their
# results, assignments, changes, agreed versions, escalations, budgets); the open signals (1); the
# access log (4: members, the grant's party, the role, the insert); the page shell (2: role, running
# emergency access). Room for two more; a query per row is a bug. Warm, the body's parts are not read.
MAX_QUERIES = 29
MAX_WARM_QUERIES = MAX_QUERIES - 12

SMALL = Size(years=1, goals=4, contributions=7, agreed_versions=2, events=20, log_rows=0, hand_overs=1)
LARGE = Size(years=4, goals=20, contributions=35, agreed_versions=10, events=150, log_rows=0, hand_overs=5)


def test_the_plan_page_does_not_read_more_with_a_longer_history(
    client, demo_region, django_assert_max_num_queries
):
    client.force_login(User.objects.get(username="regisseur"))
    counts = []
    for size, seed in ((SMALL, 1), (LARGE, 2)):
        plan = build(size, seed=seed)
        url = reverse("plans:plan", args=[plan.household_id, plan.pk])
        assert client.get(url).status_code == 200  # the first request also warms the shell's caches
        caches["plan_pages"].clear()
        with CaptureQueriesContext(connection) as cold:
            assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as warm:
            assert client.get(url).status_code == 200
        counts.append((len(cold), len(warm)))
        caches["plan_pages"].clear()
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(url)
        with django_assert_max_num_queries(MAX_WARM_QUERIES):
            client.get(url)
    assert counts[0] == counts[1], counts
