"""The De Vries plan in the browser: the coordinator starts it three months back from the household page;
goals for Jan (work), Wouter (school), Roos (day activities) and Els (respite as a carer); contributions
on five tiers, of which the tailored one is refused without the lower tiers and accepted with them; Els
agrees and the plan's PDF is read; the review, due today, scores Jan's work lower and the signal shows
on the team's follow-up list, where a colleague picks it up. axe on every plan page on the way."""

import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from stuurman.assessment import scoring
from stuurman.assessment.models import Conversation, InstrumentVersion
from stuurman.people.models import Household
from stuurman.plans.models import Contribution, FollowUpSignal, Plan
from stuurman.plans.reviews import add_months

from ..plans.factories import http_as
from .accessibility import assert_no_axe_violations
from .test_login_and_homes import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOALS = [
    ("Jan de Vries", "Werk en opleiding", "Ik wil weer aan het werk, het liefst in de bouw."),
    ("Wouter de Vries", "Werk en opleiding", "Ik wil mijn diploma halen en niet meer spijbelen."),
    ("Roos de Vries", "Tijdsbesteding", "Ik wil na school iets leuks doen met andere kinderen."),
    (
        "Els de Vries",
        "Geestelijke gezondheid",
        "Ik wil één dag in de week voor mezelf, zonder zorgen om mama.",
    ),
]
LOWER_TIERS = [
    ("De persoon zelf", "Jan solliciteert al, maar houdt het overzicht niet vast."),
    ("Huishouden en naaste familie", "Els draagt de zorg voor Riek al; meer kan zij niet."),
    ("Informeel netwerk", "Kees helpt op zaterdag, doordeweeks werkt hij."),
    ("Georganiseerde vrijwilligers", "Het maatjesproject helpt niet bij werk en administratie."),
    ("Algemene voorziening", "De inloop geldzaken is te kort voor een traject naar werk."),
]


def three_months_ago():
    return add_months(timezone.localdate(), -3)


def an_earlier_assessment(household, on):
    """The kitchen-table conversation the plan builds on: Jan's work scored 3."""
    http = http_as("consulent")
    conversation = Conversation.objects.create(
        municipality=household.municipality, household=household, held_on=on, recorded_by=http.user
    )
    zrm = InstrumentVersion.objects.get(instrument="zrm", version="2017")
    jan = household.members.get(first_names="Jan")
    scoring.record(http, conversation, jan, zrm, [scoring.Choice("work", 3, "Baan verloren")])


def add_goal(page, person, domain, wording):
    page.get_by_role("link", name="Doel toevoegen").click()
    page.get_by_label("Voor wie").select_option(label=person)
    page.get_by_label("Leefgebied").select_option(label=domain)
    page.get_by_label("Het doel").fill(wording)
    page.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_text(f"Het doel van {person.split()[0]} is vastgelegd")).to_be_visible()


def add_contribution(page, tier, fields, goal=None):
    page.get_by_role("link", name="Inzet toevoegen").click()
    page.get_by_role("link", name=tier, exact=True).click()
    if goal:
        page.get_by_label("Voor welk doel (niet verplicht)").select_option(label=goal)
    for label, value in fields.items():
        field = page.get_by_label(re.compile(rf"^{label}( \(niet verplicht\))?$"))
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    page.get_by_role("button", name="Inzet opslaan").click()


def test_the_de_vries_plan_from_start_to_the_signal_on_the_follow_up_list(live_server, page, demo_region):
    household = Household.objects.get(name="Huishouden De Vries")
    start = three_months_ago()
    an_earlier_assessment(household, start)

    log_in(page, live_server.url, "regisseur")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Zoeken").click()
    page.get_by_label("Achternaam (begin)").fill("vries")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Jan de Vries").click()
    page.get_by_role("link", name="Plan van het huishouden").click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Plan opstellen").click()
    expect(page.get_by_label("Regisseur")).to_have_value(str(http_as("regisseur").user.pk))
    page.get_by_label("Start van het plan").fill(start.isoformat())
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Plan opstellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van Huishouden De Vries")
    due = add_months(start, 3)
    expect(page.get_by_text(f"{due:%d-%m-%Y} (3 maanden na de start)").first).to_be_visible()
    assert_no_axe_violations(page)

    for person, domain, wording in GOALS:
        add_goal(page, person, domain, wording)
    expect(page.get_by_role("blockquote").filter(has_text=GOALS[3][2])).to_be_visible()
    expect(page.get_by_text("In de eigen woorden van Els de Vries.")).to_be_visible()
    page.get_by_role("link", name="Doel wijzigen (Tijdsbesteding van Roos de Vries)").click()
    assert_no_axe_violations(page)  # the goal form, with its draft status
    page.get_by_role("link", name="Annuleren").click()

    jan_goal = f"Jan: {GOALS[0][2]}"
    add_contribution(
        page,
        "De persoon zelf",
        {"Wie doet het": "Jan de Vries", "Wat": "Solliciteert twee keer per week"},
        jan_goal,
    )
    add_contribution(
        page,
        "Huishouden en naaste familie",
        {
            "Wie uit het netwerk": "Marja Bakker (naaste omgeving)",
            "Wat": "Neemt op dinsdag de zorg voor Riek over",
        },
        f"Els: {GOALS[3][2]}",
    )
    add_contribution(
        page,
        "Georganiseerde vrijwilligers",
        {
            "Wie uit het netwerk": "Trainer VV Waalkant (georganiseerde vrijwillige inzet)",
            "Wat": "Belt als Wouter niet op de training komt",
        },
        f"Wouter: {GOALS[1][2]}",
    )
    add_contribution(
        page,
        "Algemene voorziening",
        {"Welke voorziening": "Jongerenwerk", "Wat": "Inloop jongerenwerk op woensdagmiddag"},
        f"Roos: {GOALS[2][2]}",
    )
    add_contribution(
        page,
        "Algemene voorziening",
        {
            "Welke voorziening": "Mantelzorgsteunpunt",
            "Wat": "Respijt: een vrijwilliger neemt een dagdeel de zorg over",
        },
        f"Els: {GOALS[3][2]}",
    )

    # The tailored provision: refused without the lower tiers, each named, and what was typed stays.
    add_contribution(
        page,
        "Maatwerkvoorziening",
        {
            "Welke voorziening": "Begeleiding individueel",
            "Welke aanbieder": "Zorggroep Rivierenland",
            "Wat": "Begeleiding naar werk en bij de administratie",
            "Hoeveel": "4",
            "Eenheid": "04 Uur",
            "Per": "2 Per week",
        },
        jan_goal,
    )
    expect(page.get_by_role("alert")).to_contain_text("elke lagere trede is overwogen")
    for tier, _ in LOWER_TIERS:
        expect(page.get_by_text(f"Overweeg eerst {tier.lower()}")).to_be_visible()
    expect(page.get_by_label("Wat", exact=True)).to_have_value(
        "Begeleiding naar werk en bij de administratie"
    )
    assert not Contribution.objects.filter(tier=6).exists()
    assert_no_axe_violations(page)
    for tier, why in LOWER_TIERS:
        group = page.get_by_role("group", name=f"{tier.lower()}", exact=False)
        group.get_by_label(f"{tier} is overwogen").check()
        group.get_by_label(f"Waarom volstaat {tier.lower()} niet?").fill(why)
    page.get_by_role("button", name="Inzet opslaan").click()
    expect(page.get_by_text("De inzet is vastgelegd (maatwerkvoorziening)")).to_be_visible()
    assert sorted(set(Contribution.objects.values_list("tier", flat=True))) == [1, 2, 4, 5, 6]
    expect(
        page.get_by_role("img", name="De lopende inzet rond Huishouden De Vries in kringen")
    ).to_be_visible()
    assert_no_axe_violations(page)

    # Els agrees, and the plan goes home as a PDF with everyone's goals in their own words.
    page.get_by_role("link", name="Akkoord vastleggen").click()
    page.get_by_label("ja, akkoord").check()
    page.get_by_label("ondertekend").check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("Versie 1 van het plan: akkoord")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Plan downloaden (PDF)").click()
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for _, _, wording in GOALS:
        assert wording in text
    assert "Zorggroep Rivierenland" in text
    page.get_by_role("link", name="Versie 1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Versie 1, zoals afgesproken")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Terug naar het plan zoals het nu is").click()

    # Three months on, the review is due today: Jan's work is scored lower, and the team is told.
    page.get_by_role("link", name="Evaluatie houden").click()
    for person, _, wording in GOALS:
        goal = page.get_by_role("group", name=f"{person.split()[0]}: “{wording}”")
        goal.get_by_label("deels bereikt" if person.startswith("Jan") else "bereikt", exact=True).check()
    page.get_by_label("Score nu: Werk en opleiding (Jan)").select_option("2")
    page.get_by_label("Samenvatting").fill("Jan zit thuis en solliciteert minder.")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Evaluatie vastleggen").click()
    expect(page.get_by_text("Signaal voor het team: score gedaald")).to_be_visible()
    expect(page.get_by_text("Jan, Werk en opleiding: van 3 naar 2").first).to_be_visible()

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Opvolging").click()
    signal = page.get_by_role(
        "article", name="Huishouden De Vries: score gedaald op een leefgebied van het plan"
    )
    expect(signal).to_contain_text("Jan, Werk en opleiding: van 3 naar 2")
    assert_no_axe_violations(page)
    signal.get_by_label("Wat er gebeurt").fill("Regisseur belt Jan deze week over een werkervaringsplek.")
    signal.get_by_role("button", name="Oppakken").click()
    expect(page.get_by_text("U heeft het signaal opgepakt")).to_be_visible()

    plan = Plan.objects.get()
    assert plan.reviews.count() == 1
    assert plan.agreed_versions.get().agreed
    assert FollowUpSignal.objects.get().handled_by.username == "regisseur"
