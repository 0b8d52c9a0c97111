"""Legal deadlines: known answers worked out by hand, month ends, leap days, holidays, extensions, and
properties that must hold for every start date."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurman.intake import deadlines as d
from stuurman.intake.workdays import (
    easter_sunday,
    is_working_day,
    kings_day,
    next_working_day,
    public_holidays,
)


@pytest.mark.parametrize(
    ("year", "easter"), [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5))]
)
def test_easter(year, easter):
    assert easter_sunday(year) == easter


def test_kings_day_moves_to_saturday_when_the_27th_is_a_sunday():
    assert kings_day(2025) == date(2025, 4, 26)
    assert kings_day(2026) == date(2026, 4, 27)


def test_the_holidays_of_the_algemene_termijnenwet_2026():
    assert public_holidays(2026) == {
        date(2026, 1, 1),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    }
    assert is_working_day(date(2026, 4, 3)), "Good Friday is not in the Algemene termijnenwet"


def test_wmo_melding_starts_receipt_own_plan_and_research():
    receipt, own_plan, research = d.wmo_after_melding(date(2026, 11, 2))  # a Monday
    assert (receipt.due, receipt.statutory) == (date(2026, 11, 9), False)
    assert own_plan.due == date(2026, 11, 9)
    assert research.due == date(2026, 12, 14)


def test_six_weeks_across_a_month_end_into_a_leap_day():
    assert d.wmo_after_melding(date(2028, 1, 18))[2].due == date(2028, 2, 29)
    assert d.wmo_decision(date(2028, 2, 15)).due == date(2028, 2, 29)
    assert d.wmo_decision(date(2027, 2, 14)).due == date(2027, 3, 1), "no 29 February in 2027"


def test_a_term_ending_on_a_holiday_runs_on_to_the_next_working_day():
    assert d.wmo_decision(date(2026, 4, 13)).due == date(2026, 4, 28)  # 27 April: King's Day
    assert d.jeugdwet_decision(date(2026, 3, 30)).due == date(2026, 5, 26)  # 25 May: Whit Monday
    assert d.objection_window(date(2026, 11, 14)).due == date(2026, 12, 28)  # Christmas, then Sunday


def test_eight_weeks_for_youth_and_participation_decisions():
    assert d.decision_deadline(d.Law.JEUGDWET, date(2026, 1, 5)).due == date(2026, 3, 2)
    assert d.decision_deadline(d.Law.PARTICIPATIEWET, date(2026, 1, 5)).due == date(2026, 3, 2)
    assert d.decision_deadline(d.Law.WMO, date(2026, 1, 5)).due == date(2026, 1, 19)


def test_wmo_application_without_research_after_six_weeks():
    melding = date(2026, 11, 2)
    assert not d.may_apply_without_research(melding, date(2026, 12, 14), research_done=False)
    assert d.may_apply_without_research(melding, date(2026, 12, 15), research_done=False)
    assert not d.may_apply_without_research(melding, date(2026, 12, 15), research_done=True)


def test_participatiewet_advance_payment_after_four_weeks_without_a_decision():
    application = date(2026, 1, 30)
    assert not d.advance_payment_due(application, date(2026, 2, 27), decided=False)
    assert d.advance_payment_due(application, date(2026, 2, 28), decided=False)
    assert not d.advance_payment_due(application, date(2026, 3, 30), decided=True)


def test_search_period_only_under_27_to_the_day():
    melding = date(2026, 6, 15)
    assert d.search_period(melding, date(1999, 6, 16)).due == date(2026, 7, 13)  # 26 until tomorrow
    assert d.search_period(melding, date(1999, 6, 15)) is None  # 27 today
    with pytest.raises(d.DeadlineError, match="na de meldingsdatum"):
        d.search_period(melding, date(2026, 6, 16))


def test_objection_decision_six_or_twelve_weeks_extended_once():
    plain = d.objection_decision(date(2026, 3, 2))
    assert plain.due == date(2026, 4, 13)
    assert d.objection_decision(date(2026, 3, 2), advisory_committee=True).due == date(2026, 5, 26)
    extended = d.extend_objection_decision(plain, "Advies van de commissie nodig")
    assert (extended.due, extended.original_due, extended.extended) == (
        date(2026, 5, 26),
        date(2026, 4, 13),
        True,
    )
    with pytest.raises(d.DeadlineError, match="één keer"):
        d.extend_objection_decision(extended, "nog eens")


def test_an_extension_needs_a_reason_and_a_later_date():
    deadline = d.wmo_decision(date(2026, 1, 5))
    with pytest.raises(d.DeadlineError, match="reden"):
        deadline.extend(date(2026, 2, 2), "  ")
    with pytest.raises(d.DeadlineError, match="na 19-01-2026"):
        deadline.extend(date(2026, 1, 19), "te vroeg")
    later = deadline.extend(date(2026, 2, 2), "Advies van de arts nodig").extend(
        date(2026, 2, 9), "Nog een week"
    )
    assert later.original_due == date(2026, 1, 19), "the first date is kept through every extension"


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@given(days)
def test_no_deadline_falls_before_its_start_and_statutory_ones_end_on_working_days(start):
    all_deadlines = [
        *d.wmo_after_melding(start),
        d.wmo_decision(start),
        d.jeugdwet_decision(start),
        d.participatiewet_decision(start),
        d.objection_window(start),
        d.objection_decision(start),
        d.objection_decision(start, advisory_committee=True),
    ]
    for deadline in all_deadlines:
        assert deadline.due > deadline.start, deadline.key
        assert deadline.due - deadline.start <= timedelta(weeks=12, days=5), deadline.key
        if deadline.statutory:
            assert is_working_day(deadline.due), deadline.key


@given(days)
def test_next_working_day_skips_only_days_that_do_not_count(day):
    result = next_working_day(day)
    assert result >= day
    assert is_working_day(result)
    assert all(not is_working_day(day + timedelta(days=n)) for n in range((result - day).days))


@given(days, st.dates(min_value=date(1940, 1, 1), max_value=date(2099, 12, 31)))
def test_search_period_is_four_weeks_or_none(melding, birth_date):
    if birth_date > melding:
        with pytest.raises(d.DeadlineError):
            d.search_period(melding, birth_date)
        return
    period = d.search_period(melding, birth_date)
    assert period is None or period.due - period.start == timedelta(weeks=4)
