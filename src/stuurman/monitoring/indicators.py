"""The indicators of the monitor, each with the definition the interface shows. Pure: no Django.

Each indicator turns plain grouped rows (what one GROUP BY in the database returns for one period,
area and law) into cells: a key and a pair (count, amount). The count is the number of persons,
households, plans or decisions a cell counts, and what suppression looks at; the amount, where there
is one, is a sum such as euro cents. Cells add up over areas, which is how the monitor builds a wijk,
a kern, a municipality and the region from the same rows (monitoring/refresh.py).

What the data cannot tell is said in the definitions: for instance, Stuurman records no benefits
(uitkeringen) yet, so a Participatiewet provision stands for "a benefit".
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from stuurman.catalog.rules import Tier
from stuurman.intake import deadlines as legal
from stuurman.plans.tiers import FOUR_WAY

from . import figures
from .periods import Period

# The laws the monitor reports one by one. Help under "anders" counts in "all laws" only: as a law of
# its own it is nearly always empty, and hiding it everywhere would hide a second law everywhere too.
LAW_LABELS = {
    "wmo": "Wmo 2015",
    "jeugdwet": "Jeugdwet",
    "participatiewet": "Participatiewet",
    "debt": "schuldhulp",
}
LAWS = tuple(LAW_LABELS)
TERM_LAWS = ("wmo", "jeugdwet", "participatiewet")  # the laws with a statutory decision term
STACKING_LAWS = ("jeugdwet", "participatiewet", "wmo")  # the CBS stacking monitor's three laws
# "Independent": nobody in the household still has debt help, a benefit or a Wmo provision.
DEPENDENCY_LAWS = ("wmo", "participatiewet", "debt")
PROVISION_TIER = Tier.GENERAL  # from here on a contribution is a provision of the municipality
DECISION_TIER = Tier.TAILORED  # from here on it exists only with a granted decision (beschikking)

Cells = dict[str, tuple[int, int | None]]


# --- The definitions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    definition: str
    unit: str  # what the counts count, in the plural
    labels: tuple[tuple[str, str], ...]  # published keys in display order, with their labels
    sums: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a total and the keys that add up to it
    implicit: tuple[str, ...] = ()  # never shown, but derivable by design
    laws: tuple[str, ...] = LAWS  # () when the indicator has no law dimension
    law_note: str = "Met een wet gekozen telt alleen wat onder die wet valt."
    per_domain: bool = False  # keys repeat per ZRM domain as "domain:key"
    suppressed: bool = True
    unpublished_prefix: str = ""  # cells kept to compute a figure (a median), never shown themselves

    def keys(self, domains: Iterable[str] = ()) -> list[str]:
        if self.per_domain:
            return [f"{domain}:{key}" for domain in domains for key, _ in self.labels]
        return [key for key, _ in self.labels]

    def implicit_keys(self, domains: Iterable[str] = ()) -> list[str]:
        if self.per_domain:
            return [f"{domain}:{key}" for domain in domains for key in self.implicit]
        return list(self.implicit)

    def relations(self, domains: Iterable[str] = ()) -> list[tuple[str, tuple[str, ...]]]:
        if not self.per_domain:
            return list(self.sums)
        return [
            (f"{d}:{total}", tuple(f"{d}:{part}" for part in parts))
            for d in domains
            for total, parts in self.sums
        ]

    def label(self, key: str) -> str:
        return dict(self.labels)[key.rsplit(":", 1)[-1]]


_SUPPORTED = (
    "Inzet loopt in de periode als ze begint voor het einde van de periode en niet eindigt voor het begin. "
    "Inzet in een conceptplan telt niet mee, maatwerk en specialistische zorg alleen met een toekennende "
    "beschikking."
)

REACH = Indicator(
    "reach",
    "Bereik",
    "Personen en huishoudens met ten minste één voorziening (algemene voorziening, maatwerk of "
    "specialistische zorg) die in de periode loopt, per wet en per 1.000 inwoners en huishoudens. De "
    "persoon is degene voor wie het doel van de inzet is; inzet zonder doel telt alleen voor het "
    f"huishouden. Bij alle wetten samen telt iedereen één keer. {_SUPPORTED}",
    "personen",
    (("persons", "personen"), ("households", "huishoudens")),
)

INTEGRATED = Indicator(
    "integrated",
    "Integraal aanbod",
    "Plannen met inzet die in de periode loopt, en hoeveel daarvan integraal zijn: inzet onder meer dan "
    "één wet, of doelen op meer dan één leefgebied. " + _SUPPORTED,
    "plannen",
    (
        ("plans", "plannen met lopende inzet"),
        ("integrated", "integraal (meer wetten of leefgebieden)"),
        ("multi_law", "meer dan één wet"),
        ("multi_domain", "meer dan één leefgebied"),
    ),
    sums=(
        ("plans", ("integrated", "neither")),
        ("integrated", ("multi_law", "domain_only")),
        ("multi_law", ("both", "law_only")),
        ("multi_domain", ("both", "domain_only")),
    ),
    implicit=("neither", "both", "law_only", "domain_only"),
    law_note="Met een wet gekozen: plannen met lopende inzet onder die wet.",
)

OUTFLOW = Indicator(
    "outflow",
    "Uitstroom naar zelfstandigheid",
    "Plannen die in de periode zijn beëindigd. Zelfstandig: op de dag na het einde heeft niemand in het "
    "huishouden nog schuldhulp, een Participatiewet-voorziening of een Wmo-maatwerkvoorziening (maatwerk "
    "of specialistisch, met toekenning, in welk plan van het huishouden ook). Stuurman legt nog geen "
    "uitkeringen vast; een Participatiewet-voorziening staat voor de uitkering.",
    "plannen",
    (("ended", "beëindigde plannen"), ("independent", "zelfstandig"), ("supported", "nog ondersteuning")),
    sums=(("ended", ("independent", "supported")),),
    law_note="Met een wet gekozen: beëindigde plannen met inzet onder die wet.",
)

LINES = Indicator(
    "lines",
    "Spreiding over 0e, 1e en 2e lijn",
    "Huishoudens (of personen zonder huishouden) met een melding in de periode waarvan de lijn is bepaald, "
    "naar de hoogste lijn van hun meldingen in de periode: 0e lijn (eigen kracht, netwerk, algemene "
    "voorzieningen), 1e lijn (kortdurende ondersteuning), 2e lijn (langdurig of specialistisch).",
    "huishoudens",
    (("0", "0e lijn"), ("1", "1e lijn"), ("2", "2e lijn"), ("total", "totaal")),
    sums=(("total", ("0", "1", "2")),),
    law_note="Met een wet gekozen: meldingen onder die wet.",
)

_TIER_KEYS = tuple((f"t{tier.value}", tier.label) for tier in Tier)
_FOUR_WAY_KEYS = {
    "eigen kracht": "own",
    "sociaal netwerk": "network",
    "algemene voorziening": "general",
    "maatwerkvoorziening": "tailored",
}

TIERS = Indicator(
    "tiers",
    "Inzet naar trede",
    "Inzet die in de periode loopt, naar de trede van het kringenmodel: van de persoon zelf tot "
    "specialistische zorg. " + _SUPPORTED,
    "inzetten",
    (*_TIER_KEYS, ("total", "totaal")),
    sums=(("total", tuple(key for key, _ in _TIER_KEYS)),),
    law_note="Met een wet gekozen: alle inzet in plannen met lopende inzet onder die wet.",
)

FOUR_WAY_INDICATOR = Indicator(
    "four_way",
    "Inzet in vier vormen",
    "Dezelfde inzet in de gangbare vier vormen: eigen kracht (de persoon zelf), sociaal netwerk "
    "(huishouden, familie, informeel netwerk en georganiseerde vrijwilligers), algemene voorziening en "
    "maatwerkvoorziening (maatwerk en specialistische zorg).",
    "inzetten",
    (*((key, label) for label, key in _FOUR_WAY_KEYS.items()), ("total", "totaal")),
    sums=(("total", tuple(_FOUR_WAY_KEYS.values())),),
    law_note=TIERS.law_note,
)

ZRM = Indicator(
    "zrm",
    "ZRM-uitkomsten per leefgebied",
    "Per leefgebied de personen van wie de laatste ZRM-score in de periode valt en die op dat leefgebied "
    "eerder gescoord zijn: de laatste score vergeleken met de eerste. Hoger is verbeterd. Er is geen "
    "totaal of gemiddelde over leefgebieden heen. Leefgebieden van oudere ZRM-versies tellen mee onder "
    "hun vervolg (Inkomen is Financiën); Justitie staat niet in de monitor.",
    "personen",
    (
        ("improved", "verbeterd"),
        ("stable", "gelijk"),
        ("declined", "verslechterd"),
        ("measured", "twee keer gescoord"),
    ),
    sums=(("measured", ("improved", "stable", "declined")),),
    per_domain=True,
    law_note="Met een wet gekozen: het proces van de laatste beoordeling.",
)

_LADDER_DEFINITION = (
    "Personen van wie de laatste trede op de participatieladder in de periode is vastgelegd. "
)

LADDER_MOVEMENT = Indicator(
    "ladder_movement",
    "Participatieladder: beweging",
    _LADDER_DEFINITION + "Beweging: de trede nu bij die laatste meting vergeleken met de eerste meting; "
    "alleen wie twee keer is gemeten. Omhoog is ten minste één trede hoger.",
    "personen",
    (("up", "omhoog"), ("same", "gelijk"), ("down", "omlaag"), ("measured", "twee keer gemeten")),
    sums=(("measured", ("up", "same", "down")),),
    law_note=ZRM.law_note,
)

LADDER_RUNGS = Indicator(
    "ladder_rungs",
    "Participatieladder: verdeling over de treden",
    _LADDER_DEFINITION + "Verdeling over de treden bij die laatste meting.",
    "personen",
    (
        ("r1", "1 geïsoleerd"),
        ("r2", "2 sociale contacten buitenshuis"),
        ("r3", "3 deelname georganiseerde activiteiten"),
        ("r4", "4 onbetaald werk"),
        ("r5", "5 betaald werk met ondersteuning"),
        ("r6", "6 betaald werk"),
        ("total", "totaal"),
    ),
    sums=(("total", ("r1", "r2", "r3", "r4", "r5", "r6")),),
    law_note=ZRM.law_note,
)

LADDER_GAP = Indicator(
    "ladder_gap",
    "Participatieladder: afstand tot de haalbare trede",
    _LADDER_DEFINITION + "Hoeveel treden de haalbare trede boven de trede nu ligt, bij die laatste "
    "meting en als de haalbare trede is vastgelegd.",
    "personen",
    (("g0", "bereikt"), ("g1", "1 trede"), ("g2", "2 treden"), ("g3", "3 of meer"), ("total", "totaal")),
    sums=(("total", ("g0", "g1", "g2", "g3")),),
    law_note=ZRM.law_note,
)

DEADLINES = Indicator(
    "deadlines",
    "Beslistermijnen",
    "Beschikkingen (toegekend of afgewezen) met hun besluitdatum in de periode, vergeleken met de aanvraag "
    "onder dezelfde wet in hetzelfde plan (de laatste op of voor de besluitdatum). Binnen de termijn: "
    "Wmo 2 weken, Jeugdwet en Participatiewet 8 weken na de aanvraag, doorgeschoven naar de eerstvolgende "
    "werkdag (Algemene termijnenwet). Verlengingen tellen niet: de wettelijke termijn is de maat. "
    "Beschikkingen zonder aanvraag in het plan tellen niet mee.",
    "beschikkingen",
    (("decided", "beschikkingen"), ("met", "binnen de termijn"), ("late", "te laat")),
    sums=(("decided", ("met", "late")),),
    laws=TERM_LAWS,
    unpublished_prefix="d:",
)

REVIEWS = Indicator(
    "reviews",
    "Evaluaties op tijd",
    "Evaluaties die in de periode zijn gehouden. Op tijd: gehouden op of voor de geplande datum.",
    "evaluaties",
    (("held", "gehouden"), ("on_time", "op tijd"), ("late", "te laat")),
    sums=(("held", ("on_time", "late")),),
    law_note="Met een wet gekozen: evaluaties van plannen met inzet onder die wet.",
)

COSTS = Indicator(
    "costs",
    "Kosten",
    "Kosten van inzet die in de periode loopt: de kosten per maand maal twaalf, gedeeld door 365, maal "
    "het aantal dagen van de periode waarop de inzet liep. Naar vorm: zorg in natura of "
    "persoonsgebonden budget. Het aantal is het aantal huishoudens met kosten. " + _SUPPORTED,
    "huishoudens",
    (
        ("total", "totaal"),
        ("in_kind", "zorg in natura"),
        ("pgb", "persoonsgebonden budget (pgb)"),
        ("none", "geen vorm vastgelegd"),
    ),
    sums=(("total", ("in_kind", "pgb", "none")),),
)

BUDGET = Indicator(
    "budget",
    "Budget",
    "Het budget dat de gemeente per wet per jaar vastlegde; voor een halfjaar de helft. Een budget is "
    "openbaar en wordt niet verborgen.",
    "",
    (("amount", "budget"),),
    suppressed=False,
)

STACKING = Indicator(
    "stacking",
    "Stapeling over wetten",
    "Huishoudens met maatwerk of specialistische zorg (met toekenning) die in de periode loopt onder de "
    "Jeugdwet, de Participatiewet of de Wmo, naar de combinatie van wetten, zoals de CBS-monitor "
    "stapeling ze telt. Een wet kiezen verandert deze tabel niet.",
    "huishoudens",
    (
        ("j", "alleen Jeugdwet"),
        ("p", "alleen Participatiewet"),
        ("w", "alleen Wmo"),
        ("jp", "Jeugdwet en Participatiewet"),
        ("jw", "Jeugdwet en Wmo"),
        ("pw", "Participatiewet en Wmo"),
        ("jpw", "alle drie"),
        ("multi", "meer dan één wet"),
        ("any", "totaal"),
    ),
    sums=(
        ("any", ("multi", "single")),
        ("single", ("j", "p", "w")),
        ("multi", ("jp", "jw", "pw", "jpw")),
    ),
    implicit=("single",),
    laws=(),
)

POPULATION = Indicator(
    "population",
    "Inwoners",
    "Personen met een huidig lidmaatschap van een huishouden, naar het gebied van dat huishouden, en die "
    "huishoudens: zoals Stuurman ze nu kent, voor elke periode dezelfde noemer.",
    "inwoners",
    (("persons", "inwoners"), ("households", "huishoudens")),
    laws=(),
    suppressed=False,
)

_ALL = (REACH, INTEGRATED, OUTFLOW, LINES, TIERS, FOUR_WAY_INDICATOR, ZRM, LADDER_MOVEMENT, LADDER_RUNGS)
_ALL += (LADDER_GAP, DEADLINES, REVIEWS, COSTS, BUDGET, STACKING, POPULATION)
INDICATORS: dict[str, Indicator] = {indicator.id: indicator for indicator in _ALL}


# --- Shared rules ---------------------------------------------------------------------------------


def is_delivered(plan_status: str, tier: int, granted: bool | None) -> bool:
    """Whether a contribution counts: not in a draft plan, and tailored help only when granted."""
    if plan_status == "draft":
        return False
    return tier < DECISION_TIER or granted is True


def runs_on(starts_on: date, ends_on: date | None, day: date) -> bool:
    return starts_on <= day and (ends_on is None or ends_on >= day)


def runs_in(starts_on: date, ends_on: date | None, period: Period) -> bool:
    return period.overlap_days(starts_on, ends_on) > 0


def _count(cells: Cells, key: str, n: int) -> None:
    cells[key] = (cells.get(key, (0, None))[0] + n, None)


# --- Reach and integrated offers -------------------------------------------------------------------


def reach(persons: int, households: int) -> Cells:
    return {"persons": (persons, None), "households": (households, None)}


def is_integrated(laws: Iterable[str], domains: Iterable[str]) -> tuple[bool, bool]:
    """(more than one law, more than one life domain) for a plan's running contributions and goals."""
    return len({law for law in laws if law}) > 1, len(set(domains)) > 1


def integrated(rows: Iterable[tuple[bool, bool, int]]) -> Cells:
    """Rows: (more than one law, more than one domain, plans)."""
    cells: Cells = {}
    for multi_law, multi_domain, n in rows:
        part = {
            (True, True): "both",
            (True, False): "law_only",
            (False, True): "domain_only",
            (False, False): "neither",
        }[(bool(multi_law), bool(multi_domain))]
        _count(cells, part, n)
        _count(cells, "plans", n)
        if multi_law or multi_domain:
            _count(cells, "integrated", n)
        if multi_law:
            _count(cells, "multi_law", n)
        if multi_domain:
            _count(cells, "multi_domain", n)
    return cells


# --- Outflow to independence -----------------------------------------------------------------------


def keeps_household_dependent(law: str, tier: int) -> bool:
    return law in DEPENDENCY_LAWS and tier >= DECISION_TIER


def day_after_end(ends_on: date) -> date:
    return ends_on + timedelta(days=1)


def independent(still_running: Iterable[tuple[str, int]]) -> bool:
    """After a plan ends: (law, tier) of the household's delivered contributions running the day after."""
    return not any(keeps_household_dependent(law, tier) for law, tier in still_running)


def outflow(rows: Iterable[tuple[bool, int]]) -> Cells:
    """Rows: (independent, ended plans)."""
    cells: Cells = {}
    for is_independent, n in rows:
        _count(cells, "ended", n)
        _count(cells, "independent" if is_independent else "supported", n)
    return cells


# --- Lines, tiers -------------------------------------------------------------------------------


def highest_line(lines: Iterable[int]) -> int:
    return max(lines)


def lines(rows: Iterable[tuple[int, int]]) -> Cells:
    """Rows: (highest line of the unit's requests in the period, units)."""
    cells: Cells = {}
    for line, n in rows:
        _count(cells, str(line), n)
        _count(cells, "total", n)
    return cells


def tiers(rows: Iterable[tuple[int, int]]) -> Cells:
    """Rows: (tier, contributions)."""
    cells: Cells = {}
    for tier, n in rows:
        _count(cells, f"t{int(tier)}", n)
        _count(cells, "total", n)
    return cells


def four_way(rows: Iterable[tuple[int, int]]) -> Cells:
    cells: Cells = {}
    for tier, n in rows:
        _count(cells, _FOUR_WAY_KEYS[FOUR_WAY[Tier(tier)]], n)
        _count(cells, "total", n)
    return cells


# --- ZRM and the participation ladder --------------------------------------------------------------


def zrm_change(first: int, last: int) -> str:
    """Per domain, never summed over domains: higher is more self-reliant."""
    if last > first:
        return "improved"
    return "stable" if last == first else "declined"


def zrm(rows: Iterable[tuple[str, int, int, int]]) -> Cells:
    """Rows: (domain code, first score, last score, persons)."""
    cells: Cells = {}
    for domain, first, last, n in rows:
        _count(cells, f"{domain}:{zrm_change(first, last)}", n)
        _count(cells, f"{domain}:measured", n)
    return cells


def ladder_move(first: int, last: int) -> str:
    if last > first:
        return "up"
    return "same" if last == first else "down"


def ladder_gap(now: int, attainable: int) -> str:
    return f"g{min(3, max(0, attainable - now))}"


def ladder_movement(rows: Iterable[tuple[int | None, int, int | None, int]]) -> Cells:
    """Rows: (first rung when measured before, rung at the last moment, attainable rung, persons)."""
    cells: Cells = {}
    for first, last, _attainable, n in rows:
        if first is not None:
            _count(cells, ladder_move(first, last), n)
            _count(cells, "measured", n)
    return cells


def ladder_rungs(rows: Iterable[tuple[int | None, int, int | None, int]]) -> Cells:
    cells: Cells = {}
    for _first, last, _attainable, n in rows:
        _count(cells, f"r{last}", n)
        _count(cells, "total", n)
    return cells


def ladder_gaps(rows: Iterable[tuple[int | None, int, int | None, int]]) -> Cells:
    cells: Cells = {}
    for _first, last, attainable, n in rows:
        if attainable is not None:
            _count(cells, ladder_gap(last, attainable), n)
            _count(cells, "total", n)
    return cells


# --- Deadlines and reviews -----------------------------------------------------------------------


def decision_due(law: str, application_on: date) -> date:
    return legal.decision_deadline(legal.Law(law), application_on).due


def within_term(law: str, application_on: date, decided_on: date) -> bool:
    return decided_on <= decision_due(law, application_on)


def deadlines(rows: Iterable[tuple[str, date, date, int]]) -> Cells:
    """Rows: (law, application date, decision date, decisions). Keeps the days as 'd:N' for the median."""
    cells: Cells = {}
    for law, application_on, decided_on, n in rows:
        _count(cells, "decided", n)
        _count(cells, "met" if within_term(law, application_on, decided_on) else "late", n)
        _count(cells, f"d:{(decided_on - application_on).days}", n)
    return cells


def review_on_time(days_late: int) -> bool:
    """``days_late``: the day held minus the day planned."""
    return days_late <= 0


def reviews(rows: Iterable[tuple[int, int]]) -> Cells:
    """Rows: (days held after the planned day, reviews)."""
    cells: Cells = {}
    for days_late, n in rows:
        _count(cells, "held", n)
        _count(cells, "on_time" if review_on_time(days_late) else "late", n)
    return cells


# --- Costs and budget ------------------------------------------------------------------------------


def cost_days(cost_per_month: Decimal, starts_on: date, ends_on: date | None, period: Period) -> Decimal:
    """The cost per month times the days it ran in the period: what the database sums per group."""
    return Decimal(cost_per_month) * period.overlap_days(starts_on, ends_on)


def costs(rows: Iterable[tuple[str, Decimal, int]]) -> Cells:
    """Rows: (delivery, summed cost-days, households); delivery '*' is the row for all forms together."""
    keys = {"*": "total", "in_kind": "in_kind", "pgb": "pgb", "": "none"}
    cells: Cells = {}
    for delivery, summed, households in rows:
        key = keys[delivery]
        count, amount = cells.get(key, (0, 0))
        cells[key] = (count + households, amount + figures.cents(summed))
    return cells


# --- Stacking and population -----------------------------------------------------------------------

_STACKING_LETTER = {"jeugdwet": "j", "participatiewet": "p", "wmo": "w"}


def stacking_category(laws: Iterable[str]) -> str | None:
    """The CBS stacking category of the laws a household has provisions under; None for none of them."""
    letters = "".join(letter for law, letter in _STACKING_LETTER.items() if law in set(laws))
    return letters or None


def stacking(rows: Iterable[tuple[frozenset[str], int]]) -> Cells:
    """Rows: (laws with tailored provisions, households)."""
    cells: Cells = {}
    for laws, n in rows:
        category = stacking_category(laws)
        if category is None:
            continue
        _count(cells, category, n)
        _count(cells, "any", n)
        _count(cells, "multi" if len(category) > 1 else "single", n)
    return cells


def population(persons: int, households: int) -> Cells:
    return {"persons": (persons, None), "households": (households, None)}
