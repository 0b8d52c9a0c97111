"""Pure rules of the catalogue: tiers, financing forms and their units, contract periods.

No Django here (the code lists come from stuurman.istandaarden, which is pure too), so the plans
app, the import and the tests can use them directly.
"""

from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum

from stuurman.istandaarden import product_categories


class Tier(IntEnum):
    """The circles of the kringenmodel, from the centre outward (DESIGN.md §2.1).

    The catalogue holds the outer four; the inner three are the person and their own network, which a
    plan records without a catalogue entry.
    """

    SELF = 1
    HOUSEHOLD = 2
    INFORMAL = 3
    VOLUNTEERS = 4
    GENERAL = 5
    TAILORED = 6
    SPECIALIST = 7

    @property
    def label(self) -> str:
        return TIER_LABELS[self]


TIER_LABELS = {
    Tier.SELF: "de persoon zelf",
    Tier.HOUSEHOLD: "huishouden en naaste familie",
    Tier.INFORMAL: "informeel netwerk",
    Tier.VOLUNTEERS: "georganiseerde vrijwilligers",
    Tier.GENERAL: "algemene voorziening",
    Tier.TAILORED: "maatwerkvoorziening",
    Tier.SPECIALIST: "specialistische of langdurige zorg",
}


class Kind(StrEnum):
    LOCAL_INITIATIVE = "local_initiative"
    GENERAL = "general"
    TAILORED = "tailored"
    SPECIALIST = "specialist"


KIND_LABELS = {
    Kind.LOCAL_INITIATIVE: "lokaal initiatief of vrijwilligersorganisatie (0e lijn)",
    Kind.GENERAL: "algemene voorziening (zonder beschikking)",
    Kind.TAILORED: "maatwerkvoorziening (met beschikking)",
    Kind.SPECIALIST: "specialistische of langdurige zorg",
}

TIER_OF_KIND = {
    Kind.LOCAL_INITIATIVE: Tier.VOLUNTEERS,
    Kind.GENERAL: Tier.GENERAL,
    Kind.TAILORED: Tier.TAILORED,
    Kind.SPECIALIST: Tier.SPECIALIST,
}


def tier_of(kind: str) -> Tier:
    return TIER_OF_KIND[Kind(kind)]


def needs_decision(kind: str) -> bool:
    """Tailored and specialist help needs a decision (beschikking); the lower tiers are free to use."""
    return tier_of(kind) >= Tier.TAILORED


class FinancingForm(StrEnum):
    EFFORT = "inspanningsgericht"
    OUTPUT = "outputgericht"
    TASK = "taakgericht"


# iWmo/iJw units (LDT_Eenheid) that fit each financing form: effort is paid per time or per piece of
# effort, output per piece of output or as a budget in euros, and task-oriented help is a lump sum
# with no assignment or claim messages at all, so no unit.
UNITS_OF_FORM = {
    FinancingForm.EFFORT: frozenset({"01", "04", "14", "16", "84"}),
    FinancingForm.OUTPUT: frozenset({"82", "83"}),
    FinancingForm.TASK: frozenset(),
}


def unit_problem(form: str, unit: str, tariff) -> dict[str, str]:
    """What is wrong with a contract's unit and tariff for its financing form, by field."""
    allowed = UNITS_OF_FORM[FinancingForm(form)]
    problems = {}
    if not allowed:
        if unit:
            problems["unit"] = "Taakgerichte financiering kent geen eenheid: laat de eenheid leeg."
        return problems
    if not unit:
        problems["unit"] = f"Kies een eenheid; bij {form} is dat een van {', '.join(sorted(allowed))}."
    elif unit not in allowed:
        problems["unit"] = f"Eenheid {unit} past niet bij {form}; kies een van {', '.join(sorted(allowed))}."
    if tariff is None:
        problems["tariff"] = f"Vul het tarief per eenheid in; bij {form} is dat nodig voor de declaratie."
    elif tariff < 0:
        problems["tariff"] = "Een tarief kan niet negatief zijn."
    return problems


@dataclass(frozen=True)
class Period:
    """A contract period: both days included; no end means open-ended."""

    starts_on: date
    ends_on: date | None = None

    def problem(self) -> str:
        if self.ends_on is not None and self.ends_on < self.starts_on:
            return "De einddatum ligt voor de begindatum."
        return ""

    def overlaps(self, other: "Period") -> bool:
        self_end, other_end = self.ends_on or date.max, other.ends_on or date.max
        return self.starts_on <= other_end and other.starts_on <= self_end

    def __str__(self) -> str:
        if self.ends_on is None:
            return f"vanaf {self.starts_on:%d-%m-%Y}"
        return f"{self.starts_on:%d-%m-%Y} tot en met {self.ends_on:%d-%m-%Y}"


def is_current(end_date: date | None, today: date) -> bool:
    """A retired entry still shows on its last day, and not after."""
    return end_date is None or end_date >= today


# Which iStandaard's product categories apply under which law (the law codes of intake.Request.Law).
STANDARD_OF_LAW = {"wmo": "iwmo", "jeugdwet": "ijw"}
STANDARD_NAMES = {"iwmo": "iWmo 3.2", "ijw": "iJw 3.2"}


def product_problem(law: str, category: str, code: str) -> dict[str, str]:
    """What is wrong with a service's iWmo/iJw product category and code, by field.

    Categories come from LDT_ProductCategorie of the standard that goes with the law; a product code
    (LDT_ProductCode: 1 to 5 characters) only means something within a category.
    """
    problems = {}
    standard = STANDARD_OF_LAW.get(law)
    if category:
        if standard is None:
            problems["product_category"] = (
                "Alleen Wmo- en Jeugdwet-voorzieningen hebben een productcategorie; "
                f"'{category}' past niet bij deze wet."
            )
        elif category not in {item.code for item in product_categories(standard)}:
            known = ", ".join(item.code for item in product_categories(standard))
            problems["product_category"] = (
                f"Productcategorie '{category}' bestaat niet in {STANDARD_NAMES[standard]}; "
                f"kies een van {known}."
            )
    if code:
        if not category:
            problems["product_code"] = "Een productcode hoort bij een productcategorie: vul die ook in."
        elif len(code) > 5 or not code.strip():
            problems["product_code"] = "Een productcode heeft 1 tot 5 tekens."
    return problems
