"""The access matrix through the real pages: every role x relationship x action (read, update, search,
export). Complements test_policy.py, which checks the policy querysets themselves."""

import pytest
from django.urls import reverse

from . import factories
from .test_policy import ALL_ROLES, FILE_ROLES, RELATIONSHIPS, TEAM_A_ROLES, relate

pytestmark = pytest.mark.django_db

CAN_UPDATE = {"consultant", "coordinator", "team_lead"}


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_access_matrix_through_the_pages(client, role, relationship):
    where = factories.municipality()
    team_a, team_b = factories.team(where, "Team A"), factories.team(where, "Team B")
    lead_b = factories.user(where, "team_lead", teams=[team_b])
    teams = [team_a] if role in TEAM_A_ROLES else []
    actor = factories.user(
        where, role, teams=teams, organisation="Zorggroep Test" if role == "provider_staff" else ""
    )
    home = factories.household(where, members=2)
    granted = relate(relationship, home, actor, team_a, team_b, lead_b) and role in FILE_ROLES
    member = home.members.first()
    bsn = member.bsn
    client.force_login(actor)

    def status(name):
        return client.get(reverse(name, kwargs={"household_id": home.pk})).status_code

    may_view = role in FILE_ROLES
    assert status("files:household") == (200 if granted else 404 if may_view else 403), "read"
    may_update = role in CAN_UPDATE
    assert status("files:household_edit") == (
        200 if granted and may_update else 404 if may_update else 403
    ), "update"

    found = client.get(reverse("files:search"), {"bsn": bsn})
    assert found.status_code == (200 if may_view else 403), "search"
    assert (member.full_name in found.content.decode()) == granted, "search result"

    exported = client.get(reverse("files:search_export"), {"bsn": bsn})
    assert exported.status_code == (200 if may_view else 403), "export"
    csv = b"".join(exported.streaming_content).decode() if may_view else ""
    assert (bsn in csv) == granted, "export content"
