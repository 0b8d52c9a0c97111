"""Review scheduling, the follow-up triggers and plan costs: the pure rules with known answers."""

from datetime import date
from decimal import Decimal

import pytest

from stuurman.plans import costs, follow_up, reviews
from stuurman.plans.follow_up import Span


@pytest.mark.parametrize(
    ("start", "end", "last", "expected"),
    [
        (date(2026, 1, 15), None, None, (date(2026, 4, 15), "3 maanden na de start")),
        (date(2025, 11, 30), None, None, (date(2026, 2, 28), "3 maanden na de start")),  # short month
        (date(2026, 1, 15), None, date(2026, 4, 10), (date(2026, 10, 10), "6 maanden na de vorige")),
        (date(2026, 1, 15), date(2026, 3, 31), None, (date(2026, 3, 3), "voor het einde van het plan")),
        (
            date(2026, 1, 15),
            date(2026, 12, 31),
            date(2026, 10, 1),
            (date(2026, 12, 3), "voor het einde van het plan"),
        ),
    ],
)
def test_the_next_review_follows_the_rules(start, end, last, expected):
    due = reviews.next_review(start, end, last)
    assert (due.on, due.reason) == expected


def test_after_the_review_before_the_end_no_earlier_one_comes_back():
    due = reviews.next_review(date(2026, 1, 15), date(2026, 3, 31), date(2026, 3, 10))
    assert due.on == date(2026, 9, 10)


def test_tuned_rules():
    rules = reviews.Rules(first_after_months=1, then_every_months=2, before_end_weeks=1)
    assert reviews.next_review(date(2026, 1, 31), None, None, rules).on == date(2026, 2, 28)


def test_a_declined_score_on_a_plan_domain_is_a_trigger_and_elsewhere_it_is_not():
    before = {"work": 3, "finances": 2, "network": 4}
    after = {"work": 2, "finances": 2, "network": 2}
    found = follow_up.declined(before, after, plan_domains=["work", "finances"])
    assert [(t.kind, t.detail) for t in found] == [("score_declined", "work: van 3 naar 2")]


def test_not_assessed_is_not_a_decline():
    assert follow_up.declined({"work": 3}, {"work": None}, ["work"]) == []


def test_a_contribution_that_ended_without_anything_taking_over_is_a_trigger():
    today = date(2026, 6, 1)
    spans = [
        Span(1, "goal:1", date(2026, 1, 1), date(2026, 5, 1), "Maatjesproject"),
        Span(2, "goal:2", date(2026, 1, 1), date(2026, 4, 30), "Dagbesteding"),
        Span(3, "goal:2", date(2026, 5, 1), None, "Vrijwilligerswerk"),
        Span(4, "goal:3", date(2026, 1, 1), date(2026, 8, 1), "Begeleiding"),  # has not ended yet
    ]
    found = follow_up.ended_without_replacement(spans, today)
    assert [t.key for t in found] == ["contribution:1"]
    assert found[0].detail == "Maatjesproject is gestopt op 01-05-2026; niets neemt het over."


def test_a_replacement_that_starts_a_day_late_leaves_a_gap():
    spans = [Span(1, "goal:1", date(2026, 1, 1), date(2026, 3, 1)), Span(2, "goal:1", date(2026, 3, 3), None)]
    assert len(follow_up.ended_without_replacement(spans, date(2026, 4, 1))) == 1


def test_a_review_is_overdue_the_day_after_it_was_due():
    assert follow_up.review_overdue(date(2026, 4, 15), date(2026, 4, 15)) == []
    assert follow_up.review_overdue(date(2026, 4, 15), date(2026, 4, 16))[0].kind == "review_overdue"


def test_costs_per_law_per_month_and_year_against_the_budget():
    lines = [
        costs.Line("wmo", Decimal("412.50")),
        costs.Line("jeugdwet", Decimal("1200")),
        costs.Line("wmo", Decimal("87.50")),
    ]
    found = costs.totals(lines, {"wmo": Decimal("5000"), "jeugdwet": Decimal("20000")})
    assert [(t.law, t.per_month, t.per_year, t.over_budget) for t in found] == [
        ("jeugdwet", Decimal("1200.00"), Decimal("14400.00"), False),
        ("wmo", Decimal("500.00"), Decimal("6000.00"), True),
    ]
