"""The demo region holds what the README promises, and the demo command behaves on re-runs."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from stuurman.accounts.models import Role, Team, User
from stuurman.identifiers import is_valid_bsn, is_valid_postcode
from stuurman.people.models import Household, Person
from stuurman.tenancy.models import Area, Municipality

pytestmark = pytest.mark.django_db


def age(person, today):
    born = person.birth_date
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def test_de_vries_household_matches_the_policy_note(demo_region):
    today = timezone.localdate()
    family = Household.objects.get(name="Huishouden De Vries")
    members = {m.person.first_names: (m.role, age(m.person, today)) for m in family.memberships.all()}
    assert members == {
        "Jan": ("parent", 55),
        "Els": ("parent", 51),
        "Jeroen": ("child", 19),
        "Wouter": ("child", 16),
        "Roos": ("child", 14),
    }
    riek = Person.objects.get(first_names="Riek", surname="Bakker")
    assert riek.households.get().memberships.count() == 1, "grandmother Riek lives on her own"


def test_region_has_three_municipalities_with_kernen_wijken_buurten_and_teams(demo_region):
    assert demo_region.municipalities.count() == 3
    for municipality in Municipality.objects.all():
        kinds = set(Area.objects.filter(municipality=municipality).values_list("kind", flat=True))
        assert kinds == {"kern", "wijk", "buurt"}
        assert Team.objects.filter(municipality=municipality).exists()
        for area in Area.objects.filter(municipality=municipality):
            area.full_clean()


def test_one_demo_user_per_role_and_an_inhabitant(demo_region):
    for role in Role.objects.all():
        assert User.objects.filter(groups=role.group).count() == 1, role.slug
    assert User.objects.filter(kind=User.Kind.INHABITANT).exists()


def test_people_have_valid_identifiers(demo_region):
    for person in Person.objects.all():
        assert is_valid_bsn(person.bsn)
        assert is_valid_postcode(person.postcode)
        person.full_clean()


def test_demo_if_empty_does_nothing_the_second_time(db, settings):
    call_command("demo", "--households", "3", verbosity=0)
    households = Household.objects.count()
    call_command("demo", "--if-empty", verbosity=0)
    assert Household.objects.count() == households == 3 + 2


def test_demo_refuses_production(db, settings):
    from django.core.management.base import CommandError

    settings.PROFILE = "production"
    with pytest.raises(CommandError, match="refusing in production"):
        call_command("demo", verbosity=0)
