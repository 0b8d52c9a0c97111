"""The social map's search on PostgreSQL: Dutch stemming, areas in the tree, kinds, retirement, order."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stuurman.catalog import services
from stuurman.catalog.models import Service
from stuurman.catalog.search import MapQuery, social_map
from stuurman.tenancy.models import Area, Municipality

pytestmark = pytest.mark.django_db


def names(query: MapQuery, today=None) -> list[str]:
    return list(social_map(query, today or timezone.localdate()).values_list("name", flat=True))


def area(name, kind):
    return Area.objects.get(municipality__cbs_code="GM9901", name=name, kind=kind)


def test_eenzaam_finds_the_coffee_morning_against_eenzaamheid(demo_region):
    found = names(MapQuery("eenzaam"))
    assert "Koffieochtend De Ontmoeting" in found
    assert "Eikendonk Ontmoet" in found  # its summary says "eenzaamheid"
    assert "Hulp bij het huishouden" not in found


def test_the_first_part_of_a_compound_finds_it(demo_region):
    assert "Koffieochtend De Ontmoeting" in names(MapQuery("koffie"))


def test_a_name_match_ranks_above_a_description_match_within_a_tier(demo_region):
    found = names(MapQuery("mantelzorg", kind="general"))
    assert found[0] == "Mantelzorgsteunpunt"


def test_an_area_finds_what_serves_it_its_kern_its_wijken_and_the_whole_municipality(demo_region):
    in_kern = names(MapQuery(area=area("Waalkant", "kern")))
    assert "Koffieochtend De Ontmoeting" in in_kern  # serves wijk Noord, inside the kern
    assert "Maatjesproject Samen op Pad" in in_kern  # serves the kern itself
    assert "Boodschappendienst" in in_kern  # the whole region
    assert "Samen eten in het dorpshuis" not in in_kern  # another kern
    assert "Taalcafé Brinkerveld" not in in_kern  # another municipality

    in_centrum = names(MapQuery(area=area("Centrum", "wijk")))
    assert "Maatjesproject Samen op Pad" in in_centrum  # its kern serves it
    assert "Repair Café Waalkant" in in_centrum
    assert "Koffieochtend De Ontmoeting" not in in_centrum  # a sibling wijk


def test_a_local_service_of_one_municipality_is_not_offered_in_another(demo_region):
    zandmeer = Municipality.objects.get(cbs_code="GM9903")
    found = names(MapQuery(municipality=zandmeer))
    assert "Speel-o-theek Zandmeer" in found
    assert "Hulp bij het huishouden" in found  # shared with the region
    assert "Koffieochtend De Ontmoeting" not in found


def test_filter_by_kind_and_life_domain(demo_region):
    tailored = names(MapQuery(kind="tailored"))
    assert "Hulp bij het huishouden" in tailored
    assert "Koffieochtend De Ontmoeting" not in tailored
    finances = names(MapQuery(life_domain="finances"))
    assert "Inloopspreekuur geldzaken en schulden" in finances
    assert "Repair Café Waalkant" not in finances


def test_lower_tiers_come_first(demo_region):
    kinds = list(social_map(MapQuery(), timezone.localdate()).values_list("kind", flat=True))
    order = ["local_initiative", "general", "tailored", "specialist"]
    assert kinds == sorted(kinds, key=order.index)
    assert set(kinds) == set(order)


def test_retired_services_disappear_after_their_last_day(demo_region, admin):
    today = timezone.localdate()
    coffee = Service.objects.get(code="KOFFIE-NOORD")
    services.retire_service(admin, coffee, today)
    assert "Koffieochtend De Ontmoeting" in names(MapQuery("eenzaam"), today)
    assert "Koffieochtend De Ontmoeting" not in names(MapQuery("eenzaam"), today + timedelta(days=1))
    assert "Belcirkel Waalkant" not in names(MapQuery("belcirkel"), today)  # retired in the demo


def test_drafts_do_not_show(demo_region):
    Service.objects.filter(code="KOFFIE-NOORD").update(status=Service.Status.DRAFT)
    assert "Koffieochtend De Ontmoeting" not in names(MapQuery("eenzaam"))


def test_operators_in_the_search_text_are_just_ignored(demo_region):
    assert "Koffieochtend De Ontmoeting" in names(MapQuery("eenzaam & | ! ' :* ("))
    assert names(MapQuery("!!!")) == names(MapQuery())
