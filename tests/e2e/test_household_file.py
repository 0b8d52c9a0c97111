"""A consultant finds a household of their team, opens it and sees its network; the privacy officer
then finds that read in the access log. Every page on the way passes axe."""

import pytest
from playwright.sync_api import expect

from .accessibility import assert_no_axe_violations
from .test_login_and_homes import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_consultant_opens_a_household_and_the_privacy_officer_finds_the_read(live_server, page, demo_region):
    log_in(page, live_server.url, "consulent")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Zoeken").click()
    assert_no_axe_violations(page)
    page.get_by_label("Achternaam (begin)").fill("de vries")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status")).to_contain_text("5 personen gevonden")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Roos de Vries").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden De Vries")
    circles = page.get_by_role("img", name="Het netwerk rond Huishouden De Vries in kringen")
    expect(circles).to_be_visible()
    expect(circles.locator("text").filter(has_text="Ans Willems")).to_have_count(1)
    expect(page.get_by_role("heading", name="Kring 2: informeel netwerk")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Iemand aan het netwerk toevoegen").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, "privacy")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Toegangslog").click()
    page.get_by_label("Gebruikersnaam medewerker").fill("consulent")
    page.get_by_label("Handeling").select_option("read")
    page.get_by_role("button", name="Zoeken").click()
    row = page.get_by_role("row").filter(has_text="Betrokken (Wijkteam Centrum-Noord)")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("household")
    assert_no_axe_violations(page)
