"""The front door in the browser: a phone melding is registered, routed by area to the right team,
appears in that team's queue with its six-week deadline, is handed over and accepted. Axe on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from stuurman.accounts.models import Team, User
from stuurman.demo.loader import DEMO_PASSWORD
from stuurman.intake import deadlines
from stuurman.people.models import Person

from .accessibility import assert_no_axe_violations
from .test_login_and_homes import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def menu(page, name):
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=name, exact=True).click()


def test_phone_melding_routed_queued_handed_over_and_accepted(live_server, page, demo_region):
    hoven = Team.objects.get(name="Wijkteam De Hoven")
    colleague = User.objects.create(username="hoven", municipality=hoven.municipality, first_name="Hanneke")
    colleague.set_password(DEMO_PASSWORD)
    colleague.save()
    colleague.groups.add(User.objects.get(username="consulent").groups.get())
    hoven.members.add(colleague)
    els = Person.objects.get(first_names="Els", surname="Vries")

    log_in(page, live_server.url, "loket")
    menu(page, "Melding")
    assert_no_axe_violations(page)
    page.get_by_label("De vraag, in eigen woorden").fill("Ik kan de zorg voor mijn moeder niet meer aan.")
    page.get_by_label("nee").check()
    page.get_by_label("BSN (als bekend)").fill(els.bsn)
    page.get_by_label("Wet").select_option("wmo")
    page.get_by_role("button", name="Melding registreren").click()
    expect(page.get_by_text("verantwoordelijk: Wijkteam Centrum-Noord")).to_be_visible()
    research = deadlines.wmo_after_melding(timezone.localdate())[2].due
    expect(page.get_by_role("row").filter(has_text="Onderzoek afgerond")).to_contain_text(
        f"{research:%d-%m-%Y}"
    )
    assert_no_axe_violations(page)
    analysis = page.locator("form").filter(has=page.get_by_role("button", name="Uitkomst vastleggen"))
    analysis.get_by_label("naar het team van het gebied (1e lijn)").check()
    analysis.get_by_label("Motivering").fill("Mantelzorg onder druk; keukentafelgesprek met het wijkteam.")
    analysis.get_by_role("button", name="Uitkomst vastleggen").click()
    expect(page.get_by_text("naar het team van het gebied (1e lijn) (lijn 1).")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, "consulent")
    menu(page, "Werkvoorraad")
    row = page.get_by_role("row").filter(has_text="Els de Vries")
    expect(row).to_contain_text(f"{research:%d-%m-%Y}")
    assert_no_axe_violations(page)
    row.get_by_role("link").click()
    page.get_by_label("Naar team").select_option(label="Wijkteam De Hoven")
    page.get_by_label("Waarom").fill("Els woont sinds kort in De Hoven")
    page.get_by_role("button", name="Overdragen").click()
    expect(page.get_by_text("nog niet geaccepteerd")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, "hoven")
    menu(page, "Werkvoorraad")
    page.get_by_role("link", name=re.compile(r"^Melding \d+$")).click()
    page.get_by_role("button", name="Accepteren").click()
    expect(page.get_by_text("Wijkteam De Hoven is nu verantwoordelijk")).to_be_visible()


def test_a_gp_signal_about_someone_who_does_not_ask_for_help_leads_to_an_outreach_decision(
    live_server, page, demo_region
):
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    log_in(page, live_server.url, "loket")
    menu(page, "Melding")
    page.get_by_label("Kanaal").select_option("signal")
    page.get_by_label("Wie meldt").select_option("professional")
    page.get_by_label("Organisatie melder").fill("Huisartsenpraktijk Waalkant")
    page.get_by_label("De vraag, in eigen woorden").fill("Meneer verwaarloost zichzelf en wil geen hulp.")
    page.get_by_label("nee").check()
    page.get_by_label("BSN (als bekend)").fill(jan.bsn)
    page.get_by_role("button", name="Melding registreren").click()
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, "consulent")
    menu(page, "Werkvoorraad")
    page.get_by_role("row").filter(has_text="Jan de Vries").get_by_role("link").click()
    outreach = page.locator("form").filter(has=page.get_by_role("button", name="Besluit vastleggen"))
    outreach.get_by_label("handelen zonder hulpvraag (bemoeizorg)").check()
    outreach.get_by_label("Gronden").fill("Zelfverwaarlozing; de huisarts maakt zich ernstig zorgen.")
    outreach.get_by_label("Opnieuw bekijken op").fill(f"{timezone.localdate() + timedelta(weeks=4):%Y-%m-%d}")
    outreach.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Het besluit over bemoeizorg is vastgelegd.")).to_be_visible()
    expect(page.get_by_text("handelen zonder hulpvraag (bemoeizorg) — Zelfverwaarlozing")).to_be_visible()
    assert_no_axe_violations(page)
