"""A person's ZRM history in the browser: from the household page to the comparison chart, which
renders under the page's CSP and passes axe."""

from datetime import date

import pytest
from playwright.sync_api import expect

from stuurman.people.models import Household

from ..assessment.test_history_page import measure
from .accessibility import assert_no_axe_violations
from .test_login_and_homes import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_history_page_shows_the_chart_beside_its_table_and_passes_axe(live_server, page, demo_region):
    household = Household.objects.get(name="Huishouden De Vries")
    jan = household.members.get(first_names="Jan")
    measure(household, jan, date(2016, 4, 12), "2013", daytime=2, adl=3, finances=2)
    measure(household, jan, date(2024, 10, 1), "2017", work=2, finances=3)
    measure(household, jan, date(2025, 4, 3), "2017", work=3, finances=4, basic_adl=3)
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security" in message.text else None,
    )

    log_in(page, live_server.url, "consulent")
    page.goto(f"{live_server.url}/huishoudens/{household.pk}/")
    page.get_by_role("link", name="ZRM-verloop van Jan de Vries").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ZRM-verloop van Jan de Vries")

    chart = page.get_by_role("img", name="Grafiek: per leefgebied de score op 01-10-2024")
    expect(chart).to_be_visible()
    assert chart.evaluate("image => image.complete && image.naturalWidth > 0"), "the SVG rendered"
    table = page.get_by_role("table", name="Per leefgebied, van 01-10-2024 tot 03-04-2025")
    expect(table.get_by_role("row", name="Financiën 3 beperkt zelfredzaam 4 voldoende")).to_contain_text(
        "verbeterd"
    )
    box, beside = chart.bounding_box(), table.bounding_box()
    assert beside["x"] > box["x"] + box["width"] - 1, "on a wide screen the table sits beside the chart"
    assert refused == []
    assert_no_axe_violations(page)

    # Chosen the wrong way round on purpose: the page compares them in date order.
    page.get_by_label("Van (eerder moment)").select_option(label="03-04-2025 (Zelfredzaamheid-Matrix 2017)")
    page.get_by_label("Tot (later moment)").select_option(label="12-04-2016 (Zelfredzaamheid-Matrix 2013)")
    page.get_by_role("button", name="Vergelijken").click()
    table = page.get_by_role("table", name="Per leefgebied, van 12-04-2016 tot 03-04-2025")
    expect(table.get_by_role("row", name="Werk en opleiding (was: Dagbesteding)")).to_contain_text(
        "verbeterd"
    )
    expect(table.get_by_role("row", name="Basale ADL")).to_contain_text("niet te vergelijken")
    expect(page.get_by_role("img", name="Grafiek: per leefgebied de score op 12-04-2016")).to_be_visible()
    assert_no_axe_violations(page)

    # Reflow (WCAG 1.4.10): on a phone the table goes under the chart and nothing in the content is wider
    # than the screen (wide tables scroll in their own region). The page header is not this page's.
    page.set_viewport_size({"width": 360, "height": 800})
    chart = page.get_by_role("img", name="Grafiek: per leefgebied de score op 12-04-2016")
    box, below = chart.bounding_box(), table.bounding_box()
    assert below["y"] >= box["y"] + box["height"]
    assert page.locator("main").evaluate("main => main.scrollWidth") <= 360
