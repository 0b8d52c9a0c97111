"""Registering and editing files: Dutch messages, nothing half-stored, no duplicates; the known-person
check answers yes or no and nothing more; search and export are logged."""

import pytest
from django.urls import reverse

from stuurman.files import circles
from stuurman.people.models import Household, NetworkMember, Person
from stuurman.privacy.models import AccessLog, Involvement
from stuurman.privacy.policy import visible_households
from tests.privacy import factories

pytestmark = pytest.mark.django_db

NEW = {
    "persoon-surname": "Bos",
    "persoon-first_names": "Anna",
    "lid-role": "parent",
    "lid-since": "2024-02-01",
    "huishouden-name": "",
}


def test_registering_a_household_makes_the_registrar_involved(client, world):
    client.force_login(world["consultant"])
    response = client.post(
        reverse("files:household_new"), {**NEW, "persoon-bsn": "111222333", "persoon-postcode": "6601ab"}
    )
    home = Household.objects.get(name="Huishouden Bos")
    assert response["Location"] == reverse("files:household", kwargs={"household_id": home.pk})
    assert Person.objects.get(surname="Bos").postcode == "6601 AB"
    assert Involvement.objects.get(household=home).user == world["consultant"]
    assert home in visible_households(world["consultant"])
    assert AccessLog.objects.filter(action="create").count() == 1
    assert Person.history.filter(surname="Bos").count() == 1, "the change keeps its history"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("persoon-bsn", "123456789", "BSN"),
        ("persoon-postcode", "6601 SS", "SS"),
        ("persoon-birth_date", "2999-01-01", "niet in de toekomst"),
        ("persoon-surname", "", "Dit veld is verplicht."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(client, world, field, value, message):
    client.force_login(world["consultant"])
    households, persons = Household.objects.count(), Person.objects.count()
    response = client.post(reverse("files:household_new"), {**NEW, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Household.objects.count(), Person.objects.count()) == (households, persons)


def test_a_known_bsn_is_refused_without_showing_the_file(client, world):
    known = world["home"].members.first()
    client.force_login(world["other"])
    response = client.post(reverse("files:household_new"), {**NEW, "persoon-bsn": known.bsn})
    assert response.status_code == 400
    assert "al bekend bij de gemeente" in response.content.decode()
    assert "Pietersen" not in response.content.decode()


def test_network_member_needs_a_name_and_gets_its_usual_circle(client, world):
    home = world["home"]
    client.force_login(world["consultant"])
    url = reverse("files:network_new", kwargs={"household_id": home.pk})
    refused = client.post(url, {"name": "", "relation": "volunteer"})
    assert refused.status_code == 400
    client.post(url, {"name": "Buurthuis De Linde", "relation": "volunteer", "circle": ""})
    assert NetworkMember.objects.get(name="Buurthuis De Linde").circle == 3


def test_person_edit_only_for_current_members_of_that_household(client, world):
    stranger = Person.objects.create(municipality=world["where"], surname="Vreemd")
    client.force_login(world["consultant"])
    url = reverse("files:person_edit", kwargs={"household_id": world["home"].pk, "person_id": stranger.pk})
    assert client.get(url).status_code == 404


def test_known_person_check_says_only_yes_or_no_and_is_logged(client, world):

    front = factories.user(world["where"], "front_door")
    known = world["home"].members.first()
    client.force_login(front)
    page = client.get(reverse("files:known_check"), {"bsn": known.bsn}).content.decode()
    assert "Deze persoon is bekend bij de gemeente." in page
    assert "Pietersen" not in page
    assert "/huishoudens/" not in page
    assert AccessLog.objects.get(action="search").person_ids == [known.pk]
    unknown = client.get(reverse("files:known_check"), {"surname": "Niemand", "birth_date": "1980-01-01"})
    assert "Deze persoon is niet bekend." in unknown.content.decode()


def test_search_needs_a_criterion_and_logs_only_the_shown_page(client, world):
    client.force_login(world["consultant"])
    empty = client.get(reverse("files:search"), {"name": ""})
    assert "Vul minstens één zoekveld in" in empty.content.decode()
    page = client.get(reverse("files:search"), {"name": "pieter"})
    assert page.context["page"].paginator.count == 3
    assert len(AccessLog.objects.get(action="search").person_ids) == 3


def test_circle_layout_is_deterministic_and_stays_inside_its_ring():
    members = [(ring, f"Lid {ring}-{n}") for ring in range(1, 6) for n in range(30)]
    dots = circles.place(members)
    assert dots == circles.place(members)
    for dot in dots:
        distance = ((dot.x - circles.CENTRE) ** 2 + (dot.y - circles.CENTRE) ** 2) ** 0.5
        assert circles.ring_radius(dot.ring - 1) < distance < circles.ring_radius(dot.ring)
        assert 0 <= dot.x <= circles.SIZE
        assert 0 <= dot.y <= circles.SIZE
    same_ring = [d for d in dots if d.ring == 1]
    closest = min(
        ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5
        for i, a in enumerate(same_ring)
        for b in same_ring[i + 1 :]
    )
    assert closest > 14, "dots (radius 7) of one ring do not overlap"
