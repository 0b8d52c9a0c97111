"""The plan page reads a fixed number of queries, however long the plan's history: a plan of one year
and a plan of four years with five times the goals, contributions, versions and changes cost the same."""

import pytest
from benchmarks.plan_history import Size, build
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stuurman.accounts.models import User

pytestmark = pytest.mark.django_db

# 26 today: session, user, municipality and permissions (5); the access policy's grant and the
# household (2); the plan and its parts (13: the plan, coordination, running contributions and their
# considerations, goals, reviews and their results, assignments, changes, agreed versions, escalations,
# open signals, budgets); the access log (4: members, the grant's party, the role, the insert); the page
# shell (2: role, running emergency access). Room for two more; a query per row is a bug.
MAX_QUERIES = 28

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
