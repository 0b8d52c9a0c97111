"""The household page: members, the network in circles and as a list, one log row, bounded queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stuurman.people.models import Membership, NetworkMember, Person
from stuurman.privacy.models import AccessLog

pytestmark = pytest.mark.django_db


def url(home):
    return reverse("files:household", kwargs={"household_id": home.pk})


def test_involved_consultant_sees_members_network_and_is_logged(client, world):
    client.force_login(world["consultant"])
    page = client.get(url(world["home"]))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count("Pietersen") >= 3
    assert 'role="img"' in text
    assert "Ans Willems" in text
    assert "Kring 2: informeel netwerk" in text
    coordinates = re.findall(r' (?:cx|cy|x|y|r)="([^"]*)"', text)
    assert coordinates, "the drawing has positioned shapes"
    assert all(float(value) >= 0 for value in coordinates), (
        "SVG numbers are never localised (no decimal comma)"
    )
    entry = AccessLog.objects.get(action="read")
    assert entry.person_ids == sorted(world["home"].members.values_list("pk", flat=True))
    assert entry.team == "Team A"
    assert entry.purpose.startswith("Betrokken (Team A)")


def test_other_team_gets_404_and_nothing_is_logged(client, world):
    client.force_login(world["other"])
    assert client.get(url(world["home"])).status_code == 404
    assert not AccessLog.objects.exists()


def grow(home, members, network):
    for n in range(members):
        person = Person.objects.create(municipality=home.municipality, surname=f"Extra{n}")
        Membership.objects.create(household=home, person=person, role="child", since="2021-01-01")
    NetworkMember.objects.bulk_create(
        NetworkMember(
            municipality=home.municipality,
            household=home,
            name=f"Buur {n}",
            relation="neighbour",
            circle=1 + n % 5,
        )
        for n in range(network)
    )


def count_queries(client, home):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url(home))
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_query_count_does_not_grow_with_members_network_or_log(client, world):
    client.force_login(world["consultant"])
    small, _ = count_queries(client, world["home"])
    grow(world["home"], members=8, network=20)
    for _ in range(30):
        client.get(url(world["home"]))  # 30 more log rows
    large, page = count_queries(client, world["home"])
    assert page.count("Buur ") >= 20
    assert large == small <= 15
