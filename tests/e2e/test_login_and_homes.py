"""Every role logs in and lands on its own home page; all of it passes axe."""

import pytest
from playwright.sync_api import expect

from stuurman.demo.loader import DEMO_PASSWORD, DEMO_USERS
from stuurman.site.homes import HOMES

from .accessibility import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url, username, password=DEMO_PASSWORD):
    page.goto(f"{base_url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_login_page_is_accessible(live_server, page):
    page.goto(f"{live_server.url}/inloggen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_no_axe_violations(page)


def test_wrong_password_says_so_and_stays_accessible(live_server, page, demo_region):
    log_in(page, live_server.url, "consulent", "niet-het-wachtwoord")
    expect(page.get_by_role("alert")).to_contain_text("gebruikersnaam")
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    ("username", "role_slug"), [(user[0], user[1] or "inhabitant") for user in DEMO_USERS]
)
def test_each_role_lands_on_its_own_home_page(live_server, page, demo_region, username, role_slug):
    log_in(page, live_server.url, username)

    expect(page.get_by_role("heading", level=1)).to_have_text(str(HOMES[role_slug].title))
    for section in HOMES[role_slug].sections:
        expect(page.get_by_role("heading", level=2, name=str(section.title))).to_be_visible()
    assert_no_axe_violations(page)


def test_skip_link_moves_focus_to_the_main_content(live_server, page, demo_region):
    log_in(page, live_server.url, "consulent")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_logout_returns_to_the_login_page(live_server, page, demo_region):
    log_in(page, live_server.url, "beleid")
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/inloggen/?next=/")
