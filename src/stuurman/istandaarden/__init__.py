"""The iWmo and iJw 3.2 schemas shipped with Stuurman, and the code lists read from them.

Code lists (product categories, units, frequencies) are read from the official ``basisschema.xsd``
files rather than typed over, so a new release of the standard is a file swap. Parsing is hardened:
these are our own files, but the same parser settings will guard messages from outside (exchange).
"""

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent
XS = "{http://www.w3.org/2001/XMLSchema}"


class Standard(StrEnum):
    IWMO = "iwmo"
    IJW = "ijw"


_FOLDERS = {Standard.IWMO: "iwmo-3.2", Standard.IJW: "ijw-3.2"}


@dataclass(frozen=True)
class Code:
    code: str
    label: str  # the documentation text of the enumeration, as the standard words it


def hardened_parser() -> etree.XMLParser:
    """No DTD loading, no entity expansion, no network, and libxml2's size limits left in place."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        dtd_validation=False,
    )


def schema_path(standard: Standard | str, name: str = "basisschema.xsd") -> Path:
    return SCHEMA_DIR / _FOLDERS[Standard(standard)] / name


@cache
def _basisschema(standard: Standard) -> etree._ElementTree:
    return etree.parse(str(schema_path(standard)), parser=hardened_parser())


@cache
def enumeration(standard: Standard | str, type_name: str) -> tuple[Code, ...]:
    """The values of a simple type's enumeration, in schema order, with their documentation text."""
    tree = _basisschema(Standard(standard))
    nodes = tree.getroot().findall(f"{XS}simpleType[@name='{type_name}']")
    if not nodes:
        raise LookupError(f"{type_name} is not a simple type in the {standard} basisschema")
    codes = []
    for value in nodes[0].iter(f"{XS}enumeration"):
        text = value.findtext(f"{XS}annotation/{XS}documentation", default="")
        codes.append(Code(value.get("value"), " ".join(text.split())))
    if not codes:
        raise LookupError(f"{type_name} in the {standard} basisschema has no enumeration")
    return tuple(codes)


def product_categories(standard: Standard | str) -> tuple[Code, ...]:
    """LDT_ProductCategorie: Wmo categories (01-18) for iWmo, youth categories (31-55) for iJw."""
    return enumeration(standard, "LDT_ProductCategorie")


def units(standard: Standard | str = Standard.IWMO) -> tuple[Code, ...]:
    """LDT_Eenheid: minute, hour, day and night, day part, pieces (output), euros, pieces (effort)."""
    return enumeration(standard, "LDT_Eenheid")


def frequencies(standard: Standard | str = Standard.IWMO) -> tuple[Code, ...]:
    """LDT_Frequentie: per day, per week, per month, total within the assignment's period."""
    return enumeration(standard, "LDT_Frequentie")


def label(codes: tuple[Code, ...], code: str) -> str:
    return next((item.label for item in codes if item.code == code), "")


def choices(codes: tuple[Code, ...]) -> list[tuple[str, str]]:
    """Form and model choices: the code first, so staff recognise it from the messages."""
    return [(item.code, f"{item.code} {item.label}") for item in codes]
