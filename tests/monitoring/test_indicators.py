"""The indicators on small constructed data with known answers (no database)."""

from datetime import date
from decimal import Decimal

import pytest

from stuurman.monitoring import figures
from stuurman.monitoring import indicators as ind
from stuurman.monitoring.periods import Period, PeriodError, covering, default, half_of, parse
from stuurman.plans.models import LAWS as PLAN_LAWS


def test_periods_half_years_and_years_with_their_previous_one():
    assert (parse("2025-H1").start, parse("2025-H1").end) == (date(2025, 1, 1), date(2025, 6, 30))
    assert (parse("2025-H2").start, parse("2025-H2").end) == (date(2025, 7, 1), date(2025, 12, 31))
    assert parse("2025-H1").previous.key == "2024-H2"
    assert parse("2025-H2").previous.key == "2025-H1"
    assert parse("2025").previous.key == "2024"
    assert parse("2025").label == "jaar 2025"
    assert parse("2025-H2").label == "2e halfjaar 2025"
    assert half_of(date(2026, 7, 1)).key == "2026-H2"
    assert default(date(2026, 12, 2)).key == "2026-H1", "the last complete half-year"
    assert [p.key for p in covering(date(2025, 8, 3), date(2026, 2, 1))] == [
        "2025-H2",
        "2025",
        "2026-H1",
        "2026",
    ]


@pytest.mark.parametrize("wrong", ["2025-H3", "25", "2025H1", "", "jaar"])
def test_a_period_that_does_not_exist_gets_a_dutch_message(wrong):
    with pytest.raises(PeriodError, match="is geen periode"):
        parse(wrong)


def test_days_of_a_contribution_in_a_period_both_ends_included():
    half = parse("2025-H1")
    assert half.overlap_days(date(2024, 12, 1), None) == 181
    assert half.overlap_days(date(2025, 6, 30), date(2025, 9, 1)) == 1
    assert half.overlap_days(date(2025, 7, 1), None) == 0
    assert half.overlap_days(date(2024, 1, 1), date(2024, 12, 31)) == 0


@pytest.mark.parametrize(
    ("laws", "category"),
    [
        ({"jeugdwet"}, "j"),
        ({"participatiewet"}, "p"),
        ({"wmo"}, "w"),
        ({"jeugdwet", "participatiewet"}, "jp"),
        ({"jeugdwet", "wmo"}, "jw"),
        ({"participatiewet", "wmo"}, "pw"),
        ({"jeugdwet", "participatiewet", "wmo"}, "jpw"),
        ({"debt"}, None),
        ({"debt", "wmo"}, "w"),
        (set(), None),
    ],
)
def test_stacking_categories_as_the_cbs_counts_them(laws, category):
    assert ind.stacking_category(laws) == category


def test_stacking_counts_households_per_category_with_the_multiple_law_total():
    rows = [
        (frozenset({"wmo"}), 12),
        (frozenset({"jeugdwet"}), 5),
        (frozenset({"jeugdwet", "wmo"}), 3),
        (frozenset({"jeugdwet", "participatiewet", "wmo"}), 1),
        (frozenset({"debt"}), 40),  # schuldhulp is not one of the three laws: not stacked
    ]
    cells = ind.stacking(rows)
    assert {key: count for key, (count, _) in cells.items()} == {
        "w": 12,
        "j": 5,
        "jw": 3,
        "jpw": 1,
        "any": 21,
        "multi": 4,
        "single": 17,
    }


def test_outflow_independent_means_no_debt_help_benefit_or_wmo_provision_the_day_after():
    assert ind.independent([])
    assert ind.independent([("jeugdwet", 6)]), "youth care is not in the definition"
    assert ind.independent([("wmo", 5)]), "a general provision is not a Wmo provision in this sense"
    assert not ind.independent([("wmo", 6)])
    assert not ind.independent([("participatiewet", 6)])
    assert not ind.independent([("debt", 7)])
    assert ind.day_after_end(date(2025, 6, 30)) == date(2025, 7, 1)
    cells = ind.outflow([(True, 7), (False, 3), (True, 2)])
    assert cells == {"ended": (12, None), "independent": (9, None), "supported": (3, None)}


def test_delivered_contributions_exclude_draft_plans_and_ungranted_tailored_help():
    assert ind.is_delivered("running", 1, None)
    assert ind.is_delivered("ended", 5, None)
    assert not ind.is_delivered("draft", 1, None)
    assert not ind.is_delivered("running", 6, None), "tailored help without a decision"
    assert not ind.is_delivered("running", 7, False), "refused"
    assert ind.is_delivered("agreed", 7, True)


def test_integrated_offers_more_than_one_law_or_domain():
    assert ind.is_integrated(["wmo", "wmo", ""], ["work"]) == (False, False)
    assert ind.is_integrated(["wmo", "jeugdwet"], ["work"]) == (True, False)
    assert ind.is_integrated(["wmo"], ["work", "finances"]) == (False, True)
    cells = ind.integrated([(True, True, 2), (True, False, 3), (False, True, 4), (False, False, 10)])
    counts = {key: count for key, (count, _) in cells.items()}
    assert counts == {
        "plans": 19,
        "integrated": 9,
        "multi_law": 5,
        "multi_domain": 6,
        "both": 2,
        "law_only": 3,
        "domain_only": 4,
        "neither": 10,
    }
    for total, parts in ind.INTEGRATED.sums:
        assert counts[total] == sum(counts[part] for part in parts), total


def test_lines_count_each_household_once_at_its_highest_line():
    assert ind.highest_line([0, 2, 1]) == 2
    assert ind.lines([(0, 4), (1, 6), (2, 1)]) == {
        "0": (4, None),
        "1": (6, None),
        "2": (1, None),
        "total": (11, None),
    }


def test_tiers_and_the_four_way_form():
    rows = [(1, 2), (2, 1), (3, 1), (4, 3), (5, 4), (6, 5), (7, 1)]
    tiers = {key: count for key, (count, _) in ind.tiers(rows).items()}
    assert tiers == {"t1": 2, "t2": 1, "t3": 1, "t4": 3, "t5": 4, "t6": 5, "t7": 1, "total": 17}
    four = {key: count for key, (count, _) in ind.four_way(rows).items()}
    assert four == {"own": 2, "network": 5, "general": 4, "tailored": 6, "total": 17}


def test_zrm_outcomes_per_domain_never_a_total_over_domains():
    assert [ind.zrm_change(2, 3), ind.zrm_change(3, 3), ind.zrm_change(4, 1)] == [
        "improved",
        "stable",
        "declined",
    ]
    cells = ind.zrm([("finances", 2, 4, 3), ("finances", 3, 3, 1), ("work", 4, 2, 2)])
    assert {key: count for key, (count, _) in cells.items()} == {
        "finances:improved": 3,
        "finances:stable": 1,
        "finances:measured": 4,
        "work:declined": 2,
        "work:measured": 2,
    }
    assert not any(key.startswith(("total", "all")) for key in cells)


def test_participation_ladder_movement_distribution_and_gap():
    rows = [(2, 3, 5, 4), (3, 3, 3, 2), (4, 2, 2, 1), (None, 1, 4, 5), (None, 6, None, 1)]
    move = {k: c for k, (c, _) in ind.ladder_movement(rows).items()}
    assert move == {"up": 4, "same": 2, "down": 1, "measured": 7}, "only who was measured twice"
    rungs = {k: c for k, (c, _) in ind.ladder_rungs(rows).items()}
    assert rungs == {"r3": 6, "r2": 1, "r1": 5, "r6": 1, "total": 13}
    gaps = {k: c for k, (c, _) in ind.ladder_gaps(rows).items()}
    assert gaps == {"g2": 4, "g0": 3, "g3": 5, "total": 12}, (
        "the gap is capped at 3 and needs an attainable rung"
    )


def test_deadlines_met_by_the_legal_term_with_the_working_day_rule_and_the_median():
    # Wmo: two weeks. Application on Friday 19 December 2025: due Friday 2 January 2026.
    assert ind.decision_due("wmo", date(2025, 12, 19)) == date(2026, 1, 2)
    # Application on Saturday 20 December: two weeks is Saturday 3 January, so Monday 5 January.
    assert ind.decision_due("wmo", date(2025, 12, 20)) == date(2026, 1, 5)
    assert ind.within_term("wmo", date(2025, 12, 20), date(2026, 1, 5))
    assert not ind.within_term("wmo", date(2025, 12, 19), date(2026, 1, 5))
    assert ind.within_term("jeugdwet", date(2025, 3, 3), date(2025, 4, 28))  # 8 weeks
    rows = [
        ("wmo", date(2025, 3, 3), date(2025, 3, 10), 3),  # 7 days, met
        ("wmo", date(2025, 3, 3), date(2025, 3, 31), 1),  # 28 days, late
        ("jeugdwet", date(2025, 3, 3), date(2025, 4, 14), 2),  # 42 days, met
    ]
    cells = ind.deadlines(rows)
    assert (cells["decided"][0], cells["met"][0], cells["late"][0]) == (6, 5, 1)
    distribution = {int(k[2:]): c for k, (c, _) in cells.items() if k.startswith("d:")}
    assert distribution == {7: 3, 28: 1, 42: 2}
    assert figures.median(distribution) == Decimal("17.5")
    assert figures.median({3: 1}) == Decimal(3)
    assert figures.median({}) is None


def test_reviews_on_time_when_held_on_or_before_the_planned_day():
    assert ind.review_on_time(0)
    assert ind.review_on_time(-5)
    assert not ind.review_on_time(1)
    assert ind.reviews([(-3, 4), (0, 1), (12, 2)]) == {
        "held": (7, None),
        "on_time": (5, None),
        "late": (2, None),
    }


def test_costs_per_day_in_the_period_and_the_budget_for_a_half_year():
    half = parse("2025-H1")
    # € 365 a month for the whole half-year of 181 days: 365 x 12 / 365 x 181 = € 2.172.
    assert figures.cents(ind.cost_days(Decimal(365), date(2024, 1, 1), None, half)) == 217200
    rows = [("in_kind", Decimal(365 * 181), 4), ("pgb", Decimal(365 * 31), 1), ("*", Decimal(365 * 212), 5)]
    cells = ind.costs(rows)
    assert cells == {"in_kind": (4, 217200), "pgb": (1, 37200), "total": (5, 254400)}
    assert figures.budget_cents(Decimal("1000000"), half) == 50_000_000
    assert figures.budget_cents(Decimal("1000000"), Period(2025)) == 100_000_000


def test_rates_and_shares_with_one_decimal():
    assert figures.per_thousand(35, 1930) == Decimal("18.1")
    assert figures.per_thousand(1, 0) is None
    assert figures.share(1, 3) == Decimal("33.3")
    assert figures.share(1, 0) is None


def test_every_indicator_has_a_title_a_definition_and_relations_over_its_own_keys():
    for indicator in ind.INDICATORS.values():
        assert indicator.title, indicator.id
        assert len(indicator.definition) > 60, indicator.id
        known = set(indicator.keys(["d1"])) | set(indicator.implicit_keys(["d1"]))
        for total, parts in indicator.relations(["d1"]):
            assert {total, *parts} <= known, indicator.id


def test_the_monitor_laws_are_the_plans_laws_less_anders():
    assert set(ind.LAWS) == {code for code, _ in PLAN_LAWS} - {"other"}
