"""The plan page reads a fixed number of queries, however long the plan's history: a plan of one year
and a plan of four years with five times the goals, contributions, versions and changes cost the same."""

import pytest
from benchmarks.plan_history import Size, build
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stuurman.accounts.models import User

pytestmark = pytest.mark.django_db

# Session, user, permissions, the access policy's grant, the household, the plan and its parts, the
# budgets, the access-log insert and the page shell. Counted on PostgreSQL; a new query needs a reason.
MAX_QUERIES = 36

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
        assert client.get(url).status_code == 200  # the first request also warms caches
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        assert page.status_code == 200
        counts.append(len(queries))
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(url)
    assert counts[0] == counts[1], counts
