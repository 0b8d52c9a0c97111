"""Drafts in the browser, on the household timeline: what is typed is saved as it is typed, survives a
reload, waits on the device while the connection is gone, and is gone once the entry is recorded."""

import re

import pytest
from playwright.sync_api import expect

from stuurman.drafts.models import Draft
from stuurman.files.models import TimelineEntry

from .accessibility import assert_no_axe_violations
from .test_login_and_homes import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCAL_COPIES = "Object.keys(sessionStorage).filter(k => k.startsWith('stuurman-draft:'))"


def open_timeline(page, base_url):
    log_in(page, base_url, "consulent")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Zoeken").click()
    page.get_by_label("Achternaam (begin)").fill("vries")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Jan de Vries").click()
    page.get_by_role("link", name="Tijdlijn: contacten en notities").click()
    return page.get_by_label("Wat", exact=True), page.locator("[data-draft-status]")


def test_a_note_survives_a_reload_and_a_lost_connection(live_server, page, demo_region):
    text, status = open_timeline(page, live_server.url)
    text.fill("Huisbezoek bij Jan en Els.")
    expect(status).to_contain_text("Concept opgeslagen om")
    assert_no_axe_violations(page)

    page.reload()
    expect(text).to_have_value("Huisbezoek bij Jan en Els.")
    expect(status).to_contain_text("is teruggezet")
    expect(page.get_by_role("button", name="Concept weggooien")).to_be_visible()

    page.context.set_offline(True)
    text.fill("Huisbezoek bij Jan en Els. Jan zoekt werk in de logistiek.")
    expect(status).to_contain_text("Geen verbinding: het concept staat op dit apparaat")
    assert page.evaluate(LOCAL_COPIES) == ["stuurman-draft:" + page.url.removeprefix(live_server.url)]
    assert Draft.objects.get().data["text"] == ["Huisbezoek bij Jan en Els."]

    page.context.set_offline(False)
    expect(status).to_contain_text("Concept opgeslagen om")
    assert Draft.objects.get().data["text"] == ["Huisbezoek bij Jan en Els. Jan zoekt werk in de logistiek."]
    assert page.evaluate(LOCAL_COPIES) == [], "the server has it: no copy left on the device"

    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("Vastgelegd op de tijdlijn.")).to_be_visible()
    assert TimelineEntry.objects.get().text == "Huisbezoek bij Jan en Els. Jan zoekt werk in de logistiek."
    assert not Draft.objects.exists()
    expect(text).to_have_value("")
    assert page.evaluate(LOCAL_COPIES) == []


def test_a_copy_the_server_never_got_comes_back_from_the_device_and_can_be_thrown_away(
    live_server, page, demo_region
):
    text, status = open_timeline(page, live_server.url)
    text.fill("Eerste versie.")
    expect(status).to_contain_text("Concept opgeslagen om")

    # The server is reachable for pages but every draft save is lost on the way.
    def lose_draft_saves(route):
        if route.request.headers.get("x-stuurman-draft") == "save":
            route.abort()
        else:
            route.continue_()

    page.route(re.compile(r".*/tijdlijn/$"), lose_draft_saves)
    text.fill("Tweede versie, die de server nooit kreeg.")
    expect(status).to_contain_text("kon niet worden opgeslagen")
    page.unroute(re.compile(r".*/tijdlijn/$"))

    page.reload()
    expect(text).to_have_value("Tweede versie, die de server nooit kreeg.")
    expect(status).to_contain_text(
        re.compile(r"stond nog op dit apparaat en is teruggezet\. Concept opgeslagen om")
    )
    assert Draft.objects.get().data["text"] == ["Tweede versie, die de server nooit kreeg."]
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Concept weggooien").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Het concept is weggegooid.")).to_be_visible()
    expect(text).to_have_value("")
    assert not Draft.objects.exists()
    assert not TimelineEntry.objects.exists()
    assert page.evaluate(LOCAL_COPIES) == []


def test_logging_out_hands_the_copy_to_the_server_first_and_leaves_none_on_the_device(
    live_server, page, demo_region
):
    text, status = open_timeline(page, live_server.url)
    text.fill("Net getypt, meteen uitloggen.")
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert Draft.objects.get().data["text"] == ["Net getypt, meteen uitloggen."]
    assert page.evaluate(LOCAL_COPIES) == []

    text, status = open_timeline(page, live_server.url)
    page.route(re.compile(r".*/tijdlijn/$"), lambda route: route.abort())
    text.fill("Dit komt niet aan.")
    expect(status).to_contain_text("kon niet worden opgeslagen")
    page.get_by_role("button", name="Uitloggen").click()
    expect(
        page.get_by_text("Er staat nog een concept op dit apparaat dat niet is opgeslagen")
    ).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert page.evaluate(LOCAL_COPIES) == []
