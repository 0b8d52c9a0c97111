"""The demo region's catalogue: local initiatives per kern, general provisions, tailored Wmo and youth
products with their iWmo/iJw categories, a handful of providers and their contracts; and a generator of
many more entries for the social-map benchmark. Every name, phone number and AGB code is invented."""

import random
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from stuurman.catalog import services
from stuurman.catalog.models import Contract, Provider, Service
from stuurman.catalog.rules import tier_of
from stuurman.tenancy.models import Area, Municipality, Region

LOCAL, GENERAL, TAILORED, SPECIALIST = (kind.value for kind in Service.Kind)


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    kind: str
    summary: str
    domains: tuple[str, ...]
    where: str = ""  # "Municipality/Area" (kern, wijk); empty: the whole municipality or region
    law: str = ""
    category: str = ""
    product: str = ""
    organisation: str = ""
    hours: str = ""
    cost: str = ""
    description: str = ""
    for_whom: str = ""
    conditions: str = ""


LOCAL_INITIATIVES = (
    Entry(
        "KOFFIE-NOORD",
        "Koffieochtend De Ontmoeting",
        LOCAL,
        "Elke woensdag koffie en een praatje in het buurthuis: tegen eenzaamheid, voor wie er eens uit wil.",
        ("network", "time"),
        "Waalkant/Noord",
        organisation="Buurthuis De Tulp (vrijwilligers)",
        hours="woensdag 10.00-12.00 uur",
        cost="gratis; koffie en thee voor € 0,50",
        description="Vrijwilligers zetten koffie en schuiven aan. U hoeft zich niet aan te melden.",
        for_whom="Iedereen uit de wijk die zich alleen voelt of nieuwe mensen wil leren kennen.",
    ),
    Entry(
        "REPAIR-CENTRUM",
        "Repair Café Waalkant",
        LOCAL,
        "Samen kapotte spullen repareren, met hulp van handige buurtgenoten.",
        ("time", "participation"),
        "Waalkant/Centrum",
        organisation="Stichting Repair Café Waalkant",
        hours="eerste zaterdag van de maand 13.00-16.00 uur",
        cost="gratis, een vrijwillige bijdrage mag",
    ),
    Entry(
        "MAATJE-WAALKANT",
        "Maatjesproject Samen op Pad",
        LOCAL,
        "Een vrijwillig maatje om samen te wandelen, te winkelen of een kop koffie te drinken.",
        ("network", "mental"),
        "Waalkant/Waalkant",
        organisation="Welzijn Waalkant",
        hours="op afspraak",
        cost="gratis",
        for_whom="Volwassenen die weinig contacten hebben.",
    ),
    Entry(
        "MOESTUIN-HOVEN",
        "Buurtmoestuin De Hoven",
        LOCAL,
        "Samen tuinieren en oogsten in de buurtmoestuin achter de Pastorieweg.",
        ("time", "network"),
        "Waalkant/De Hoven",
        organisation="Bewonersgroep De Hoven",
        hours="dinsdag en zaterdag vanaf 9.00 uur",
        cost="gratis",
    ),
    Entry(
        "ETEN-OOSTERDIJK",
        "Samen eten in het dorpshuis",
        LOCAL,
        "Iedere donderdag een warme maaltijd met dorpsgenoten in Dorpshuis Oosterdijk.",
        ("network", "basic_adl"),
        "Waalkant/Oosterdijk",
        organisation="Dorpshuis Oosterdijk",
        hours="donderdag 17.30 uur, aanmelden tot dinsdag",
        cost="€ 7,50 per maaltijd",
    ),
    Entry(
        "VERVOER-RESSEN",
        "Vrijwillige vervoersdienst Ressen",
        LOCAL,
        "Vrijwilligers rijden u naar de huisarts, het ziekenhuis of de winkel.",
        ("physical", "participation"),
        "Waalkant/Ressen",
        organisation="Ressen Rijdt",
        hours="werkdagen, twee dagen van tevoren bellen",
        cost="€ 0,35 per kilometer",
    ),
    Entry(
        "TAAL-BRINK",
        "Taalcafé Brinkerveld",
        LOCAL,
        "Nederlands oefenen in een ontspannen sfeer, met vrijwillige taalmaatjes.",
        ("participation", "work"),
        "Brinkerveld/Brinkerveld",
        organisation="Bibliotheek Brinkerveld",
        hours="maandag 19.00-20.30 uur",
        cost="gratis",
    ),
    Entry(
        "BUREN-ZANDHOEK",
        "Zandhoek Helpt",
        LOCAL,
        "Burenhulp: een klusje, een boodschap of een oppas als het even niet lukt.",
        ("network", "instrumental_adl"),
        "Brinkerveld/Zandhoek",
        organisation="Vereniging Zandhoek Helpt",
        hours="bel of mail wanneer u wilt",
        cost="gratis",
    ),
    Entry(
        "WANDEL-HEUVELRADE",
        "Wandelgroep Heuvelrade",
        LOCAL,
        "Elke vrijdagochtend een uur wandelen door de bossen, in een rustig tempo.",
        ("physical", "network"),
        "Brinkerveld/Heuvelrade",
        organisation="Wandelgroep Heuvelrade",
        hours="vrijdag 10.00 uur bij de kerk",
        cost="gratis",
    ),
    Entry(
        "SPEEL-ZANDMEER",
        "Speel-o-theek Zandmeer",
        LOCAL,
        "Speelgoed lenen en andere ouders ontmoeten.",
        ("relations", "network"),
        "Zandmeer/Zandmeer",
        organisation="Speel-o-theek Zandmeer",
        hours="woensdagmiddag en zaterdagochtend",
        cost="€ 10 per jaar",
    ),
    Entry(
        "SOOS-EIKENDONK",
        "Eikendonk Ontmoet",
        LOCAL,
        "Soos voor ouderen: kaarten, bingo en een praatje tegen eenzaamheid.",
        ("network", "time"),
        "Zandmeer/Eikendonk",
        organisation="Seniorenvereniging Eikendonk",
        hours="dinsdagmiddag 14.00-16.30 uur",
        cost="€ 2 per middag",
    ),
)

GENERAL_PROVISIONS = (
    Entry(
        "AV-BOODSCHAP",
        "Boodschappendienst",
        GENERAL,
        "Uw boodschappen thuisbezorgd als u zelf niet naar de winkel kunt.",
        ("instrumental_adl",),
        law="wmo",
        organisation="Welzijn Regio Voorbeeld",
        hours="bestellen op maandag en donderdag",
        cost="€ 3,50 per bezorging",
        for_whom="Inwoners die tijdelijk of blijvend niet zelf boodschappen kunnen doen.",
    ),
    Entry(
        "AV-MAALTIJD",
        "Maaltijdservice",
        GENERAL,
        "Een warme of gekoelde maaltijd aan huis, ook met een dieet.",
        ("basic_adl", "physical"),
        law="wmo",
        organisation="Welzijn Regio Voorbeeld",
        hours="elke dag bezorgd tussen 11.00 en 13.00 uur",
        cost="€ 8,25 per maaltijd",
    ),
    Entry(
        "AV-MANTELZORG",
        "Mantelzorgsteunpunt",
        GENERAL,
        "Advies, lotgenotencontact en respijtzorg voor wie zorgt voor een naaste.",
        ("relations", "mental", "network"),
        law="wmo",
        organisation="Steunpunt Mantelzorg Regio Voorbeeld",
        hours="werkdagen 9.00-17.00 uur",
        cost="gratis",
        description="Even op adem komen: een vrijwilliger neemt de zorg een dagdeel over, of u praat met "
        "andere mantelzorgers.",
    ),
    Entry(
        "AV-GELDZAKEN",
        "Inloopspreekuur geldzaken en schulden",
        GENERAL,
        "Zonder afspraak langs met vragen over rekeningen, toeslagen of schulden.",
        ("finances",),
        law="debt",
        organisation="Schuldhulp Regio Voorbeeld",
        hours="dinsdag en donderdag 9.00-12.00 uur in het gemeentehuis",
        cost="gratis",
        for_whom="Iedereen met geldzorgen, ook als u nog geen schulden heeft.",
    ),
    Entry(
        "AV-OPVOED",
        "Opvoedsteunpunt",
        GENERAL,
        "Vragen over opvoeden en opgroeien, met een pedagoog die met u meedenkt.",
        ("relations",),
        law="jeugdwet",
        organisation="Centrum voor Jeugd en Gezin",
        hours="werkdagen, telefonisch of op afspraak",
        cost="gratis",
    ),
    Entry(
        "AV-JONGEREN",
        "Jongerenwerk",
        GENERAL,
        "Jongerenwerkers in de wijk voor jongeren van 12 tot 23 jaar.",
        ("time", "participation", "work"),
        law="jeugdwet",
        organisation="Jongerenwerk Regio Voorbeeld",
        hours="inloop dinsdag tot en met vrijdag vanaf 15.00 uur",
        cost="gratis",
    ),
)

TAILORED_PRODUCTS = (
    Entry(
        "WMO-HH",
        "Hulp bij het huishouden",
        TAILORED,
        "Hulp bij schoonmaken en het huishouden als u dat zelf niet kunt.",
        ("instrumental_adl", "housing"),
        law="wmo",
        category="01",
        product="01A01",
        cost="eigen bijdrage (abonnementstarief) € 21,80 per maand",
        conditions="Na een gesprek met de gemeente en een beschikking.",
    ),
    Entry(
        "WMO-BEG-IND",
        "Begeleiding individueel",
        TAILORED,
        "Een begeleider helpt u thuis met structuur, administratie en regie over uw dag.",
        ("mental", "finances", "instrumental_adl"),
        law="wmo",
        category="02",
        product="02A01",
        cost="eigen bijdrage (abonnementstarief) € 21,80 per maand",
    ),
    Entry(
        "WMO-DAG",
        "Dagbesteding",
        TAILORED,
        "Een zinvolle dag in een groep, met begeleiding.",
        ("time", "participation"),
        law="wmo",
        category="07",
        product="07A01",
        cost="eigen bijdrage (abonnementstarief) € 21,80 per maand",
    ),
    Entry(
        "WMO-PV",
        "Persoonlijke verzorging (Wmo)",
        TAILORED,
        "Hulp bij wassen en aankleden, als dat niet onder de Zorgverzekeringswet valt.",
        ("basic_adl",),
        law="wmo",
        category="03",
        product="03A01",
    ),
    Entry(
        "WMO-KV",
        "Kortdurend verblijf",
        TAILORED,
        "Logeren in een zorginstelling zodat uw mantelzorger even op adem kan komen.",
        ("relations", "basic_adl"),
        law="wmo",
        category="04",
        product="04A01",
    ),
    Entry(
        "WMO-WOON",
        "Woningaanpassing",
        TAILORED,
        "Een traplift, drempelhulp of aangepaste badkamer.",
        ("housing", "physical"),
        law="wmo",
        category="13",
        product="13A01",
    ),
    Entry(
        "PW-WERKFIT",
        "Traject Werkfit",
        TAILORED,
        "Een traject naar werk, met een jobcoach en een werkervaringsplek.",
        ("work", "participation"),
        law="participatiewet",
    ),
    Entry(
        "SHV-TRAJECT",
        "Schuldhulpverlening",
        TAILORED,
        "Een schuldregeling: met uw schuldeisers afspraken maken over terugbetalen.",
        ("finances",),
        law="debt",
    ),
    Entry(
        "JW-AMB",
        "Jeugdhulp ambulant",
        TAILORED,
        "Een jeugdhulpverlener komt thuis of op school, voor het kind en het gezin.",
        ("relations", "mental"),
        law="jeugdwet",
        category="45",
        product="45A01",
    ),
    Entry(
        "JW-GGZ",
        "Jeugd-ggz",
        SPECIALIST,
        "Behandeling bij psychische problemen van kinderen en jongeren.",
        ("mental",),
        law="jeugdwet",
        category="54",
        product="54001",
        conditions="Met een verwijzing van de huisarts, de jeugdarts of het wijkteam.",
    ),
    Entry(
        "JW-VERBLIJF",
        "Jeugdhulp met verblijf",
        SPECIALIST,
        "Wonen in een leefgroep of pleeggezin als thuis wonen even niet gaat.",
        ("housing", "relations"),
        law="jeugdwet",
        category="43",
        product="43A01",
    ),
    Entry(
        "WMO-BW",
        "Beschermd wonen",
        SPECIALIST,
        "Wonen met toezicht en begeleiding bij ernstige psychische problemen.",
        ("housing", "mental"),
        law="wmo",
        category="15",
        product="15A01",
    ),
)

# name, AGB code, KvK number, phone
PROVIDERS = (
    ("Zorggroep Rivierenland", "75000101", "41230001", "0344-700100"),
    ("Thuishulp Waal en Maas", "75000202", "41230002", "0344-700200"),
    ("Dagbesteding De Boomgaard", "75000303", "41230003", "0344-700300"),
    ("Jeugdhulp Oost", "75000404", "41230004", "0344-700400"),
    ("Kindkracht GGZ", "75000505", "", "0344-700500"),
)

# provider AGB, service code, financing form, unit, tariff
CONTRACTS = (
    ("75000101", "WMO-HH", "outputgericht", "82", "412.00"),
    ("75000202", "WMO-HH", "inspanningsgericht", "04", "34.50"),
    ("75000101", "WMO-BEG-IND", "inspanningsgericht", "04", "62.10"),
    ("75000303", "WMO-BEG-IND", "inspanningsgericht", "04", "58.75"),
    ("75000303", "WMO-DAG", "inspanningsgericht", "16", "48.20"),
    ("75000101", "WMO-PV", "inspanningsgericht", "04", "55.00"),
    ("75000404", "JW-AMB", "inspanningsgericht", "04", "78.40"),
    ("75000505", "JW-GGZ", "outputgericht", "83", "1.00"),
    ("75000404", "JW-VERBLIJF", "inspanningsgericht", "14", "210.00"),
)


def _area(region: Region, where: str) -> Area:
    municipality_name, area_name = where.split("/")
    return (
        Area.objects.filter(
            municipality__region=region,
            municipality__name=municipality_name,
            name=area_name,
            kind__in=["kern", "wijk"],
        )
        .order_by("kind")
        .first()
    )


def _service(municipality, entry: Entry, *, shared: bool, areas, end_date=None) -> Service:
    service = Service(
        municipality=municipality,
        shared_with_region=shared,
        code=entry.code,
        name=entry.name,
        kind=entry.kind,
        law=entry.law,
        life_domains=list(entry.domains),
        summary=entry.summary,
        description=entry.description,
        for_whom=entry.for_whom,
        conditions=entry.conditions,
        organisation=entry.organisation,
        phone="0344-700000",
        email=f"{entry.code.lower()}@voorbeeld.example",
        opening_hours=entry.hours,
        inhabitant_cost=entry.cost,
        product_category=entry.category,
        product_code=entry.product,
        end_date=end_date,
    )
    return services.save_service(None, service, areas)


@transaction.atomic
def load_catalogue(region: Region, today: date) -> None:
    """Regional provisions and contracts kept by the first municipality; initiatives local to each."""
    centre = Municipality.objects.filter(region=region).order_by("cbs_code").first()
    for entry in LOCAL_INITIATIVES:
        area = _area(region, entry.where)
        _service(area.municipality, entry, shared=False, areas=[area])
    for entry in GENERAL_PROVISIONS + TAILORED_PRODUCTS:
        _service(centre, entry, shared=True, areas=[])
    # A retired entry: history stays, the social map no longer shows it.
    _service(
        centre,
        Entry(
            "BELCIRKEL",
            "Belcirkel Waalkant",
            LOCAL,
            "Elke ochtend een telefoontje van een vrijwilliger.",
            ("network",),
        ),
        shared=False,
        areas=[],
        end_date=date(today.year - 1, 12, 31),
    )
    providers = {}
    for name, agb, kvk, phone in PROVIDERS:
        provider = Provider(
            municipality=centre,
            shared_with_region=True,
            name=name,
            agb_code=agb,
            kvk_number=kvk,
            phone=phone,
            email=f"info@{name.split()[0].lower()}.voorbeeld.example",
        )
        providers[agb] = services.save_provider(None, provider)
    starts, ends = date(today.year - 1, 1, 1), date(today.year + 2, 12, 31)
    for agb, code, form, unit, tariff in CONTRACTS:
        contract = Contract(
            municipality=centre,
            shared_with_region=True,
            provider=providers[agb],
            service=Service.objects.get(municipality=centre, code=code),
            reference=f"RV-{today.year - 1}-{code}",
            financing_form=form,
            unit=unit,
            tariff=tariff,
            starts_on=starts,
            ends_on=ends,
        )
        services.save_contract(None, contract)


_TOPICS = (
    ("Ontmoeting", "ontmoeten, gezelligheid en minder eenzaamheid", ("network", "time")),
    ("Schuldhulp", "geldzaken, rekeningen en schulden op orde", ("finances",)),
    ("Mantelzorg", "steun en respijt voor mantelzorgers", ("relations", "mental")),
    ("Bewegen", "wandelen, fietsen en gezond blijven", ("physical",)),
    ("Taal", "Nederlands leren en oefenen", ("participation", "work")),
    ("Opvoeden", "opvoeden en opgroeien", ("relations",)),
    ("Klussen", "klussen in en om het huis", ("housing", "instrumental_adl")),
    ("Vervoer", "vervoer naar huisarts en winkel", ("physical", "participation")),
)
_KIND_WEIGHTS = ((LOCAL, 5), (GENERAL, 3), (TAILORED, 2), (SPECIALIST, 1))


def generate_catalogue(count: int, *, seed: int = 6) -> int:
    """``count`` more social-map entries spread over the region's kernen and wijken (for benchmarks)."""
    rng = random.Random(seed)
    areas = list(Area.objects.filter(kind__in=["kern", "wijk", "buurt"]).select_related("municipality"))
    if not areas:
        raise RuntimeError("Load the demo region before generating catalogue entries (stuurman demo).")
    kinds = [kind for kind, weight in _KIND_WEIGHTS for _ in range(weight)]
    start = Service.objects.filter(code__startswith="GEN-").count()
    made = 0
    while made < count:
        batch, places = [], []
        for i in range(min(1000, count - made)):
            title, about, domains = rng.choice(_TOPICS)
            area = rng.choice(areas)
            number = start + made + i
            batch.append(
                Service(
                    municipality=area.municipality,
                    code=f"GEN-{number:06d}",
                    kind=(kind := rng.choice(kinds)),
                    tier=int(tier_of(kind)),
                    name=f"{title} {area.name} {number}",
                    summary=f"Activiteit rond {about} in {area.name}.",
                    description=f"Voor inwoners van {area.name} die hulp zoeken bij {about}.",
                    life_domains=list(domains),
                    shared_with_region=rng.random() < 0.1,
                    organisation=f"Stichting {title} {area.municipality.name}",
                    opening_hours="op afspraak",
                    inhabitant_cost="gratis",
                    phone="0344-700000",
                )
            )
            places.append(None if rng.random() < 0.2 else area)
        with transaction.atomic():
            created = Service.objects.bulk_create(batch)
            Service.areas.through.objects.bulk_create(
                Service.areas.through(service_id=service.pk, area_id=area.pk)
                for service, area in zip(created, places, strict=True)
                if area is not None
            )
        made += len(batch)
    return made
