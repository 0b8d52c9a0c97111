"""Generated households: valid identifiers, believable families, the same every run."""

import random
from datetime import date

import pytest
from django.utils import timezone

from stuurman.demo.generator import _Address, _draw_household, generate_households
from stuurman.identifiers import is_valid_bsn, normalize_postcode
from stuurman.people.models import Household, Membership, Person
from stuurman.tenancy.models import Area, Municipality

TODAY = date(2026, 11, 24)
FIELDS = ("bsn", "first_names", "prefix", "surname", "birth_date", "postcode", "memberships__role")


def years_between(earlier: date, later: date) -> int:
    return later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))


def test_drawn_households_are_believable():
    """Pure check over many seeds: no database, only the drawing rules."""
    address = _Address(Municipality(name="Waalkant"), Area(name="Binnenstad"), "Waalkant", 6601, ("Markt",))
    sizes = set()
    for k in range(3000):
        drawn = _draw_household(random.Random(f"7:{k}"), [address], TODAY)
        sizes.add(len(drawn.members))
        assert normalize_postcode(drawn.postcode)[5:] not in {"SA", "SD", "SS"}
        assert drawn.name.startswith("Huishouden ")
        adults = [m for m in drawn.members if m.role != "child"]
        children = [m for m in drawn.members if m.role == "child"]
        assert adults, "every household has an adult"
        for adult in adults:
            assert 19 <= years_between(adult.birth_date, TODAY) <= 99
        for child in children:
            assert child.since == child.birth_date
            for parent in adults:
                assert years_between(parent.birth_date, child.birth_date) >= 18
        for member in drawn.members:
            assert member.since <= TODAY
    assert sizes >= {1, 2, 3, 4, 5}, "alone, couples and families of several sizes"


@pytest.mark.django_db
def test_generated_people_have_valid_bsns_postcodes_and_areas(demo_region):
    made = generate_households(150, seed=11, progress=False, today=TODAY)
    assert made == 150
    generated = Person.objects.filter(bsn__startswith="9").exclude(bsn__startswith="99")
    assert generated.count() == Membership.objects.filter(person__in=generated).count() >= 150
    assert len(set(generated.values_list("bsn", flat=True))) == generated.count()
    for person in generated.select_related("area__parent__parent", "municipality"):
        assert is_valid_bsn(person.bsn)
        person.full_clean()
        kern = person.area.parent.parent
        assert (person.area.kind, kern.kind) == ("buurt", "kern")
        assert person.city == kern.name
        assert person.area.municipality_id == person.municipality_id
    for household in Household.objects.filter(memberships__person__in=generated).distinct():
        assert {m.person.municipality_id for m in household.memberships.all()} == {household.municipality_id}


@pytest.mark.django_db
def test_same_seed_gives_the_same_households_and_later_runs_continue(demo_region):
    def snapshot():
        return list(Person.objects.filter(bsn__lt="990000000").order_by("bsn").values_list(*FIELDS))

    def forget_generated():
        Household.objects.filter(memberships__person__bsn__lt="990000000").delete()
        Person.objects.filter(bsn__lt="990000000").delete()

    generate_households(40, seed=5, progress=False, today=TODAY)
    at_once = snapshot()
    forget_generated()
    generate_households(25, seed=5, progress=False, today=TODAY)
    generate_households(15, seed=5, progress=False, today=TODAY)
    assert snapshot() == at_once
    forget_generated()
    generate_households(40, seed=6, progress=False, today=TODAY)
    assert snapshot() != at_once, "another seed gives other households"


@pytest.mark.django_db
def test_generator_needs_the_region_first(db):
    with pytest.raises(RuntimeError, match="Load Regio Voorbeeld"):
        generate_households(1, progress=False)


def test_negative_count_is_refused():
    with pytest.raises(ValueError, match="0 or more"):
        generate_households(-1, progress=False)


@pytest.mark.django_db
def test_about_one_in_eight_households_has_an_open_file_with_the_team_of_its_area(demo_region):
    from stuurman.privacy.models import Involvement

    generate_households(400, seed=3, progress=False, today=TODAY)
    opened = Involvement.objects.exclude(household__name__in=["Huishouden De Vries"]).select_related(
        "household__area", "team"
    )
    assert 25 <= opened.count() <= 80
    for involvement in opened.prefetch_related("team__areas"):
        assert involvement.household.area.parent in involvement.team.areas.all()
        assert involvement.since < timezone.now()
