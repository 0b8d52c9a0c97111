"""The must-show of the social map: an inhabitant without a login searches for "eenzaam" in their kern
and finds a local initiative; axe finds nothing on the list and the detail pages."""

import pytest
from playwright.sync_api import expect

from .accessibility import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_inhabitant_without_a_login_finds_the_coffee_morning_in_their_kern(live_server, page, demo_region):
    page.goto(f"{live_server.url}/sociale-kaart/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale kaart")
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)  # nobody is logged in
    assert_no_axe_violations(page)

    page.get_by_label("Waar zoekt u hulp bij?").fill("eenzaam")
    page.get_by_label("Waar woont u?").select_option(label="Waalkant (kern)")
    page.get_by_role("button", name="Zoeken").click()

    results = page.get_by_role("list", name="Gevonden")
    coffee = results.get_by_role("link", name="Koffieochtend De Ontmoeting")
    expect(coffee).to_be_visible()
    expect(results.get_by_role("link", name="Eikendonk Ontmoet")).to_have_count(0)  # another municipality
    expect(page.get_by_role("status")).to_contain_text("voor Waalkant")
    assert_no_axe_violations(page)

    coffee.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Koffieochtend De Ontmoeting")
    expect(page.get_by_text("woensdag 10.00-12.00 uur").first).to_be_visible()
    expect(page.get_by_text("lokaal initiatief of vrijwilligersorganisatie (0e lijn)")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Terug naar de sociale kaart").click()
    expect(page.get_by_label("Waar zoekt u hulp bij?")).to_have_value("eenzaam")


def test_a_tailored_provision_shows_the_providers_to_choose_from(live_server, page, demo_region):
    page.goto(f"{live_server.url}/sociale-kaart/?q=huishouden&soort=tailored")
    page.get_by_role("link", name="Hulp bij het huishouden").click()
    providers = page.get_by_role("list", name="Aanbieders: u kiest zelf")
    expect(providers.get_by_role("heading", name="Zorggroep Rivierenland")).to_be_visible()
    expect(providers.get_by_role("heading", name="Thuishulp Waal en Maas")).to_be_visible()
    assert_no_axe_violations(page)
