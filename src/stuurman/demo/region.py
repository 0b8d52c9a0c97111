"""Regio Voorbeeld: three made-up municipalities with kernen, wijken, buurten, streets and teams.

The names are invented so nobody mistakes demo data for a real municipality; the codes follow the CBS
format (GM9901 is not a real municipality code). Every buurt has a postcode number and street names
so generated addresses look real and pass validation.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Buurt:
    name: str
    postcode: int
    streets: tuple[str, ...]


@dataclass(frozen=True)
class Wijk:
    name: str
    buurten: tuple[Buurt, ...]


@dataclass(frozen=True)
class Kern:
    name: str
    wijken: tuple[Wijk, ...]


@dataclass(frozen=True)
class TeamSpec:
    name: str
    wijken: tuple[str, ...]  # "Kern/Wijk"


@dataclass(frozen=True)
class MunicipalitySpec:
    name: str
    cbs_code: str
    kernen: tuple[Kern, ...]
    teams: tuple[TeamSpec, ...]


REGION_NAME = "Regio Voorbeeld"

MUNICIPALITIES: tuple[MunicipalitySpec, ...] = (
    MunicipalitySpec(
        "Waalkant",
        "GM9901",
        (
            Kern(
                "Waalkant",
                (
                    Wijk(
                        "Centrum",
                        (
                            Buurt("Binnenstad", 6601, ("Markt", "Kerkstraat", "Molenstraat", "Walstraat")),
                            Buurt("Havenkwartier", 6602, ("Havenkade", "Loswal", "Schippersstraat")),
                        ),
                    ),
                    Wijk(
                        "Noord",
                        (
                            Buurt(
                                "Bloemenbuurt", 6603, ("Tulpstraat", "Rozenlaan", "Anjerstraat", "Irisweg")
                            ),
                            Buurt(
                                "Schildersbuurt", 6604, ("Rembrandtlaan", "Vermeerstraat", "Jan Steenstraat")
                            ),
                        ),
                    ),
                    Wijk(
                        "De Hoven",
                        (
                            Buurt("Hof van Waal", 6605, ("Hofstede", "Boomgaard", "Pastorieweg")),
                            Buurt("Rozenhof", 6606, ("Rozenhof", "Kloosterweg", "Bleekveld")),
                        ),
                    ),
                ),
            ),
            Kern(
                "Oosterdijk", (Wijk("Dorp Oosterdijk", (Buurt("Oosterdijk", 6615, ("Dijkweg", "Kerkpad")),)),)
            ),
            Kern("Ressen", (Wijk("Dorp Ressen", (Buurt("Ressen", 6617, ("Ressenseweg", "Bongerd")),)),)),
        ),
        (
            TeamSpec("Wijkteam Centrum-Noord", ("Waalkant/Centrum", "Waalkant/Noord")),
            TeamSpec("Wijkteam De Hoven", ("Waalkant/De Hoven",)),
            TeamSpec("Kernteam Dorpen", ("Oosterdijk/Dorp Oosterdijk", "Ressen/Dorp Ressen")),
        ),
    ),
    MunicipalitySpec(
        "Brinkerveld",
        "GM9902",
        (
            Kern(
                "Brinkerveld",
                (
                    Wijk(
                        "Centrum",
                        (Buurt("Brink", 7101, ("Brink", "Torenstraat", "Raadhuisstraat")),),
                    ),
                    Wijk(
                        "Molenwijk",
                        (
                            Buurt("Molenkamp", 7102, ("Molenkamp", "Korenstraat", "Maalderij")),
                            Buurt("Esweide", 7103, ("Esweg", "Weidelaan", "Schaapskooi")),
                        ),
                    ),
                    Wijk("Het Broek", (Buurt("Broekhuizen", 7104, ("Broekweg", "Elzenlaan", "Wilgenhof")),)),
                ),
            ),
            Kern("Zandhoek", (Wijk("Dorp Zandhoek", (Buurt("Zandhoek", 7108, ("Zandweg", "Heidepad")),)),)),
            Kern(
                "Heuvelrade",
                (Wijk("Dorp Heuvelrade", (Buurt("Heuvelrade", 7109, ("Heuvelweg", "Eikenlaan")),)),),
            ),
        ),
        (
            TeamSpec(
                "Kernteam Brinkerveld",
                ("Brinkerveld/Centrum", "Brinkerveld/Molenwijk", "Brinkerveld/Het Broek"),
            ),
            TeamSpec("Kernteam Buitengebied", ("Zandhoek/Dorp Zandhoek", "Heuvelrade/Dorp Heuvelrade")),
        ),
    ),
    MunicipalitySpec(
        "Zandmeer",
        "GM9903",
        (
            Kern(
                "Zandmeer",
                (
                    Wijk(
                        "Centrum", (Buurt("Oude Kern", 3801, ("Dorpsstraat", "Meerweg", "Stationsstraat")),)
                    ),
                    Wijk(
                        "Meerzicht",
                        (
                            Buurt("Meeroever", 3802, ("Oeverlaan", "Rietkraag", "Zeilmakerstraat")),
                            Buurt("Vogelbuurt", 3803, ("Merelstraat", "Lijsterlaan", "Reigerstraat")),
                        ),
                    ),
                    Wijk("De Akkers", (Buurt("Akkerveld", 3804, ("Akkerweg", "Graanstraat", "Hooiberg")),)),
                ),
            ),
            Kern(
                "Eikendonk", (Wijk("Dorp Eikendonk", (Buurt("Eikendonk", 3808, ("Donkerweg", "Eikenhof")),)),)
            ),
        ),
        (
            TeamSpec(
                "Sociaal team Zandmeer",
                ("Zandmeer/Centrum", "Zandmeer/Meerzicht", "Zandmeer/De Akkers", "Eikendonk/Dorp Eikendonk"),
            ),
        ),
    ),
)


def wijk_code(cbs_code: str, wijk_index: int) -> str:
    return f"WK{cbs_code[2:]}{wijk_index:02d}"


def buurt_code(cbs_code: str, wijk_index: int, buurt_index: int) -> str:
    return f"BU{cbs_code[2:]}{wijk_index:02d}{buurt_index:02d}"
