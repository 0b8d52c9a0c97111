"""What each role's home page shows. Data, keyed by role slug, so a new role needs no new view.

Sections describe work that later capabilities fill; until then each shows its empty state.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    title: str
    text: str
    empty_state: str
    url: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class Home:
    title: str
    lead: str
    sections: tuple[Section, ...] = field(default_factory=tuple)


_NO_REQUESTS = "Er staan nog geen meldingen klaar."

HOMES: dict[str, Home] = {
    "front_door": Home(
        "Loket",
        "Registreer een melding uit elk kanaal en doe de eerste vraagverheldering.",
        (
            Section(
                "Nieuwe melding",
                "Balie, telefoon, post, e-mail of een signaal van een professional.",
                "Het registreren van meldingen komt in een volgende versie.",
            ),
            Section(
                "Door mij geregistreerd", "Meldingen die u heeft aangenomen, met hun termijnen.", _NO_REQUESTS
            ),
        ),
    ),
    "consultant": Home(
        "Consulent",
        "Uw gesprekken, huishoudens en plannen.",
        (
            Section(
                "Werkvoorraad",
                "Meldingen voor uw team, gesorteerd op de eerstvolgende termijn.",
                _NO_REQUESTS,
            ),
            Section(
                "Gesprekken",
                "Keukentafelgesprekken die gepland of nog niet afgerond zijn.",
                "U heeft nog geen gesprekken gepland.",
            ),
        ),
    ),
    "coordinator": Home(
        "Regisseur",
        "De huishoudens waarvan u het plan regisseert.",
        (
            Section(
                "Mijn plannen", "Eén huishouden, één plan, één regisseur.", "U regisseert nog geen plannen."
            ),
            Section(
                "Evaluaties",
                "Plannen waarvan de evaluatie binnenkort of te laat is.",
                "Er zijn geen evaluaties gepland.",
            ),
        ),
    ),
    "team_lead": Home(
        "Teamleider",
        "Overzicht van de regie in uw team.",
        (
            Section(
                "Werkverdeling",
                "Caseload per regisseur en huishoudens zonder regisseur.",
                "Er zijn nog geen huishoudens aan uw team toegewezen.",
            ),
            Section(
                "Overdrachten",
                "Warme overdrachten die nog op acceptatie wachten.",
                "Er wachten geen overdrachten.",
            ),
        ),
    ),
    "provider_staff": Home(
        "Aanbieder",
        "Toewijzingen voor uw organisatie en wat u daarvoor moet weten.",
        (
            Section(
                "Toewijzingen",
                "Opdrachten van de gemeente, met start- en stopberichten.",
                "Uw organisatie heeft nog geen toewijzingen.",
            ),
        ),
    ),
    "policy_advisor": Home(
        "Beleid",
        "Resultaten, bereik, wachttijden en kosten per gebied, zonder personen.",
        (
            Section(
                "Dashboard",
                "Indicatoren per gemeente, gebied en periode; kleine aantallen verborgen.",
                "Er zijn nog geen gegevens om te tonen.",
            ),
        ),
    ),
    "privacy_officer": Home(
        "Privacy",
        "Toezicht op de toegang tot dossiers.",
        (
            Section("Toegangslog", "Wie zag wat, wanneer en waarom.", "Het toegangslog is nog leeg."),
            Section(
                "Noodtoegang",
                "Doorbraken van het glas die op uw oordeel wachten.",
                "Er wacht geen noodtoegang op beoordeling.",
            ),
        ),
    ),
    "functional_admin": Home(
        "Functioneel beheer",
        "Gemeenten, gebieden, teams en het aanbod inrichten.",
        (
            Section(
                "Gebieden en teams",
                "Kernen, wijken en buurten, en welke teams ze bedienen.",
                "Het beheren van gebieden en teams via deze pagina komt in een volgende versie.",
            ),
            Section(
                "Aanbod",
                "De sociale kaart en de voorzieningen van de regio.",
                "Er staat nog geen aanbod in de catalogus.",
            ),
        ),
    ),
    "inhabitant": Home(
        "Mijn Stuurman",
        "Vraag om hulp, vind hulp in de buurt en bekijk uw eigen plan.",
        (
            Section("Mijn plan", "Uw doelen en afspraken.", "U heeft nog geen plan."),
            Section(
                "Wie bekeek mijn gegevens",
                "Wanneer en waarom uw dossier is ingezien.",
                "Er is nog niets om te tonen.",
            ),
        ),
    ),
}

NO_ROLE = Home(
    "Welkom",
    "U heeft nog geen rol. Vraag de functioneel beheerder van uw gemeente om u een rol te geven.",
)


def home_for(user) -> tuple[str, Home]:
    if user.is_inhabitant:
        return "inhabitant", HOMES["inhabitant"]
    role = user.primary_role
    if role is None or role.slug not in HOMES:
        return "none", NO_ROLE
    return role.slug, HOMES[role.slug]
