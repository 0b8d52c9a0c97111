"""The policy advisor in the browser: from the home page to the region monitor, filtered on one wijk,
its charts rendered under the page's CSP beside their tables, and the XLSX export read back. axe on
every page of the way."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from stuurman.demo.generator import generate_households
from stuurman.monitoring.refresh import refresh

from .accessibility import assert_no_axe_violations
from .test_login_and_homes import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_policy_advisor_filters_the_region_monitor_on_a_wijk_and_exports_it(
    live_server, page, demo_region
):
    generate_households(600, seed=88, progress=False)
    refresh(trigger="test")
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)

    log_in(page, live_server.url, "beleid")
    page.get_by_role("link", name="Naar de monitor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitor sociaal domein")
    expect(page.get_by_role("heading", level=2, name="Regio Voorbeeld ·")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Gebied (kern of wijk)").select_option(label="wijk Noord (kern Waalkant)")
    page.get_by_role("button", name="Tonen").click()
    expect(
        page.get_by_role("heading", level=2, name="Regio Voorbeeld · gemeente Waalkant · wijk Noord")
    ).to_be_visible()
    stacking = page.get_by_role("table", name="Stapeling over wetten, wijk Noord")
    expect(stacking.get_by_role("row", name="alleen Wmo")).to_be_visible()
    chart = page.get_by_role("img", name="Grafiek van stapeling over wetten, wijk Noord")
    chart.scroll_into_view_if_needed()
    expect(chart).to_be_visible()
    page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=chart.element_handle())
    box, beside = chart.bounding_box(), stacking.bounding_box()
    assert beside["x"] > box["x"] + box["width"] - 1, "on a wide screen the table sits beside the chart"
    assert_no_axe_violations(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als Excel (XLSX)").click()
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    about = {row[0]: row[1] for row in workbook["Toelichting"].iter_rows(values_only=True) if row and row[0]}
    assert "wijk Noord" in about["Selectie"]
    assert "< 10" in about["Kleine aantallen"]
    sheet = next(
        ws for ws in workbook.worksheets if (ws["A1"].value or "").startswith("Stapeling over wetten")
    )
    assert [cell.value for cell in sheet[2]][:2] == ["Combinatie", "Huishoudens"]
    households = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert set(households) >= {"alleen Wmo", "alleen Jeugdwet", "alle drie", "totaal"}
    for label, value in households.items():
        assert value in ("< 10", "verborgen") or value >= 10, f"{label}: {value} is a small cell"
    assert refused == []


@pytest.mark.parametrize(
    ("username", "link", "heading"),
    [
        ("consulent", "Naar het dashboard", "Dashboard van het team"),
        ("teamleider", "Naar het regie-overzicht", "Regie-overzicht"),
    ],
)
def test_the_team_dashboards_open_from_the_home_page_and_pass_axe(
    live_server, page, demo_region, username, link, heading
):
    generate_households(200, seed=89, progress=False)
    log_in(page, live_server.url, username)
    page.get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("heading", level=2, name="Wijkteam Centrum-Noord")).to_be_visible()
    assert_no_axe_violations(page)
