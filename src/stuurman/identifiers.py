"""Dutch identifiers: BSN, postcode, CBS area codes, AGB code and KvK number.

Each identifier has a ``normalize_*`` function that returns the canonical spelling or raises
:class:`InvalidIdentifier`, and an ``is_valid_*`` function for when only a yes/no is needed. The messages
are in Dutch because they are shown to staff as they are. This module has no Django imports, so the demo
generator, the CLI and plain tests can use it; ``stuurman.validators`` wraps it for forms and models.

Passing these checks says the value is well-formed, not that it was ever issued.
"""

import re

__all__ = [
    "InvalidIdentifier",
    "bsn_check_digit",
    "bsn_from_number",
    "is_valid_agb_code",
    "is_valid_bsn",
    "is_valid_cbs_buurt_code",
    "is_valid_cbs_wijk_code",
    "is_valid_kvk_number",
    "is_valid_municipality_code",
    "is_valid_postcode",
    "normalize_agb_code",
    "normalize_bsn",
    "normalize_cbs_buurt_code",
    "normalize_cbs_wijk_code",
    "normalize_kvk_number",
    "normalize_municipality_code",
    "normalize_postcode",
]


class InvalidIdentifier(ValueError):
    """A malformed identifier; ``str()`` is a Dutch message that can be shown to staff."""


def _is_valid(normalize, value) -> bool:
    try:
        normalize(value)
    except InvalidIdentifier:
        return False
    return True


# [0-9] rather than \d or str.isdigit(): those also accept digits from other scripts (Arabic-Indic, say).
_DIGITS = re.compile(r"[0-9]*")


# --- BSN ---------------------------------------------------------------------------------------------

# The eleven-test: weights 9..2 and -1 for the check digit. Because 11 is prime and no weight is a
# multiple of 11, any single wrong digit changes the sum by a non-multiple of 11 and is caught.
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _bsn_prefix_sum(prefix: str) -> int:
    return sum(int(digit) * weight for digit, weight in zip(prefix, _BSN_WEIGHTS, strict=True))


def normalize_bsn(value: str | int) -> str:
    """Return the BSN as 9 digits, or raise InvalidIdentifier.

    Spaces and dots are dropped ("1234.56.782"), and an 8-digit number gets its leading zero back: BSNs
    that start with 0 often lose it in spreadsheets.
    """
    shown = str(value).strip()
    digits = re.sub(r"[\s.]", "", shown)
    if not _DIGITS.fullmatch(digits):
        raise InvalidIdentifier(f"Een BSN bestaat alleen uit cijfers; '{shown}' bevat ook andere tekens.")
    if len(digits) not in (8, 9):
        raise InvalidIdentifier(f"Een BSN heeft 9 cijfers; '{shown}' heeft er {len(digits)}.")
    digits = digits.zfill(9)
    total = _bsn_prefix_sum(digits[:8]) - int(digits[8])
    # 000000000 passes "divisible by 11", hence the extra > 0.
    if total <= 0 or total % 11:
        raise InvalidIdentifier("Dit BSN voldoet niet aan de elfproef.")
    return digits


def is_valid_bsn(value: str | int) -> bool:
    return _is_valid(normalize_bsn, value)


def bsn_check_digit(prefix: str) -> int | None:
    """The last digit that makes the 8-digit ``prefix`` a valid BSN, or None when no digit does.

    The check digit must equal the prefix sum modulo 11, so a remainder of 10 has no valid completion
    (about one prefix in eleven).
    """
    if len(prefix) != 8 or not _DIGITS.fullmatch(prefix):
        raise ValueError(f"prefix must be 8 digits, not {prefix!r}")
    total = _bsn_prefix_sum(prefix)
    digit = total % 11
    if digit == 10 or total - digit <= 0:
        return None
    return digit


def bsn_from_number(n: int) -> str | None:
    """The valid BSN whose first 8 digits are ``n`` (0 <= n < 10**8), or None when there is none.

    Deterministic, so demo data gets the same BSNs on every run.
    """
    if not 0 <= n < 10**8:
        raise ValueError(f"n must be between 0 and 99999999, not {n}")
    prefix = f"{n:08d}"
    digit = bsn_check_digit(prefix)
    return None if digit is None else f"{prefix}{digit}"


# --- Postcode ----------------------------------------------------------------------------------------

_POSTCODE = re.compile(r"\s*([0-9]{4})\s*([A-Za-z]{2})\s*")
# These letter pairs are never used: SA, SD and SS are the names of Nazi organisations.
_UNUSED_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})


def normalize_postcode(value: str) -> str:
    """Return the postcode as '1234 AB' (one space, capitals), or raise InvalidIdentifier."""
    match = _POSTCODE.fullmatch(value)
    if not match:
        raise InvalidIdentifier(
            f"Een postcode bestaat uit vier cijfers en twee letters, zoals '1234 AB'; '{value.strip()}' niet."
        )
    number, letters = match[1], match[2].upper()
    if number.startswith("0"):
        raise InvalidIdentifier(f"Postcodes beginnen niet met een 0; '{number} {letters}' bestaat niet.")
    if letters in _UNUSED_POSTCODE_LETTERS:
        raise InvalidIdentifier("Postcodes met de letters SA, SD of SS bestaan niet.")
    return f"{number} {letters}"


def is_valid_postcode(value: str) -> bool:
    return _is_valid(normalize_postcode, value)


# --- CBS area codes ----------------------------------------------------------------------------------


def _normalize_cbs_code(value: str, prefix: str, length: int, name: str, example: str) -> str:
    code = value.strip().upper()
    if not re.fullmatch(f"{prefix}[0-9]{{{length}}}", code):
        raise InvalidIdentifier(
            f"Een {name} bestaat uit '{prefix}' en {length} cijfers, zoals {example}; '{value.strip()}' niet."
        )
    return code


def normalize_municipality_code(value: str) -> str:
    """Return the CBS municipality code as 'GM0202', or raise InvalidIdentifier."""
    return _normalize_cbs_code(value, "GM", 4, "gemeentecode", "GM0202")


def is_valid_municipality_code(value: str) -> bool:
    return _is_valid(normalize_municipality_code, value)


def normalize_cbs_wijk_code(value: str) -> str:
    """Return the CBS wijk code as 'WK020200', or raise InvalidIdentifier."""
    return _normalize_cbs_code(value, "WK", 6, "wijkcode", "WK020200")


def is_valid_cbs_wijk_code(value: str) -> bool:
    return _is_valid(normalize_cbs_wijk_code, value)


def normalize_cbs_buurt_code(value: str) -> str:
    """Return the CBS buurt code as 'BU02020000', or raise InvalidIdentifier."""
    return _normalize_cbs_code(value, "BU", 8, "buurtcode", "BU02020000")


def is_valid_cbs_buurt_code(value: str) -> bool:
    return _is_valid(normalize_cbs_buurt_code, value)


# --- AGB code ----------------------------------------------------------------------------------------


def normalize_agb_code(value: str) -> str:
    """Return the AGB code as 8 digits, or raise InvalidIdentifier.

    There is no check digit, and leading zeros are significant, so nothing is padded.
    """
    code = value.strip()
    if not _DIGITS.fullmatch(code):
        raise InvalidIdentifier(f"Een AGB-code bestaat alleen uit cijfers; '{code}' bevat ook andere tekens.")
    if len(code) != 8:
        raise InvalidIdentifier(f"Een AGB-code heeft 8 cijfers; '{code}' heeft er {len(code)}.")
    return code


def is_valid_agb_code(value: str) -> bool:
    return _is_valid(normalize_agb_code, value)


# --- KvK number --------------------------------------------------------------------------------------


def normalize_kvk_number(value: str) -> str:
    """Return the Chamber of Commerce (KvK) number as 8 digits, or raise InvalidIdentifier."""
    number = value.strip()
    if not _DIGITS.fullmatch(number):
        raise InvalidIdentifier(
            f"Een KvK-nummer bestaat alleen uit cijfers; '{number}' bevat ook andere tekens."
        )
    if len(number) != 8:
        raise InvalidIdentifier(f"Een KvK-nummer heeft 8 cijfers; '{number}' heeft er {len(number)}.")
    return number


def is_valid_kvk_number(value: str) -> bool:
    return _is_valid(normalize_kvk_number, value)
