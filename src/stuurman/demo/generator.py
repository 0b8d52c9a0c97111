"""Synthetic households for the demo region: realistic, deterministic, and fast enough for 100,000.

Household number k is drawn from ``random.Random(f"{seed}:{k}")``, so it is the same on every run and
does not depend on how many were made before; a later run continues at the next number. Rows are
written with one bulk insert per model per batch, each batch in its own transaction.
"""

import random
import string
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from tqdm import tqdm

from stuurman.accounts.models import Team, User
from stuurman.identifiers import bsn_from_number
from stuurman.people.models import Household, Membership, Person
from stuurman.tenancy.models import Area, Municipality

from . import case_rows, cases, copying, spending
from .loader import FAMILY_BSN_BASE
from .names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES, display_surname
from .region import MUNICIPALITIES, REGION_NAME, buurt_code

# Generated people get BSNs whose first eight digits count up from here (the named family uses 99...).
GENERATED_BSN_BASE = 90_000_000
BATCH_SIZE = 2000
# About one in eight households has an open file with the team of its area (DESIGN.md §7: 90,000 of
# 700,000 inhabitants' households), so the access policy has realistic work to do.
OPEN_FILE_SHARE = 0.13
# And some had a file that is closed now: their plan ended, which is what outflow is about.
PAST_FILE_SHARE = 0.05
_OPEN_FILE_REASONS = (
    "Melding via de huisarts",
    "Aanvraag Wmo-ondersteuning via de website",
    "Signaal van school over verzuim",
    "Aanmelding schuldhulp aan de balie",
    "Telefonische hulpvraag mantelzorger",
    "Signaal van de woningcorporatie over huurachterstand",
)

# Share of Dutch households by composition (CBS, rounded): alone, couple, couple with children,
# one parent with children, other (for instance an adult child caring for a parent).
_COMPOSITIONS = (("alone", 38), ("couple", 28), ("family", 26), ("single_parent", 7), ("other", 1))
_POSTCODE_LETTERS = [
    a + b for a in string.ascii_uppercase for b in string.ascii_uppercase if a + b not in {"SA", "SD", "SS"}
]


@dataclass(frozen=True)
class _Address:
    municipality: Municipality
    area: Area
    city: str
    postcode_number: int
    streets: tuple[str, ...]
    team: Team | None = None


def generate_households(
    count: int,
    *,
    seed: int = 2026,
    progress: bool = True,
    today: date | None = None,
    open_share: float = OPEN_FILE_SHARE,
) -> int:
    """Add ``count`` households to Regio Voorbeeld (loaded first) and return how many were made.

    Households with a file get their case (demo/cases.py); ``open_share`` is the share with a file open
    now (the benchmarks raise it to reach a region's 90,000 open files)."""
    if count < 0:
        raise ValueError(f"count must be 0 or more, not {count}")
    today = today or timezone.localdate()
    addresses = _addresses()
    first_index = _generated_household_count()
    bsn_counter = _next_bsn_number()
    # Open files are recorded as assigned by a team lead; without one (a bare region) there are none.
    recorder = User.objects.filter(groups__role__slug="team_lead").order_by("pk").first()
    teams = list({a.team.pk: a.team for a in addresses if a.team}.values())
    context = case_rows.Context.load(recorder, teams) if recorder is not None else None
    made = 0
    with tqdm(total=count, unit=" huishoudens", disable=not progress) as bar:
        while made < count:
            size = min(BATCH_SIZE, count - made)
            batch = [
                _draw(random.Random(f"{seed}:{first_index + made + i}"), addresses, today, open_share)
                for i in range(size)
            ]
            bsn_counter = _write(batch, bsn_counter, context, today)
            made += size
            bar.update(size)
    if context is not None and made:
        spending.fill_budgets(today)
    return made


def _draw(rng: random.Random, addresses, today: date, open_share: float) -> "_DrawnHousehold":
    """The household, then (from the same generator, so the household stays what it was) its case."""
    drawn = _draw_household(rng, addresses, today, open_share)
    members = [cases.Member(i, _age(m.birth_date, today)) for i, m in enumerate(drawn.members)]
    if drawn.open_file:
        return replace(drawn, case=cases.draw_case(rng, members, today, open_now=True))
    if rng.random() < PAST_FILE_SHARE:
        return replace(drawn, case=cases.draw_case(rng, members, today, open_now=False))
    return replace(drawn, advice=cases.draw_advice(rng, today))


def _addresses() -> list[_Address]:
    areas = {
        area.cbs_code: area
        for area in Area.objects.filter(kind="buurt", municipality__region__name=REGION_NAME).select_related(
            "municipality"
        )
    }
    if not areas:
        raise RuntimeError(f"Load {REGION_NAME} before generating households (stuurman demo).")
    team_of_wijk = {
        wijk.pk: team
        for team in Team.objects.filter(municipality__region__name=REGION_NAME).prefetch_related("areas")
        for wijk in team.areas.all()
    }
    addresses = []
    for spec in MUNICIPALITIES:
        wijk_index = 0
        for kern in spec.kernen:
            for wijk in kern.wijken:
                for buurt_index, buurt in enumerate(wijk.buurten):
                    area = areas[buurt_code(spec.cbs_code, wijk_index, buurt_index)]
                    team = team_of_wijk.get(area.parent_id)
                    addresses.append(
                        _Address(area.municipality, area, kern.name, buurt.postcode, buurt.streets, team)
                    )
                wijk_index += 1
    return addresses


def _generated_bsns():
    low, high = f"{GENERATED_BSN_BASE:08d}0", f"{FAMILY_BSN_BASE:08d}0"
    return Person.objects.filter(bsn__gte=low, bsn__lt=high)


def _generated_household_count() -> int:
    return Household.objects.filter(memberships__person__in=_generated_bsns()).distinct().count()


def _next_bsn_number() -> int:
    highest = _generated_bsns().aggregate(highest=Max("bsn"))["highest"]
    return GENERATED_BSN_BASE if highest is None else int(highest[:8]) + 1


# --- Drawing one household (pure: only the random generator and the date) ------------------------


@dataclass(frozen=True)
class _Member:
    role: str
    first_names: str
    prefix: str
    surname: str
    sex: str
    birth_date: date
    since: date
    phone: str


@dataclass(frozen=True)
class _DrawnHousehold:
    address: _Address
    street: str
    house_number: int
    house_letter: str
    postcode: str
    name: str
    members: tuple[_Member, ...]
    open_file: tuple[str, int] | None  # (reason, days ago) when the area's team is involved
    case: cases.CaseDraw | None = None
    advice: cases.RequestDraw | None = None


def _draw_household(
    rng: random.Random, addresses: list[_Address], today: date, open_share: float = OPEN_FILE_SHARE
) -> _DrawnHousehold:
    composition = rng.choices([c for c, _ in _COMPOSITIONS], weights=[w for _, w in _COMPOSITIONS])[0]
    members = _draw_members(rng, composition, today)
    address = rng.choice(addresses)
    head = members[0]
    return _DrawnHousehold(
        address=address,
        street=rng.choice(address.streets),
        house_number=rng.randint(1, 180),
        house_letter=rng.choice("ABC") if rng.random() < 0.08 else "",
        postcode=f"{address.postcode_number} {rng.choice(_POSTCODE_LETTERS)}",
        name=f"Huishouden {display_surname(head.prefix, head.surname)}",
        members=members,
        open_file=(
            (rng.choice(_OPEN_FILE_REASONS), rng.randint(1, 400)) if rng.random() < open_share else None
        ),
    )


def _draw_members(rng: random.Random, composition: str, today: date) -> tuple[_Member, ...]:
    if composition == "alone":
        # Living alone is most common among the young and the old.
        age = rng.choice([rng.randint(19, 35), rng.randint(36, 64), rng.randint(65, 95)])
        return (_adult(rng, "other", age, today, since_years=rng.randint(1, min(30, age - 18))),)
    if composition == "couple":
        age = rng.randint(23, 88)
        since = rng.randint(1, min(50, age - 20))
        return _couple(rng, age, since, today)
    if composition == "family":
        age = rng.randint(27, 56)
        parents = _couple(rng, age, rng.randint(3, age - 22), today)
        youngest = min(_age(parent.birth_date, today) for parent in parents)
        return parents + _children(rng, parents[0], parents[1], youngest, today)
    if composition == "single_parent":
        age = rng.randint(22, 56)
        sex = "V" if rng.random() < 0.8 else "M"
        parent = _adult(rng, "parent", age, today, since_years=rng.randint(1, age - 20), sex=sex)
        return (parent, *_children(rng, parent, parent, age, today))
    # An adult child living with an elderly parent.
    parent_age = rng.randint(75, 95)
    parent = _adult(rng, "other", parent_age, today, since_years=rng.randint(2, 40))
    child_age = rng.randint(max(19, parent_age - 45), parent_age - 20)
    child = _adult(rng, "other", child_age, today, since_years=rng.randint(1, 10), surname=parent)
    return (parent, child)


def _couple(rng, age: int, since_years: int, today: date) -> tuple[_Member, ...]:
    first = _adult(rng, "parent", age, today, since_years=since_years)
    partner_age = max(19, min(99, age + rng.randint(-6, 6)))
    other_sex = {"V": "M", "M": "V"}[first.sex] if rng.random() < 0.95 else first.sex
    # Two thirds of couples share one surname.
    shares_surname = first if rng.random() < 0.66 else None
    second = _adult(
        rng, "parent", partner_age, today, since_years=since_years, sex=other_sex, surname=shares_surname
    )
    return (first, second)


def _children(
    rng, parent: _Member, other: _Member, youngest_parent_age: int, today: date
) -> tuple[_Member, ...]:
    number = rng.choices([1, 2, 3, 4, 5], weights=[38, 42, 15, 4, 1])[0]
    children = []
    for _ in range(number):
        age = rng.randint(0, min(22, youngest_parent_age - 19))
        birth_date = _birth_date(rng, age, today)
        sex = rng.choice("VM")
        names = FEMALE_FIRST_NAMES if sex == "V" else MALE_FIRST_NAMES
        family_name = parent if rng.random() < 0.85 else other
        children.append(
            _Member(
                role="child",
                first_names=rng.choice(names),
                prefix=family_name.prefix,
                surname=family_name.surname,
                sex=sex,
                birth_date=birth_date,
                since=birth_date,
                phone=_phone(rng) if age >= 12 else "",
            )
        )
    return tuple(sorted(children, key=lambda child: child.birth_date))


def _adult(rng, role, age, today, *, since_years, sex=None, surname: _Member | None = None) -> _Member:
    sex = sex or rng.choice("VM")
    names = FEMALE_FIRST_NAMES if sex == "V" else MALE_FIRST_NAMES
    prefix, family_name = (surname.prefix, surname.surname) if surname else rng.choice(SURNAMES)
    first_names = rng.choice(names)
    if rng.random() < 0.3:
        first_names = f"{first_names} {rng.choice(names)}"
    return _Member(
        role=role,
        first_names=first_names,
        prefix=prefix,
        surname=family_name,
        sex=sex,
        birth_date=_birth_date(rng, age, today),
        since=today - timedelta(days=365 * max(1, since_years) - rng.randint(0, 300)),
        phone=_phone(rng) if rng.random() < 0.8 else "",
    )


def _birth_date(rng: random.Random, age: int, today: date) -> date:
    """A date on which someone born is ``age`` today."""
    latest = _years_before(today, age)
    earliest = _years_before(today, age + 1) + timedelta(days=1)
    return earliest + timedelta(days=rng.randint(0, (latest - earliest).days))


def _age(birth_date: date, today: date) -> int:
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def _phone(rng: random.Random) -> str:
    return f"06-{rng.randint(10_000_000, 99_999_999)}"


# --- Writing a batch ------------------------------------------------------------------------------


@transaction.atomic
def _write(batch: list[_DrawnHousehold], bsn_counter: int, context, today: date) -> int:
    """Insert one batch of households with their people and cases; return the next free BSN counter."""
    persons: list[dict] = []
    for drawn in batch:
        for member in drawn.members:
            bsn = bsn_from_number(bsn_counter)
            while bsn is None:
                bsn_counter += 1
                bsn = bsn_from_number(bsn_counter)
            bsn_counter += 1
            persons.append(_person(drawn, member, bsn))
    person_ids = copying.insert_with_ids(Person, persons)
    households = Household.objects.bulk_create(
        Household(municipality=drawn.address.municipality, name=drawn.name, area=drawn.address.area)
        for drawn in batch
    )
    people = iter(person_ids)
    memberships, items = [], []
    for household, drawn in zip(households, batch, strict=True):
        mine = [next(people) for _ in drawn.members]
        memberships += [
            {"household_id": household.pk, "person_id": person, "role": member.role, "since": member.since}
            for person, member in zip(mine, drawn.members, strict=True)
        ]
        if drawn.case or drawn.advice:
            items.append((household, mine, drawn.address.team, drawn.case, drawn.advice))
    copying.insert(Membership, memberships)
    # Cases are recorded as registered and assigned by a team lead; a bare region without one has none.
    if context is not None:
        case_rows.write(items, context, today)
    return bsn_counter


def _person(drawn: _DrawnHousehold, member: _Member, bsn: str) -> dict:
    return {
        "municipality_id": drawn.address.municipality.pk,
        "bsn": bsn,
        "first_names": member.first_names,
        "prefix": member.prefix,
        "surname": member.surname,
        "birth_date": member.birth_date,
        "sex": member.sex,
        "phone": member.phone,
        "street": drawn.street,
        "house_number": drawn.house_number,
        "house_letter": drawn.house_letter,
        "postcode": drawn.postcode,
        "city": drawn.address.city,
        "area_id": drawn.address.area.pk,
    }
