"""The privacy pages in the browser: a team lead assigns, a consultant breaks the glass (banner on every
page), the privacy officer judges it; consent pages. Every page passes axe."""

import pytest
from django.test import RequestFactory
from playwright.sync_api import expect

from stuurman.accounts.models import User
from stuurman.people.models import Person
from stuurman.privacy import emergency, log
from stuurman.privacy.models import EmergencyAccess

from .accessibility import assert_no_axe_violations
from .test_login_and_homes import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Politie belt: acute zorgen om de kinderen, het gezin is nog niet bekend bij ons team."


def test_team_break_the_glass_and_review(live_server, page, demo_region):
    riek = Person.objects.get(first_names="Riek", surname="Bakker")

    log_in(page, live_server.url, "teamleider")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Team").click()
    expect(page.get_by_role("link", name="Huishouden De Vries")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, "consulent")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Noodtoegang").click()
    assert_no_axe_violations(page)
    page.get_by_label("BSN van een gezinslid").fill(riek.bsn)
    page.get_by_label("Reden").fill(REASON)
    page.get_by_label("Duur").select_option("2")
    page.get_by_role("button", name="Noodtoegang nemen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden Bakker")
    banner = page.get_by_role("status").filter(has_text="Noodtoegang actief")
    expect(banner).to_be_visible()
    page.get_by_role("link", name="Start").click()
    expect(banner).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Noodtoegang beëindigen").click()
    expect(page.get_by_text("Noodtoegang actief")).to_have_count(0)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, "privacy")
    page.get_by_role("link", name="Noodtoegang beoordelen").click()
    expect(page.get_by_text(REASON)).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("terecht", exact=True).check()
    page.get_by_role("button", name="Oordeel vastleggen").click()
    expect(page.get_by_text("Er wacht geen noodtoegang op beoordeling.")).to_be_visible()

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Toegangslog").click()
    page.get_by_label("BSN van de persoon").fill(riek.bsn)
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("row").filter(has_text="Noodtoegang: Politie belt")).to_have_count(2)
    assert_no_axe_violations(page)


def test_consent_page_is_accessible(live_server, page, demo_region):
    log_in(page, live_server.url, "consulent")
    page.get_by_role("link", name="Persoon zoeken").click()
    page.get_by_label("Achternaam (begin)").fill("vries")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Jan de Vries").click()
    page.get_by_role("link", name="Toestemming en gegevensdeling").click()
    consent = page.locator("form").filter(has=page.get_by_role("button", name="Toestemming vastleggen"))
    consent.get_by_label("Persoon").select_option(label="Jan de Vries")
    consent.get_by_label("Organisatie").fill("Schuldhulp Rivierenland")
    consent.get_by_label("Doel").fill("aanmelding schuldhulp")
    page.get_by_role("button", name="Toestemming vastleggen").click()
    expect(page.get_by_text("De toestemming is vastgelegd.")).to_be_visible()
    assert_no_axe_violations(page)


def test_privacy_officer_searches_the_log_and_judges_an_access_unjustified(live_server, page, demo_region):
    consultant = User.objects.get(username="consulent")
    bakker = Person.objects.get(first_names="Riek", surname="Bakker").memberships.get().household
    request = RequestFactory().post("/privacy/noodtoegang/nieuw/")
    request.user = consultant
    access = emergency.break_glass(request, bakker, REASON, 4)
    log.record(request, log.Action.SEARCH, purpose="Persoon gezocht op achternaam")

    log_in(page, live_server.url, "privacy")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="Toegangslog").click()
    page.get_by_label("Gebruikersnaam medewerker").fill("consulent")
    page.get_by_label("Handeling").select_option("emergency")
    page.get_by_role("button", name="Zoeken").click()
    results = page.get_by_role("table")
    expect(results.get_by_role("row").filter(has_text="Persoon gezocht")).to_have_count(0)
    expect(results.get_by_role("row").filter(has_text=f"Noodtoegang: {REASON}")).to_have_count(1)
    assert_no_axe_violations(page)

    menu.get_by_role("link", name="Te beoordelen").click()
    expect(page.get_by_text("loopt nog")).to_be_visible()
    page.get_by_role("radio", name="onterecht").check()
    page.get_by_role("button", name="Oordeel vastleggen").click()
    expect(page.get_by_text("Licht toe waarom de noodtoegang onterecht was.")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("textbox", name="Toelichting").fill("Had via de teamleider gekund.")
    page.get_by_role("radio", name="onterecht").check()
    page.get_by_role("button", name="Oordeel vastleggen").click()
    expect(page.get_by_text("Er wacht geen noodtoegang op beoordeling.")).to_be_visible()

    access.refresh_from_db()
    assert (access.verdict, access.ended_at is not None) == (EmergencyAccess.Verdict.UNJUSTIFIED, True)
