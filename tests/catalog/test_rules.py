"""The catalogue's pure rules: tiers, units per financing form, periods, product categories, and the
learning assortment's threshold."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurman import istandaarden
from stuurman.catalog import rules
from stuurman.catalog.assortment import proposals_from_usage


def test_kinds_map_onto_the_outer_four_tiers_in_order():
    tiers = [rules.tier_of(kind) for kind in rules.Kind]
    assert tiers == [rules.Tier.VOLUNTEERS, rules.Tier.GENERAL, rules.Tier.TAILORED, rules.Tier.SPECIALIST]
    assert [rules.needs_decision(kind) for kind in rules.Kind] == [False, False, True, True]


def test_the_product_categories_come_from_the_schemas():
    wmo = {code.code: code.label for code in istandaarden.product_categories("iwmo")}
    youth = {code.code: code.label for code in istandaarden.product_categories("ijw")}
    assert wmo["01"] == "Hulp bij het huishouden"
    assert wmo["02"] == "Begeleiding"
    assert len(wmo) == 18
    assert youth["45"] == "Jeugdhulp ambulant"
    assert not set(wmo) & set(youth)
    assert [u.code for u in istandaarden.units()] == ["01", "04", "14", "16", "82", "83", "84"]
    assert [f.code for f in istandaarden.frequencies("ijw")] == ["1", "2", "4", "6"]


def test_the_schema_parser_refuses_entities_and_the_network():
    parser = istandaarden.hardened_parser()
    from lxml import etree

    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;&a;</x>'
    root = etree.fromstring(bomb, parser=parser)
    assert "aaaa" not in (root.text or "")


@pytest.mark.parametrize(
    ("law", "category", "code", "field"),
    [
        ("wmo", "45", "", "product_category"),  # a youth category under the Wmo
        ("jeugdwet", "01", "", "product_category"),
        ("debt", "01", "", "product_category"),
        ("wmo", "99", "", "product_category"),
        ("wmo", "", "01A01", "product_code"),
        ("wmo", "01", "123456", "product_code"),
    ],
)
def test_product_category_and_code_must_fit_the_law(law, category, code, field):
    assert field in rules.product_problem(law, category, code)


def test_a_fitting_category_and_code_pass():
    assert rules.product_problem("wmo", "01", "01A01") == {}
    assert rules.product_problem("jeugdwet", "45", "") == {}
    assert rules.product_problem("", "", "") == {}


def test_units_must_fit_the_financing_form():
    assert rules.unit_problem("inspanningsgericht", "04", Decimal("30")) == {}
    assert rules.unit_problem("outputgericht", "82", Decimal("400")) == {}
    assert "unit" in rules.unit_problem("outputgericht", "04", Decimal("30"))
    assert "unit" in rules.unit_problem("taakgericht", "04", None)
    assert rules.unit_problem("taakgericht", "", None) == {}
    assert "tariff" in rules.unit_problem("inspanningsgericht", "04", None)


_dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@given(_dates, st.one_of(st.none(), _dates), _dates, st.one_of(st.none(), _dates))
def test_overlap_is_symmetric_and_matches_a_day_by_day_check(a_start, a_end, b_start, b_end):
    a, b = rules.Period(a_start, a_end), rules.Period(b_start, b_end)
    if a.problem() or b.problem():
        return
    assert a.overlaps(b) == b.overlaps(a)
    last_a, last_b = a_end or date(2031, 1, 1), b_end or date(2031, 1, 1)
    assert a.overlaps(b) == (max(a_start, b_start) <= min(last_a, last_b))


def test_adjacent_periods_do_not_overlap():
    assert not rules.Period(date(2025, 1, 1), date(2025, 12, 31)).overlaps(rules.Period(date(2026, 1, 1)))
    assert rules.Period(date(2025, 1, 1)).overlaps(rules.Period(date(2030, 1, 1), date(2030, 2, 1)))


def test_proposals_from_usage_at_the_threshold_most_used_first():
    usage = {"Tuinonderhoud": 4, "Wasservice": 7, "tuinonderhoud ": 2, "Klusjesdienst": 3}
    proposals = proposals_from_usage(usage, 5)
    assert [(p.solution, p.plans) for p in proposals] == [("Wasservice", 7), ("Tuinonderhoud", 6)]
    assert proposals_from_usage(usage, 8) == []
    with pytest.raises(ValueError, match="threshold"):
        proposals_from_usage(usage, 0)
