"""Classifications: known answers, boundaries, and no total or average anywhere."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurman.assessment.classify import (
    CARE_NEED,
    Thresholds,
    care_need_level,
    compare,
    suggested_line,
    work_capacity_class,
)


@pytest.mark.parametrize(
    ("scores", "level", "line"),
    [
        ({"finances": 5, "housing": 4}, 1, 0),
        ({"finances": 3, "housing": 4}, 2, 1),
        ({"finances": 3, "housing": 3, "mental": 3}, 2, 2),
        ({"finances": 2, "housing": 5}, 3, 2),
        ({"finances": 1}, 4, 2),
        ({"finances": None, "housing": 4}, 1, 0),
        ({}, None, None),
        ({"finances": None}, None, None),
    ],
)
def test_care_need_and_line(scores, level, line):
    assert care_need_level(scores) == level
    assert suggested_line(scores) == line


def test_the_thresholds_are_configurable():
    scores = {"finances": 3, "housing": 3}
    assert suggested_line(scores) == 1
    assert suggested_line(scores, Thresholds(several=2)) == 2


@pytest.mark.parametrize(
    ("percent", "expected"),
    [(100, ">80%"), (80.5, ">80%"), (80, "20-80%"), (20, "20-80%"), (19.9, "<20%"), (0, "<20%")],
)
def test_work_capacity_class_boundaries(percent, expected):
    assert work_capacity_class(percent) == expected


def test_work_capacity_outside_0_to_100_is_refused():
    with pytest.raises(ValueError, match="0 tot en met 100"):
        work_capacity_class(101)


def test_two_moments_per_domain_only_where_both_are_assessed():
    assert compare({"a": 2, "b": 4, "c": 3, "d": None}, {"a": 3, "b": 4, "c": 1, "d": 5}) == {
        "a": "verbeterd",
        "b": "gelijk",
        "c": "verslechterd",
    }


score = st.one_of(st.none(), st.integers(1, 5))


@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e"]), score))
def test_adding_a_worse_domain_never_lowers_the_suggestion(scores):
    level, line = care_need_level(scores), suggested_line(scores)
    worse = {**scores, "z": 1}
    assert care_need_level(worse) == 4
    assert suggested_line(worse) == 2
    if level is not None:
        assert level in CARE_NEED
        assert line in (0, 1, 2)
