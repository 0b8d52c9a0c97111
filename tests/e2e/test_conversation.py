"""The conversation pages in the browser: recording a conversation and scoring chosen domains, with
the keyboard for the scoring step; axe on both pages."""

import pytest
from playwright.sync_api import expect

from stuurman.assessment.models import Score

from .accessibility import assert_no_axe_violations
from .test_login_and_homes import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_a_conversation_and_score_a_domain(live_server, page, demo_region):
    log_in(page, live_server.url, "consulent")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Zoeken").click()
    page.get_by_label("Achternaam (begin)").fill("vries")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Jan de Vries").click()
    page.get_by_role("link", name="Gesprek vastleggen").click()
    page.get_by_label("Kees de Vries").check()
    page.get_by_label("Afspraken").fill("Kees doet op zaterdag de boodschappen voor oma Riek.")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het gesprek is vastgelegd")).to_be_visible()

    page.get_by_role("link", name="leefgebieden scoren").first.click()
    assert_no_axe_violations(page)
    page.get_by_label("Voor wie").select_option(label="Jan de Vries")
    page.get_by_role("checkbox", name="Financiën", exact=True).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("WW en vaste lasten")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.get_by_role("button", name="Scores vastleggen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Scores van Jan de Vries vastgelegd")).to_be_visible()
    assert Score.objects.get().reason == "WW en vaste lasten"
