import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from stuurman.tenancy.models import Area, Municipality, Region
from stuurman.tenancy.rules import AreaKind, parent_problem

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality():
    return Municipality.objects.create(
        region=Region.objects.create(name="R"), name="Testdorp", cbs_code="GM9990"
    )


@pytest.mark.parametrize(
    ("kind", "parent", "allowed"),
    [
        (AreaKind.KERN, None, True),
        (AreaKind.WIJK, None, True),
        (AreaKind.WIJK, AreaKind.KERN, True),
        (AreaKind.BUURT, AreaKind.WIJK, True),
        (AreaKind.BUURT, AreaKind.KERN, False),
        (AreaKind.KERN, AreaKind.WIJK, False),
        (AreaKind.WIJK, AreaKind.BUURT, False),
    ],
)
def test_area_tree_rules(kind, parent, allowed):
    assert (parent_problem(kind, parent) is None) is allowed


def test_buurt_directly_under_a_kern_is_refused_with_a_dutch_message(municipality):
    kern = Area.objects.create(municipality=municipality, kind="kern", name="Dorp")
    buurt = Area(municipality=municipality, parent=kern, kind="buurt", name="Buurt")
    with pytest.raises(ValidationError) as error:
        buurt.full_clean()
    assert "Een buurt ligt binnen een wijk" in str(error.value)


def test_cbs_code_must_fit_the_kind(municipality):
    wijk = Area(municipality=municipality, kind="wijk", name="Noord", cbs_code="BU99900101")
    with pytest.raises(ValidationError) as error:
        wijk.full_clean()
    assert "cbs_code" in error.value.message_dict
    Area(municipality=municipality, kind="wijk", name="Noord", cbs_code="WK999001").full_clean()


def test_parent_must_be_in_the_same_municipality(municipality):
    other = Municipality.objects.create(region=municipality.region, name="Ander", cbs_code="GM9991")
    kern = Area.objects.create(municipality=other, kind="kern", name="Elders")
    with pytest.raises(ValidationError, match="dezelfde gemeente"):
        Area(municipality=municipality, parent=kern, kind="wijk", name="W").full_clean()


def test_municipality_code_is_validated_in_forms_and_in_the_database(municipality):
    with pytest.raises(ValidationError):
        Municipality(region=municipality.region, name="Fout", cbs_code="GM12").full_clean()
    with pytest.raises(IntegrityError):
        Municipality.objects.create(region=municipality.region, name="Fout", cbs_code="XX1234")


def test_path_lists_the_ancestors(municipality):
    kern = Area.objects.create(municipality=municipality, kind="kern", name="Dorp")
    wijk = Area.objects.create(municipality=municipality, parent=kern, kind="wijk", name="Noord")
    buurt = Area.objects.create(municipality=municipality, parent=wijk, kind="buurt", name="Vogelbuurt")
    assert [area.name for area in buurt.path()] == ["Dorp", "Noord", "Vogelbuurt"]
