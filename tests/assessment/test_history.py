"""Lining up a person's ZRM moments across versions and comparing two of them, per domain (pure)."""

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurman.assessment import history
from stuurman.assessment.history import (
    DECLINED,
    IMPROVED,
    NOT_ASSESSED,
    NOT_COMPARABLE,
    STABLE,
    DomainInfo,
    Lineage,
    Moment,
    VersionInfo,
)

INSTRUMENTS = Path(__file__).parents[2] / "src/stuurman/assessment/instruments"


def shipped_lineage() -> Lineage:
    """The lineage of the ZRM versions we ship, read from the same files the loader reads."""
    versions = []
    for year in ("2010", "2013", "2017"):
        data = json.loads((INSTRUMENTS / f"zrm-{year}.json").read_text(encoding="utf-8"))
        domains = []
        for order, spec in enumerate(data["domains"], start=1):
            previous = spec.get("continues")
            domains.append(
                DomainInfo(
                    code=spec["code"],
                    name=spec["name"],
                    order=order,
                    continues=(previous["version"], previous["code"]) if previous else None,
                    sensitive=bool(spec.get("sensitive")),
                )
            )
        versions.append(VersionInfo(year, domains))
    return Lineage(versions)


ZRM = shipped_lineage()


def moment(on, version, **scores):
    return Moment(key=f"{version}-{on}", on=date.fromisoformat(on), version=version, scores=scores)


def by_name(rows):
    return {row.name: row for row in rows}


def test_the_same_version_compares_each_domain_scored_both_times():
    before = moment("2025-03-01", "2017", finances=2, housing=4, mental=3)
    after = moment("2025-09-01", "2017", finances=4, housing=2, mental=3)
    rows = history.compare_moments(before, after, ZRM)
    assert [(r.name, r.before, r.after, r.change) for r in rows] == [
        ("Financiën", 2, 4, IMPROVED),
        ("Huisvesting", 4, 2, DECLINED),
        ("Geestelijke gezondheid", 3, 3, STABLE),
    ]
    assert all(not r.earlier_name for r in rows)


def test_2013_to_2017_follows_the_continuation_and_names_the_earlier_domain():
    before = moment("2016-05-01", "2013", daytime=2, addiction=3, relations=3)
    after = moment("2019-05-01", "2017", work=3, substances=3, relations=2)
    rows = by_name(history.compare_moments(before, after, ZRM))
    assert rows["Werk en opleiding"].earlier_name == "Dagbesteding"
    assert (rows["Werk en opleiding"].before, rows["Werk en opleiding"].change) == (2, IMPROVED)
    assert (rows["Middelengebruik"].earlier_name, rows["Middelengebruik"].change) == ("Verslaving", STABLE)
    assert (rows["Huiselijke relaties"].earlier_name, rows["Huiselijke relaties"].change) == ("", DECLINED)
    assert len(rows) == 3, "a continued domain is one row, not one per version"


def test_2010_income_becomes_2017_finances_across_two_steps():
    before = moment("2012-01-10", "2010", income=1, family=2)
    after = moment("2020-01-10", "2017", finances=3, relations=2)
    rows = by_name(history.compare_moments(before, after, ZRM))
    assert rows["Financiën"].earlier_name == "Inkomen"
    assert (rows["Financiën"].before, rows["Financiën"].after, rows["Financiën"].change) == (1, 3, IMPROVED)
    assert rows["Huiselijke relaties"].earlier_name == "Gezinsrelaties"
    assert rows["Huiselijke relaties"].change == STABLE


def test_the_adl_split_is_never_mapped_mechanically():
    before = moment("2016-05-01", "2013", adl=3)
    after = moment("2019-05-01", "2017", basic_adl=3, instrumental_adl=2)
    rows = history.compare_moments(before, after, ZRM)
    assert [(r.name, r.before, r.after, r.change) for r in rows] == [
        ("Activiteiten Dagelijks Leven (ADL)", 3, None, NOT_COMPARABLE),
        ("Basale ADL", None, 3, NOT_COMPARABLE),
        ("Instrumentele ADL", None, 2, NOT_COMPARABLE),
    ]
    assert NOT_COMPARABLE == "niet te vergelijken: leefgebied gesplitst of nieuw"
    assert [(r.before_chosen, r.after_chosen) for r in rows] == [(True, False), (False, True), (False, True)]


def test_a_new_domain_cannot_be_compared_with_an_older_version_but_can_within_its_own():
    old = moment("2016-05-01", "2013", daytime=2)
    new = moment("2019-05-01", "2017", time=3)
    later = moment("2020-05-01", "2017", time=4)
    assert by_name(history.compare_moments(old, new, ZRM))["Tijdsbesteding"].change == NOT_COMPARABLE
    assert by_name(history.compare_moments(new, later, ZRM))["Tijdsbesteding"].change == IMPROVED


def test_not_assessed_or_not_chosen_at_one_moment_says_so_and_is_no_change():
    before = moment("2025-03-01", "2017", finances=None, housing=3)
    after = moment("2025-09-01", "2017", finances=2, mental=2)
    rows = by_name(history.compare_moments(before, after, ZRM))
    assert (rows["Financiën"].before_chosen, rows["Financiën"].before) == (True, None)
    assert rows["Financiën"].change == NOT_ASSESSED
    assert (rows["Geestelijke gezondheid"].before_chosen, rows["Geestelijke gezondheid"].change) == (
        False,
        NOT_ASSESSED,
    )
    assert (rows["Huisvesting"].after_chosen, rows["Huisvesting"].change) == (False, NOT_ASSESSED)


def test_rows_follow_the_instrument_order_with_the_old_adl_before_its_successors():
    before = moment("2016-05-01", "2013", network=3, adl=2, finances=2)
    after = moment("2019-05-01", "2017", instrumental_adl=2, substances=3, finances=3)
    names = [row.name for row in history.compare_moments(before, after, ZRM)]
    assert names == [
        "Financiën",
        "Middelengebruik",
        "Activiteiten Dagelijks Leven (ADL)",
        "Instrumentele ADL",
        "Sociaal netwerk",
    ]


def test_justice_is_marked_sensitive_in_every_version():
    before = moment("2012-01-10", "2010", justice=2)
    after = moment("2020-01-10", "2017", justice=4)
    (row,) = history.compare_moments(before, after, ZRM)
    assert (row.name, row.change, row.sensitive) == ("Justitie", IMPROVED, True)


def test_moments_chosen_the_wrong_way_round_are_put_in_date_order():
    early = moment("2024-01-01", "2017", finances=2)
    late = moment("2025-01-01", "2017", finances=4)
    assert history.ordered(late, early) == (early, late)
    assert history.ordered(early, late) == (early, late)


def test_a_split_by_continuation_starts_new_lines():
    """Two domains that both say they continue the same old one: neither inherits its score."""
    lineage = Lineage(
        [
            VersionInfo("a", [DomainInfo("adl", "ADL", 1)]),
            VersionInfo(
                "b",
                [
                    DomainInfo("basic", "Basaal", 1, continues=("a", "adl")),
                    DomainInfo("instrumental", "Instrumenteel", 2, continues=("a", "adl")),
                ],
            ),
        ]
    )
    rows = history.compare_moments(
        Moment(1, date(2020, 1, 1), "a", {"adl": 2}), Moment(2, date(2021, 1, 1), "b", {"basic": 4}), lineage
    )
    assert {row.change for row in rows} == {NOT_COMPARABLE}
    assert lineage.counterpart("adl", "a", "b") is None


def test_history_columns_are_the_domains_ever_scored_named_by_the_newest_version():
    scored = [("2010", "income"), ("2017", "finances"), ("2013", "adl"), ("2017", "basic_adl")]
    cols = history.columns(scored, ZRM)
    assert [(c.name, c.other_names) for c in cols] == [
        ("Financiën", ("Inkomen",)),
        ("Activiteiten Dagelijks Leven (ADL)", ()),
        ("Basale ADL", ()),
    ]
    moments = [
        moment("2020-01-10", "2017", finances=3, basic_adl=None),
        moment("2012-01-10", "2010", income=1),
    ]
    table = history.history(moments, cols, ZRM)
    assert [row.cells for row in table] == [
        ((True, 3), (False, None), (True, None)),
        ((True, 1), (False, None), (False, None)),
    ]


def test_summary_counts_domains_never_adds_scores():
    rows = history.compare_moments(
        moment("2025-03-01", "2017", finances=1, housing=5, mental=3, time=None),
        moment("2025-09-01", "2017", finances=5, housing=1, mental=3, time=2),
        ZRM,
    )
    assert history.summary(rows) == {
        IMPROVED: 1,
        STABLE: 1,
        DECLINED: 1,
        NOT_ASSESSED: 1,
        NOT_COMPARABLE: 0,
    }


scores = st.one_of(st.none(), st.integers(min_value=1, max_value=5))
versions = st.sampled_from(["2010", "2013", "2017"])
CODES = {version: ZRM.codes(version) for version in ("2010", "2013", "2017")}


@st.composite
def moments(draw, version=None):
    version = version or draw(versions)
    chosen = draw(st.lists(st.sampled_from(CODES[version]), unique=True, max_size=len(CODES[version])))
    day = draw(st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31)))
    return Moment(key=draw(st.integers()), on=day, version=version, scores={c: draw(scores) for c in chosen})


@given(moments(), moments())
def test_every_scored_domain_appears_once_and_change_follows_the_scores(before, after):
    rows = history.compare_moments(before, after, ZRM)
    assert sum(r.before_chosen for r in rows) == len(before.scores)
    assert sum(r.after_chosen for r in rows) == len(after.scores)
    for row in rows:
        if row.change == NOT_COMPARABLE:
            assert not (row.before_chosen and row.after_chosen)
        elif row.before is None or row.after is None:
            assert row.change == NOT_ASSESSED
        else:
            expected = IMPROVED if row.after > row.before else STABLE if row.after == row.before else DECLINED
            assert row.change == expected


@given(versions.flatmap(lambda version: st.tuples(moments(version), moments(version))))
def test_swapping_two_moments_of_one_version_mirrors_the_change(pair):
    first, second = pair
    forward = {r.name: r.change for r in history.compare_moments(first, second, ZRM)}
    backward = {r.name: r.change for r in history.compare_moments(second, first, ZRM)}
    mirror = {IMPROVED: DECLINED, DECLINED: IMPROVED}
    assert {name: mirror.get(change, change) for name, change in forward.items()} == backward


@pytest.mark.parametrize("version", ["2010", "2013", "2017"])
def test_within_one_version_every_domain_is_comparable_with_itself(version):
    for code in CODES[version]:
        assert ZRM.counterpart(code, version, version) == code


@given(versions, versions, st.data())
def test_a_counterpart_leads_back_to_where_it_came_from(version, other, data):
    code = data.draw(st.sampled_from(CODES[version]))
    there = ZRM.counterpart(code, version, other)
    if there is not None:
        assert ZRM.counterpart(there, other, version) == code
        assert ZRM.line(version, code) == ZRM.line(other, there)


def test_the_shipped_continuations_between_2010_and_2017():
    mapped = {code: ZRM.counterpart(code, "2010", "2017") for code in CODES["2010"]}
    assert mapped == {
        "income": "finances",
        "daytime": "work",
        "housing": "housing",
        "family": "relations",
        "mental": "mental",
        "physical": "physical",
        "addiction": "substances",
        "adl": None,
        "network": "network",
        "participation": "participation",
        "justice": "justice",
    }
    assert ZRM.counterpart("time", "2017", "2013") is None
