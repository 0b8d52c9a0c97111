"""What each role's home page shows. Data, keyed by role slug, so a new role needs no new view.

Sections describe work that later capabilities fill; until then each shows its empty state.
"""

from dataclasses import dataclass, field

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _


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


_NO_REQUESTS = _("Er staan nog geen meldingen klaar.")

HOMES: dict[str, Home] = {
    "front_door": Home(
        _("Loket"),
        _("Registreer een melding uit elk kanaal en doe de eerste vraagverheldering."),
        (
            Section(
                _("Nieuwe melding"),
                _("Balie, telefoon, post, e-mail of een signaal van een professional."),
                _("Het registreren van meldingen komt in een volgende versie."),
            ),
            Section(
                _("Door mij geregistreerd"),
                _("Meldingen die u heeft aangenomen, met hun termijnen."),
                _NO_REQUESTS,
            ),
            Section(
                _("Is iemand al bekend?"),
                _("Voorkom dubbele registraties: u ziet alleen óf iemand bekend is, niet het dossier."),
                "",
                url=reverse_lazy("files:known_check"),
                link_text=_("Nagaan of iemand bekend is"),
            ),
        ),
    ),
    "consultant": Home(
        _("Consulent"),
        _("Uw gesprekken, huishoudens en plannen."),
        (
            Section(
                _("Huishoudens"),
                _("Personen en huishoudens waarbij u of uw team betrokken bent."),
                "",
                url=reverse_lazy("files:search"),
                link_text=_("Persoon zoeken"),
            ),
            Section(
                _("Werkvoorraad"),
                _("Meldingen voor uw team, gesorteerd op de eerstvolgende termijn."),
                _NO_REQUESTS,
            ),
            Section(
                _("Gesprekken"),
                _("Keukentafelgesprekken die gepland of nog niet afgerond zijn."),
                _("U heeft nog geen gesprekken gepland."),
            ),
            Section(
                _("Dashboard van het team"),
                _("Werkvoorraad, termijnen, evaluaties en signalen van uw team in getallen."),
                "",
                url=reverse_lazy("monitoring:team"),
                link_text=_("Naar het dashboard"),
            ),
        ),
    ),
    "coordinator": Home(
        _("Regisseur"),
        _("De huishoudens waarvan u het plan regisseert."),
        (
            Section(
                _("Huishoudens"),
                _("Personen en huishoudens waarbij u of uw team betrokken bent."),
                "",
                url=reverse_lazy("files:search"),
                link_text=_("Persoon zoeken"),
            ),
            Section(
                _("Mijn plannen"),
                _("Eén huishouden, één plan, één regisseur: uw plannen met hun evaluatie en open signalen."),
                "",
                url=reverse_lazy("plans:mine"),
                link_text=_("Naar mijn plannen"),
            ),
            Section(
                _("Evaluaties"),
                _("Signalen en evaluaties die binnenkort of te laat zijn, voor uw team."),
                "",
                url=reverse_lazy("plans:follow_up"),
                link_text=_("Naar de opvolglijst"),
            ),
        ),
    ),
    "team_lead": Home(
        _("Teamleider"),
        _("Overzicht van de regie in uw team."),
        (
            Section(
                _("Werkverdeling"),
                _("Caseload per regisseur, huishoudens zonder regisseur, late evaluaties en escalaties."),
                "",
                url=reverse_lazy("monitoring:oversight"),
                link_text=_("Naar het regie-overzicht"),
            ),
            Section(
                _("Overdrachten"),
                _("Warme overdrachten die nog op acceptatie wachten."),
                _("Er wachten geen overdrachten."),
            ),
            Section(
                _("Huishoudens van het team"),
                _("Wijs huishoudens toe aan uw team, zodat het dossier open gaat, en beëindig dat weer."),
                "",
                url=reverse_lazy("privacy:team"),
                link_text=_("Naar de teampagina"),
            ),
        ),
    ),
    "provider_staff": Home(
        _("Aanbieder"),
        _("Toewijzingen voor uw organisatie en wat u daarvoor moet weten."),
        (
            Section(
                _("Toewijzingen"),
                _("Opdrachten van de gemeente, met start- en stopberichten."),
                _("Uw organisatie heeft nog geen toewijzingen."),
            ),
        ),
    ),
    "policy_advisor": Home(
        _("Beleid"),
        _("Resultaten, bereik, wachttijden en kosten per gebied, zonder personen."),
        (
            Section(
                _("Monitor"),
                _("Indicatoren per gemeente, gebied en periode; kleine aantallen verborgen."),
                "",
                url=reverse_lazy("monitoring:indicators"),
                link_text=_("Naar de monitor"),
            ),
        ),
    ),
    "council_member": Home(
        _("Raad"),
        _("Hoe het sociaal domein ervoor staat: bereik, resultaten, termijnen en kosten, zonder personen."),
        (
            Section(
                _("Monitor"),
                _("Indicatoren per gemeente, gebied en periode; kleine aantallen verborgen."),
                "",
                url=reverse_lazy("monitoring:indicators"),
                link_text=_("Naar de monitor"),
            ),
        ),
    ),
    "privacy_officer": Home(
        _("Privacy"),
        _("Toezicht op de toegang tot dossiers."),
        (
            Section(
                _("Toegangslog"),
                _("Wie zag wat, wanneer en waarom."),
                "",
                url=reverse_lazy("privacy:log"),
                link_text=_("Het toegangslog doorzoeken"),
            ),
            Section(
                _("Noodtoegang"),
                _("Doorbraken van het glas die op uw oordeel wachten."),
                "",
                url=reverse_lazy("privacy:emergency_queue"),
                link_text=_("Noodtoegang beoordelen"),
            ),
        ),
    ),
    "functional_admin": Home(
        _("Functioneel beheer"),
        _("Gemeenten, gebieden, teams en het aanbod inrichten."),
        (
            Section(
                _("Gebieden en teams"),
                _("Kernen, wijken en buurten, en welke teams ze bedienen."),
                "",
                url=reverse_lazy("configuration:index"),
                link_text=_("Gebieden en teams beheren"),
            ),
            Section(
                _("Aanbod"),
                _("De sociale kaart en de voorzieningen van de regio."),
                "",
                url=reverse_lazy("catalog:manage_services"),
                link_text=_("Het aanbod beheren"),
            ),
            Section(
                _("Budgetten"),
                _("Wat de gemeente per wet per jaar begroot, en de norm per huishouden."),
                "",
                url=reverse_lazy("plans:budgets"),
                link_text=_("Budgetten beheren"),
            ),
        ),
    ),
    "inhabitant": Home(
        _("Mijn Stuurman"),
        _("Vraag om hulp, vind hulp in de buurt en bekijk uw eigen plan."),
        (
            Section(_("Mijn plan"), _("Uw doelen en afspraken."), _("U heeft nog geen plan.")),
            Section(
                _("Hulp in de buurt"),
                _("Activiteiten, vrijwilligers en voorzieningen bij u in de buurt."),
                "",
                url=reverse_lazy("catalog:social_map"),
                link_text=_("Naar de sociale kaart"),
            ),
            Section(
                _("Wie bekeek mijn gegevens"),
                _("Wanneer en waarom uw dossier is ingezien."),
                _("Er is nog niets om te tonen."),
            ),
        ),
    ),
}

NO_ROLE = Home(
    _("Welkom"),
    _("U heeft nog geen rol. Vraag de functioneel beheerder van uw gemeente om u een rol te geven."),
)


def home_for(user) -> tuple[str, Home]:
    if user.is_inhabitant:
        return "inhabitant", HOMES["inhabitant"]
    role = user.primary_role
    if role is None or role.slug not in HOMES:
        return "none", NO_ROLE
    return role.slug, HOMES[role.slug]
