"""Het Gesprek in the browser, by keyboard only: a consultant records a conversation with the De Vries
household with Els's sister Marja present from the network, scores four domains for Jan, sees the
suggested line and profile, overrides the line with a reason, and downloads the report. axe on every
page of the way."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from stuurman.assessment.models import Classification, Conversation, Score
from stuurman.drafts.models import Draft

from .accessibility import assert_no_axe_violations
from .test_login_and_homes import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JAN = [
    ("Financiën", "WW en vaste lasten", "2", "Twee maanden huurachterstand"),
    ("Werk en opleiding", "Baan verloren in maart", "2", "Solliciteert niet"),
    ("Geestelijke gezondheid", "Somber sinds het ontslag", "3", ""),
    ("Sociaal netwerk", "Wie kan helpen", "4", "Broer Kees en schoonzus Marja"),
]


def activate(page, locator, key="Enter"):
    """Move the keyboard focus to an element and press a key on it: no mouse anywhere."""
    locator.focus()
    page.keyboard.press(key)


def type_into(page, locator, text):
    locator.focus()
    page.keyboard.type(text)


def test_a_conversation_with_four_domains_an_override_and_the_report_by_keyboard_only(
    live_server, page, demo_region
):
    log_in(page, live_server.url, "consulent")
    activate(page, page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Zoeken"))
    type_into(page, page.get_by_label("Achternaam (begin)"), "vries")
    page.keyboard.press("Enter")
    activate(page, page.get_by_role("link", name="Jan de Vries"))
    activate(page, page.get_by_role("link", name="Gesprek vastleggen"))

    # The conversation: only the date is needed, and it is already today.
    activate(page, page.get_by_label("Els de Vries"), "Space")
    activate(page, page.get_by_label("Marja Bakker"), "Space")
    type_into(
        page, page.get_by_label("De vraag achter de vraag"), "Els houdt het niet vol naast de zorg voor Riek."
    )
    page.keyboard.press("Tab")
    page.keyboard.type("Jan kan koken en de boodschappen doen.")  # Tab order follows the form
    type_into(
        page,
        page.get_by_label("Wat het netwerk kan en wil doen"),
        "Marja neemt op dinsdag de zorg voor Riek over.",
    )
    type_into(
        page,
        page.get_by_label("Afspraken"),
        "Jan meldt zich bij de schuldhulp. Marja neemt op dinsdag de zorg voor Riek over.",
    )
    expect(page.get_by_label("Wat de persoon zelf kan")).to_have_value(
        "Jan kan koken en de boodschappen doen."
    )
    expect(page.get_by_text("Concept opgeslagen om")).to_be_visible()  # nothing typed is lost
    assert_no_axe_violations(page)
    activate(page, page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_text("Het gesprek is vastgelegd")).to_be_visible()
    assert_no_axe_violations(page)

    # Four domains for Jan, each with its reason, score and a short note.
    activate(page, page.get_by_role("link", name="Leefgebieden scoren"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Leefgebieden scoren")
    assert_no_axe_violations(page)
    page.get_by_label("Voor wie").focus()
    page.keyboard.type("Jan")
    for domain, reason, score, evidence in JAN:
        activate(page, page.get_by_role("checkbox", name=domain, exact=True), "Space")
        page.keyboard.press("Tab")
        page.keyboard.type(reason)
        page.keyboard.press("Tab")
        page.keyboard.type(score)  # a closed select jumps to the option that starts with it
        page.keyboard.press("Tab")
        page.keyboard.type(evidence)
    expect(page.get_by_text("Concept opgeslagen om")).to_be_visible()  # the scoring draft too
    activate(page, page.get_by_role("button", name="Scores vastleggen"))
    expect(page.get_by_text("Scores van Jan de Vries vastgelegd")).to_be_visible()

    # The suggestions, and an override of the line with its reason.
    suggestions = page.get_by_role("region", name="Lijn")
    expect(suggestions).to_contain_text("Voorgesteld: 2e lijn")
    expect(page.get_by_role("region", name="Cliëntprofiel")).to_contain_text("Geldzorgen en schulden")
    assert_no_axe_violations(page)
    page.get_by_label("Uw keuze voor lijn").focus()
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.type("Broer Kees en zus Marja helpen mee; het wijkteam volstaat.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Uw keuze is vastgelegd")).to_be_visible()
    expect(page.get_by_role("region", name="Lijn")).to_contain_text("Gekozen: 1e lijn")

    # The report, downloaded from the conversation page.
    activate(page, page.get_by_role("link", name="Terug naar het gesprek"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gesprek van")
    with page.expect_download() as download:
        activate(page, page.get_by_role("link", name="Verslag downloaden (PDF)"))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages)
    assert "Jan meldt zich bij de schuldhulp" in " ".join(text.split())
    assert "Jan de Vries" in text
    assert "Marja Bakker" in text

    conversation = Conversation.objects.get()
    assert [m.display_name for m in conversation.network_present.all()] == ["Marja Bakker"]
    assert sorted(Score.objects.values_list("domain__code", "score", "evidence")) == [
        ("finances", 2, "Twee maanden huurachterstand"),
        ("mental", 3, ""),
        ("network", 4, "Broer Kees en schoonzus Marja"),
        ("work", 2, "Solliciteert niet"),
    ]
    line = Classification.objects.get(kind="line")
    assert (line.suggested, line.chosen) == ("2", "1")
    assert line.override_reason == "Broer Kees en zus Marja helpen mee; het wijkteam volstaat."
    assert not Draft.objects.exists(), "the drafts went once the conversation and the scores were saved"
