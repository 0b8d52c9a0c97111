"""Loads Regio Voorbeeld: municipalities, areas, teams, one demo user per role, the De Vries household,
and the catalogue (demo/catalogue.py)."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from stuurman.accounts.models import Role, Team, User
from stuurman.identifiers import bsn_from_number
from stuurman.people.models import Household, Membership, NetworkMember, Person
from stuurman.privacy.models import Involvement
from stuurman.tenancy.models import Area, Municipality, Region

from .budgets import load_budgets
from .catalogue import load_catalogue
from .region import MUNICIPALITIES, REGION_NAME, buurt_code, wijk_code

DEMO_PASSWORD = "demo-stuurman-2026"
DEMO_TEAM = "Wijkteam Centrum-Noord"

# username, role slug (None: inhabitant), first name, last name, organisation
DEMO_USERS: tuple[tuple[str, str | None, str, str, str], ...] = (
    ("loket", "front_door", "Fatima", "El Amrani", ""),
    ("consulent", "consultant", "Sanne", "de Boer", ""),
    ("regisseur", "coordinator", "Mehmet", "Yilmaz", ""),
    ("teamleider", "team_lead", "Petra", "van Dijk", ""),
    ("aanbieder", "provider_staff", "Kees", "Smit", "Zorggroep Rivierenland"),
    ("beleid", "policy_advisor", "Anouk", "Visser", ""),
    ("raad", "council_member", "Ingrid", "Bos", ""),
    ("privacy", "privacy_officer", "Ruud", "Jansen", ""),
    ("beheer", "functional_admin", "Lotte", "Mulder", ""),
    ("els.devries", None, "Els", "de Vries", ""),
)

# Fixed 8-digit prefixes far from the generator's range, so the named demo people keep their BSN.
FAMILY_BSN_BASE = 99_000_000


def is_loaded() -> bool:
    return Region.objects.filter(name=REGION_NAME).exists()


@transaction.atomic
def load_region(today: date) -> Region:
    region = Region.objects.create(name=REGION_NAME)
    for spec in MUNICIPALITIES:
        municipality = Municipality.objects.create(region=region, name=spec.name, cbs_code=spec.cbs_code)
        wijken = _create_areas(municipality, spec)
        for team_spec in spec.teams:
            team = Team.objects.create(municipality=municipality, name=team_spec.name)
            team.areas.set(wijken[path] for path in team_spec.wijken)
    _create_users(region)
    family = _create_de_vries(today)
    _open_de_vries_file(family, today)
    load_catalogue(region, today)
    load_budgets(region, today)
    return region


def _create_areas(municipality, spec) -> dict[str, Area]:
    wijken = {}
    wijk_index = 0
    for kern in spec.kernen:
        kern_area = Area.objects.create(municipality=municipality, kind="kern", name=kern.name)
        for wijk in kern.wijken:
            wijk_area = Area.objects.create(
                municipality=municipality,
                parent=kern_area,
                kind="wijk",
                name=wijk.name,
                cbs_code=wijk_code(spec.cbs_code, wijk_index),
            )
            wijken[f"{kern.name}/{wijk.name}"] = wijk_area
            Area.objects.bulk_create(
                Area(
                    municipality=municipality,
                    parent=wijk_area,
                    kind="buurt",
                    name=buurt.name,
                    cbs_code=buurt_code(spec.cbs_code, wijk_index, buurt_index),
                )
                for buurt_index, buurt in enumerate(wijk.buurten)
            )
            wijk_index += 1
    return wijken


def _create_users(region) -> None:
    home = region.municipalities.get(cbs_code=MUNICIPALITIES[0].cbs_code)
    # The team that serves the De Vries household, so demo staff can find it once involvement exists.
    demo_team = Team.objects.get(municipality=home, name=DEMO_TEAM)
    # The front door works as a team too: every open request always has one responsible team.
    front_door = Team.objects.create(municipality=home, name=f"Loket {home.name}")
    for username, role_slug, first_name, last_name, organisation in DEMO_USERS:
        user = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            organisation=organisation,
            email=f"{username}@voorbeeld.example",
        )
        if role_slug is None:
            user.kind = User.Kind.INHABITANT
        else:
            user.municipality = home
        user.set_password(DEMO_PASSWORD)
        user.save()
        if role_slug is not None:
            user.groups.add(Role.objects.get(slug=role_slug).group)
        if role_slug in ("consultant", "coordinator", "team_lead"):
            demo_team.members.add(user)
        elif role_slug == "front_door":
            front_door.members.add(user)


def _born(today: date, age: int, month: int, day: int) -> date:
    """A birth date that makes the person ``age`` today, so the story stays true every year."""
    birthday_this_year = date(today.year, month, day)
    years = age if birthday_this_year <= today else age + 1
    return date(today.year - years, month, day)


def _create_de_vries(today: date) -> Household:
    """The household of the regional policy note (see README: the demo region)."""
    waalkant = Municipality.objects.get(cbs_code="GM9901")
    bloemenbuurt = Area.objects.get(municipality=waalkant, name="Bloemenbuurt")
    binnenstad = Area.objects.get(municipality=waalkant, name="Binnenstad")
    home = {"street": "Tulpstraat", "house_number": 14, "postcode": "6603 KT", "city": "Waalkant"}

    def person(n, first, prefix, surname, age, month, day, sex, area, address):
        return Person.objects.create(
            municipality=waalkant,
            bsn=bsn_from_number(FAMILY_BSN_BASE + n),
            first_names=first,
            prefix=prefix,
            surname=surname,
            birth_date=_born(today, age, month, day),
            sex=sex,
            area=area,
            **address,
        )

    jan = person(1, "Jan", "de", "Vries", 55, 3, 12, "M", bloemenbuurt, home)
    els = person(2, "Els", "de", "Vries", 51, 9, 4, "V", bloemenbuurt, home)
    jeroen = person(3, "Jeroen", "de", "Vries", 19, 6, 21, "M", bloemenbuurt, home)
    wouter = person(4, "Wouter", "de", "Vries", 16, 1, 30, "M", bloemenbuurt, home)
    roos = person(5, "Roos", "de", "Vries", 14, 11, 2, "V", bloemenbuurt, home)
    riek_home = {
        "street": "Kerkstraat",
        "house_number": 3,
        "house_number_suffix": "A",
        "postcode": "6601 BE",
        "city": "Waalkant",
    }
    riek = person(6, "Riek", "", "Bakker", 82, 5, 17, "V", binnenstad, riek_home)

    family = Household.objects.create(municipality=waalkant, name="Huishouden De Vries", area=bloemenbuurt)
    since = date(today.year - 27, 5, 1)
    Membership.objects.bulk_create(
        [
            Membership(household=family, person=jan, role="parent", since=since),
            Membership(household=family, person=els, role="parent", since=since),
            Membership(household=family, person=jeroen, role="child", since=jeroen.birth_date),
            Membership(household=family, person=wouter, role="child", since=wouter.birth_date),
            Membership(household=family, person=roos, role="child", since=roos.birth_date),
        ]
    )
    alone = Household.objects.create(municipality=waalkant, name="Huishouden Bakker", area=binnenstad)
    Membership.objects.create(household=alone, person=riek, role="other", since=date(today.year - 3, 2, 1))
    _network(family, riek, roos, alone, els)
    return family


def _network(family, riek, roos, riek_home, els) -> None:
    """The circles around the De Vries household, and Els as Riek's mantelzorger."""
    municipality = family.municipality
    Relation, Circle = NetworkMember.Relation, NetworkMember.Circle
    NetworkMember.objects.bulk_create(
        [
            NetworkMember(
                municipality=municipality,
                household=family,
                person=riek,
                relation=Relation.FAMILY,
                circle=Circle.CLOSE,
                does="Oma; woont alleen, herstelt van een heupoperatie. Els zorgt 3 keer per week voor haar.",
                could_do="Een luisterend oor voor Roos, aan de telefoon.",
            ),
            NetworkMember(
                municipality=municipality,
                household=family,
                name="Kees de Vries",
                phone="06-41234567",
                relation=Relation.FAMILY,
                circle=Circle.CLOSE,
                does="Broer van Jan; helpt af en toe met klussen.",
                could_do="Jan meenemen naar zijn werk in de bouw om rond te kijken.",
                availability="zaterdag",
            ),
            NetworkMember(
                municipality=municipality,
                household=family,
                name="Marja Bakker",
                phone="06-28765432",
                relation=Relation.FAMILY,
                circle=Circle.CLOSE,
                does="Zus van Els; gaat op zondag bij hun moeder Riek langs.",
                could_do="Eén doordeweekse dag de zorg voor Riek van Els overnemen.",
                availability="dinsdag",
            ),
            NetworkMember(
                municipality=municipality,
                household=family,
                name="Ans Willems",
                relation=Relation.NEIGHBOUR,
                circle=Circle.INFORMAL,
                could_do="Op woensdagmiddag op Roos passen.",
                availability="woensdagmiddag",
            ),
            NetworkMember(
                municipality=municipality,
                household=family,
                name="Trainer VV Waalkant",
                relation=Relation.VOLUNTEER,
                circle=Circle.VOLUNTEERS,
                does="Traint Wouter twee keer per week; merkt het als hij wegblijft.",
            ),
            NetworkMember(
                municipality=municipality,
                household=family,
                for_person=roos,
                name="Begeleiders Zorggroep Rivierenland",
                relation=Relation.PROFESSIONAL,
                circle=Circle.PROFESSIONAL,
                does="Begeleiden Roos thuis en op school.",
                availability="werkdagen",
            ),
            NetworkMember(
                municipality=municipality,
                household=riek_home,
                person=els,
                relation=Relation.CARER,
                circle=Circle.CLOSE,
                does="Mantelzorger: doet drie keer per week boodschappen en schoonmaak.",
                availability="maandag, woensdag, vrijdag",
            ),
        ]
    )


def _open_de_vries_file(family: Household, today: date) -> None:
    """The demo team is involved with the De Vries household, so demo staff can open its file."""
    team = Team.objects.get(municipality=family.municipality, name=DEMO_TEAM)
    Involvement.objects.create(
        municipality=family.municipality,
        household=family,
        team=team,
        source=Involvement.Source.TEAM_LEAD,
        reason="Melding van de huisarts: zorgen over de draagkracht van Els",
        since=timezone.make_aware(datetime.combine(today - timedelta(days=21), time(10))),
        created_by=User.objects.get(username="teamleider"),
    )
