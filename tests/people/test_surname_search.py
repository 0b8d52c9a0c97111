"""Name search: a voorvoegsel typed in front is ignored, case does not matter, results come in name order."""

import pytest

from stuurman.people.models import Person
from stuurman.people.search import surname_starts_with, without_voorvoegsel
from tests.privacy import factories


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("de Vries", "Vries"),
        ("van den  Berg", "Berg"),
        ("Van der Meer", "Meer"),
        ("vande", "vande"),
        ("de", "de"),
        ("El Amrani", "Amrani"),
        ("Jansen", "Jansen"),
    ],
)
def test_the_voorvoegsel_is_not_part_of_the_search(typed, searched):
    assert without_voorvoegsel(typed) == searched


@pytest.mark.django_db
def test_prefix_search_is_case_insensitive_and_ordered():
    where = factories.municipality()
    for first, prefix, surname in [
        ("Piet", "de", "Vries"),
        ("Anna", "de", "Vries"),
        ("Kees", "", "Vriesema"),
        ("Jan", "", "Visser"),
        ("Els", "van", "Vliet"),
    ]:
        Person.objects.create(municipality=where, first_names=first, prefix=prefix, surname=surname)
    found = surname_starts_with(Person.objects.all(), "de vries")
    assert [(p.first_names, p.surname) for p in found] == [
        ("Anna", "Vries"),
        ("Piet", "Vries"),
        ("Kees", "Vriesema"),
    ]
    assert list(surname_starts_with(Person.objects.all(), "VLI").values_list("surname", flat=True)) == [
        "Vliet"
    ]
    assert not surname_starts_with(Person.objects.all(), "%").exists(), "wildcards are matched literally"
