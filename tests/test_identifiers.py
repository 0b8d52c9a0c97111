"""Tests for stuurman.identifiers and its Django wrappers in stuurman.validators."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from stuurman import validators
from stuurman.identifiers import (
    InvalidIdentifier,
    bsn_check_digit,
    bsn_from_number,
    is_valid_agb_code,
    is_valid_bsn,
    is_valid_cbs_buurt_code,
    is_valid_cbs_wijk_code,
    is_valid_municipality_code,
    is_valid_postcode,
    normalize_agb_code,
    normalize_bsn,
    normalize_cbs_buurt_code,
    normalize_cbs_wijk_code,
    normalize_municipality_code,
    normalize_postcode,
)


def eleven_test(bsn: str) -> bool:
    """An independent, literal reading of the rule, to check the module against."""
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    total = sum(int(digit) * weight for digit, weight in zip(bsn, weights, strict=True))
    return total > 0 and total % 11 == 0


# --- BSN ---------------------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_bsn_from_number_is_valid_and_round_trips(n):
    prefix = f"{n:08d}"
    bsn = bsn_from_number(n)
    if bsn is None:
        assert not any(eleven_test(f"{prefix}{digit}") for digit in range(10))
        assert bsn_check_digit(prefix) is None
    else:
        assert bsn.startswith(prefix)
        assert eleven_test(bsn)
        assert is_valid_bsn(bsn)
        assert normalize_bsn(bsn) == bsn
        assert bsn_check_digit(prefix) == int(bsn[-1])


@given(st.integers(min_value=0, max_value=10**8 - 1), st.integers(0, 8), st.integers(1, 9))
def test_changing_one_digit_breaks_the_eleven_test(n, position, shift):
    bsn = bsn_from_number(n)
    if bsn is None:
        return
    wrong = (int(bsn[position]) + shift) % 10
    changed = f"{bsn[:position]}{wrong}{bsn[position + 1 :]}"
    assert not is_valid_bsn(changed)
    with pytest.raises(InvalidIdentifier, match="elfproef"):
        normalize_bsn(changed)


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "010000021", "990000011"])
def test_known_good_bsns(bsn):
    assert eleven_test(bsn)
    assert normalize_bsn(bsn) == bsn


@pytest.mark.parametrize("bsn", ["123456789", "000000000", "111222334"])
def test_bsns_failing_the_eleven_test(bsn):
    assert not eleven_test(bsn)
    with pytest.raises(InvalidIdentifier) as excinfo:
        normalize_bsn(bsn)
    assert str(excinfo.value) == "Dit BSN voldoet niet aan de elfproef."


def test_bsn_with_wrong_length():
    with pytest.raises(InvalidIdentifier) as excinfo:
        normalize_bsn("12345")
    assert str(excinfo.value) == "Een BSN heeft 9 cijfers; '12345' heeft er 5."
    assert not is_valid_bsn("1234567820")
    assert not is_valid_bsn("")


@pytest.mark.parametrize("value", ["12345678a", "abcdefghi", "123-456-782", "١٢٣٤٥٦٧٨٢"])
def test_bsn_with_other_characters(value):
    with pytest.raises(InvalidIdentifier, match="alleen uit cijfers"):
        normalize_bsn(value)


@pytest.mark.parametrize("value", ["10000021", "010000021", " 0100.00.021 ", "0100 00 021", 10000021])
def test_bsn_normalization_strips_and_pads(value):
    assert normalize_bsn(value) == "010000021"


def test_bsn_check_digit():
    assert bsn_check_digit("12345678") == 2
    assert bsn_check_digit("00000005") is None  # prefix sum 10: no digit 0-9 completes it
    assert bsn_check_digit("00000000") is None  # would give 000000000, whose sum is not > 0
    with pytest.raises(ValueError, match="8 digits"):
        bsn_check_digit("1234567")


def test_bsn_from_number_range():
    assert bsn_from_number(12345678) == "123456782"
    assert bsn_from_number(0) is None
    with pytest.raises(ValueError, match="between"):
        bsn_from_number(10**8)
    with pytest.raises(ValueError, match="between"):
        bsn_from_number(-1)


# --- Postcode ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1234 AB", "1234 AB"),
        ("1234ab", "1234 AB"),
        (" 1234  ab ", "1234 AB"),
        ("6603kT", "6603 KT"),
        ("1000 AA", "1000 AA"),
        ("9999 ZZ", "9999 ZZ"),
    ],
)
def test_postcode_normalization(value, expected):
    assert normalize_postcode(value) == expected
    assert is_valid_postcode(value)


@pytest.mark.parametrize("value", ["0999 AB", "0000 AA"])
def test_postcode_below_1000_refused(value):
    with pytest.raises(InvalidIdentifier, match="niet met een 0"):
        normalize_postcode(value)


@pytest.mark.parametrize("letters", ["SA", "SD", "SS", "sa", "sd", "ss"])
def test_postcode_unused_letter_pairs_refused(letters):
    with pytest.raises(InvalidIdentifier) as excinfo:
        normalize_postcode(f"1234 {letters}")
    assert str(excinfo.value) == "Postcodes met de letters SA, SD of SS bestaan niet."


@pytest.mark.parametrize("letters", ["SB", "SC", "SE", "SR", "ST", "AS", "DS"])
def test_postcode_other_s_pairs_accepted(letters):
    assert normalize_postcode(f"1234 {letters}") == f"1234 {letters}"


@pytest.mark.parametrize(
    "value", ["", "1234", "123 AB", "12345 AB", "1234 A", "1234 ABC", "AB 1234", "1234-AB"]
)
def test_malformed_postcodes(value):
    with pytest.raises(InvalidIdentifier, match="vier cijfers en twee letters"):
        normalize_postcode(value)
    assert not is_valid_postcode(value)


# --- CBS codes and AGB code --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("normalize", "is_valid", "good", "bad"),
    [
        (
            normalize_municipality_code,
            is_valid_municipality_code,
            {"GM0202": "GM0202", "gm0202": "GM0202", " GM9901 ": "GM9901"},
            ["GM202", "GM02020", "0202", "WK0202", "GM02a2", "", "GM 0202"],
        ),
        (
            normalize_cbs_wijk_code,
            is_valid_cbs_wijk_code,
            {"WK020200": "WK020200", "wk020201": "WK020201"},
            ["WK02020", "WK0202000", "GM020200", "020200", ""],
        ),
        (
            normalize_cbs_buurt_code,
            is_valid_cbs_buurt_code,
            {"BU02020000": "BU02020000", "bu02020001": "BU02020001"},
            ["BU0202000", "BU020200000", "WK02020000", "02020000", ""],
        ),
        (
            normalize_agb_code,
            is_valid_agb_code,
            {"01234567": "01234567", " 12345678 ": "12345678"},
            ["1234567", "123456789", "1234567a", "", "0123 4567"],
        ),
    ],
    ids=["municipality", "wijk", "buurt", "agb"],
)
def test_codes(normalize, is_valid, good, bad):
    for value, expected in good.items():
        assert normalize(value) == expected
        assert is_valid(value)
    for value in bad:
        assert not is_valid(value), value
        with pytest.raises(InvalidIdentifier):
            normalize(value)


def test_code_messages():
    with pytest.raises(InvalidIdentifier) as excinfo:
        normalize_municipality_code("GM202")
    assert str(excinfo.value) == "Een gemeentecode bestaat uit 'GM' en 4 cijfers, zoals GM0202; 'GM202' niet."
    with pytest.raises(InvalidIdentifier) as excinfo:
        normalize_agb_code("1234567")
    assert str(excinfo.value) == "Een AGB-code heeft 8 cijfers; '1234567' heeft er 7."


# --- Django validators -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("validator", "good", "bad", "code"),
    [
        (validators.validate_bsn, "123456782", "123456789", "invalid_bsn"),
        (validators.validate_postcode, "1234 AB", "1234 SS", "invalid_postcode"),
        (validators.validate_municipality_code, "GM0202", "GM202", "invalid_municipality_code"),
        (validators.validate_cbs_wijk_code, "WK020200", "WK0202", "invalid_cbs_wijk_code"),
        (validators.validate_cbs_buurt_code, "BU02020000", "BU0202", "invalid_cbs_buurt_code"),
        (validators.validate_agb_code, "12345678", "1234", "invalid_agb_code"),
    ],
)
def test_django_validators(validator, good, bad, code):
    validator(good)
    with pytest.raises(ValidationError) as excinfo:
        validator(bad)
    assert excinfo.value.code == code
    assert isinstance(excinfo.value.__cause__, InvalidIdentifier)
    assert excinfo.value.message == str(excinfo.value.__cause__)
