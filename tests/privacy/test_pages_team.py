"""The team lead's page: the team's households, assigning by BSN, ending an involvement."""

import pytest
from django.urls import reverse

from stuurman.privacy.models import AccessLog, Involvement

from . import factories

pytestmark = pytest.mark.django_db

URL = reverse("privacy:team")


@pytest.fixture
def world():
    where = factories.municipality()
    team_a, team_b = factories.team(where, "Team A"), factories.team(where, "Team B")
    return {
        "where": where,
        "team_a": team_a,
        "team_b": team_b,
        "lead": factories.user(where, "team_lead", teams=[team_a], username="lead"),
        "home": factories.household(where, surname="Toewijs", members=2),
    }


def post(client, world, **data):
    return client.post(URL, {"team": world["team_a"].pk, "reason": "Melding van de school", **data})


def test_the_page_lists_the_teams_households_with_a_link_and_logs_the_read(client, world):
    mine = factories.involve(world["home"], by=world["lead"], team=world["team_a"])
    theirs = factories.household(world["where"], surname="Anders")
    factories.involve(theirs, by=world["lead"], team=world["team_b"])
    client.force_login(world["lead"])

    response = client.get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Huishouden Toewijs" in page
    assert reverse("files:household", kwargs={"household_id": world["home"].pk}) in page
    assert "Huishouden Anders" not in page
    assert list(response.context["page"].object_list) == [mine]
    read = AccessLog.objects.get(action="read")
    assert (read.object_type, read.object_ids) == ("household", [world["home"].pk])


def test_the_list_is_paginated_in_the_database(client, world):
    for n in range(51):
        factories.involve(
            factories.household(world["where"], surname=f"Gezin{n}"), by=world["lead"], team=world["team_a"]
        )
    client.force_login(world["lead"])
    first = client.get(URL).context["page"]
    second = client.get(URL, {"pagina": 2}).context["page"]
    assert (len(first.object_list), len(second.object_list), first.paginator.count) == (50, 1, 51)


def test_assigning_by_bsn_of_a_member(client, world):
    client.force_login(world["lead"])
    response = post(client, world, bsn=world["home"].members.first().bsn)
    assert response.status_code == 302
    involvement = Involvement.objects.get()
    assert (involvement.household, involvement.team, involvement.source) == (
        world["home"],
        world["team_a"],
        "team_lead",
    )
    assert "is toegewezen aan Team A" in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": ""}, "Dit veld is verplicht."),
        ({"bsn": ""}, "Dit veld is verplicht."),
        ({"bsn": "123456789"}, "voldoet niet aan de elfproef"),
        ({"bsn": "123456782"}, "geen persoon met dit BSN"),
    ],
)
def test_refusals_say_what_is_wrong_in_dutch(client, world, data, message):
    client.force_login(world["lead"])
    response = post(client, world, **{"bsn": world["home"].members.first().bsn, **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Involvement.objects.exists()


def test_a_team_the_lead_is_not_in_cannot_be_chosen(client, world):
    client.force_login(world["lead"])
    response = post(client, world, team=world["team_b"].pk, bsn=world["home"].members.first().bsn)
    assert response.status_code == 400
    assert not Involvement.objects.exists()


def test_a_person_of_another_municipality_is_not_found(client, world):
    elsewhere = factories.household(factories.municipality("Elders", "GM9951"), surname="Elders")
    client.force_login(world["lead"])
    response = post(client, world, bsn=elsewhere.members.first().bsn)
    assert response.status_code == 400
    assert "in uw gemeente geen persoon met dit BSN" in response.content.decode()
    assert not Involvement.objects.exists()


def test_a_second_identical_assignment_is_refused(client, world):
    client.force_login(world["lead"])
    bsn = world["home"].members.first().bsn
    post(client, world, bsn=bsn)
    response = post(client, world, bsn=bsn)
    assert response.status_code == 400
    assert "Team A is al betrokken bij dit huishouden." in response.content.decode()
    assert Involvement.objects.count() == 1


def test_ending_an_involvement_keeps_it_with_an_end(client, world):
    involvement = factories.involve(world["home"], by=world["lead"], team=world["team_a"])
    client.force_login(world["lead"])
    url = reverse("privacy:end_involvement", kwargs={"involvement_id": involvement.pk})
    assert client.get(url).status_code == 405

    response = client.post(url)

    assert response.status_code == 302
    involvement.refresh_from_db()
    assert involvement.until is not None
    assert "niet meer betrokken" in client.get(URL).content.decode()


def test_the_involvement_of_another_team_cannot_be_ended(client, world):
    theirs = factories.involve(world["home"], by=world["lead"], team=world["team_b"])
    client.force_login(world["lead"])
    url = reverse("privacy:end_involvement", kwargs={"involvement_id": theirs.pk})
    assert client.post(url).status_code == 404
    theirs.refresh_from_db()
    assert theirs.until is None


@pytest.mark.parametrize("role", ["consultant", "privacy_officer", "front_door"])
def test_only_team_leads_see_the_page(client, world, role):
    client.force_login(factories.user(world["where"], role, teams=[world["team_a"]]))
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
