"""The monitor's pages: who may open them, filters with wrong values, exports in the access log, and
small cells that never show, on screen or in an export, nor follow from the totals beside them."""

import csv
import html as markup
import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from stuurman.accounts.models import Role, User
from stuurman.monitoring.refresh import refresh
from stuurman.privacy.models import AccessLog
from stuurman.tenancy.models import Area

from . import factories as f

pytestmark = pytest.mark.django_db


def login(client, username):
    client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def beleid(client, demo_region):
    return login(client, "beleid")


def wmo_households(buurt, n):
    for _ in range(n):
        f.contribution(f.plan(f.household(buurt=buurt)), 6, law="wmo", starts_on=date(2025, 1, 1))


@pytest.fixture
def nine_in_noord(demo_region):
    """Nine households with only a Wmo provision in wijk Noord, thirty in De Hoven."""
    wmo_households("Bloemenbuurt", 9)
    wmo_households("Hof van Waal", 30)
    return refresh(trigger="test")


def table_rows(html: str, table_id: str) -> dict[str, list[str]]:
    table = re.search(rf'id="caption-{table_id}".*?</table>', html, re.S).group(0)
    rows = {}
    for row in re.findall(r"<tr class=\"utrecht-table__row[^\"]*\">(.*?)</tr>", table, re.S):
        found = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        cells = [markup.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in found]
        if cells and cells[0] != "":
            rows[cells[0]] = cells[1:]
    return rows


def test_before_the_first_refresh_the_page_says_how_it_gets_computed(beleid):
    page = beleid.get("/monitor/")
    assert page.status_code == 200
    assert "nog niet berekend" in page.content.decode()


def test_who_may_open_which_dashboard(client, demo_region):
    refresh(trigger="test")
    login(client, "beleid")
    assert client.get("/monitor/").status_code == 200
    assert client.get("/dashboard/team/").status_code == 403
    login(client, "consulent")
    assert client.get("/monitor/").status_code == 403
    assert client.get("/dashboard/team/").status_code == 200
    assert client.get("/dashboard/regie/").status_code == 403
    login(client, "teamleider")
    assert client.get("/dashboard/regie/").status_code == 200
    council = User.objects.create(
        username="raadslid", municipality=User.objects.get(username="beleid").municipality
    )
    council.groups.add(Role.objects.get(slug="council_member").group)
    login(client, "raadslid")
    assert client.get("/monitor/").status_code == 200
    assert client.post("/monitor/verversen/").status_code == 403, "the council looks, it does not refresh"
    assert not council.has_perm("privacy.view_files")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("gebied=999999", "Gebied &#x27;999999&#x27; bestaat niet in deze regio"),
        ("gemeente=abc", "Gemeente &#x27;abc&#x27; hoort niet bij deze regio"),
        ("periode=2025-H3", "&#x27;2025-H3&#x27; is geen periode"),
        ("periode=1999", "Voor jaar 1999 zijn er geen cijfers"),
        ("wet=ww", "&#x27;ww&#x27; is geen wet in de monitor"),
    ],
)
def test_a_filter_value_that_does_not_exist_gets_a_dutch_message(beleid, query, message):
    refresh(trigger="test")
    page = beleid.get(f"/monitor/?{query}")
    assert page.status_code == 400
    assert message in page.content.decode()
    assert "Bereik per wet" not in page.content.decode(), "no figures for a selection that does not exist"


def test_an_area_outside_the_chosen_municipality_is_named(beleid):
    refresh(trigger="test")
    hoven = Area.objects.get(name="De Hoven", kind="wijk")
    other = Area.objects.exclude(municipality=hoven.municipality).filter(kind="kern").first()
    page = beleid.get(f"/monitor/?gemeente={other.municipality_id}&gebied={hoven.pk}")
    assert page.status_code == 400
    assert f"Wijk De Hoven ligt niet in gemeente {other.municipality.name}" in page.content.decode()


def test_a_cell_of_nine_shows_as_less_than_ten_and_its_kern_does_not_give_it_away(beleid, nine_in_noord):
    noord = Area.objects.get(name="Noord", kind="wijk")
    kern = noord.parent
    pages = {}
    for area in [kern, *Area.objects.filter(parent=kern, kind="wijk")]:
        html = beleid.get(f"/monitor/?gebied={area.pk}&periode=2025-H1").content.decode()
        pages[area.name] = table_rows(html, "stacking")["alleen Wmo"][0]
    assert pages["Noord"] == "< 10"
    assert pages["De Hoven"] == "30"
    hidden = [name for name, value in pages.items() if value in ("< 10", "verborgen")]
    assert len(hidden) >= 2, f"kern minus the shown wijken would give the nine away: {pages}"
    assert "9" not in pages.values()


def test_exports_carry_the_same_hidden_cells_and_are_logged(beleid, nine_in_noord):
    noord = Area.objects.get(name="Noord", kind="wijk")
    query = f"gebied={noord.pk}&periode=2025-H1"
    csv_text = beleid.get(f"/monitor/export.csv?{query}").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
    stacked = [row for row in rows if row[0] == "Stapeling over wetten" and row[2] == "alleen Wmo"]
    assert stacked
    assert stacked[0][4] == "< 10"
    assert not any(row[4] == "9" for row in rows[2:] if row[3] in ("Huishoudens", "Aantal", "Personen"))
    workbook = load_workbook(io.BytesIO(beleid.get(f"/monitor/export.xlsx?{query}").content))
    sheet = next(
        ws for ws in workbook.worksheets if ws["A1"].value and ws["A1"].value.startswith("Stapeling")
    )
    values = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert values["alleen Wmo"] == "< 10"
    pdf = beleid.get(f"/monitor/rapport.pdf?{query}")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    actions = list(
        AccessLog.objects.filter(object_type="monitoring.refresh").values_list("action", "purpose")
    )
    assert [action for action, _ in actions] == ["export", "export", "print"]
    assert all("wijk Noord" in purpose for _, purpose in actions)


def test_the_page_shows_each_definition_a_chart_and_its_table(beleid, nine_in_noord):
    html = beleid.get("/monitor/?periode=2025-H1").content.decode()
    assert ">Regio Voorbeeld · 1e halfjaar 2025 · alle wetten</h2>" in html
    for title in (
        "Bereik",
        "Uitstroom naar zelfstandigheid",
        "Stapeling over wetten",
        "ZRM-uitkomsten per leefgebied",
    ):
        assert f">{title}</h2>" in html
    assert html.count("<strong>Wat telt:</strong>") == 14
    chart = re.search(r'<img class="stuurman-chart" src="([^"]+)" alt="([^"]+)"', html)
    assert chart.group(2).startswith("Grafiek van")
    svg = beleid.get(chart.group(1).replace("&amp;", "&"))
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content
    assert "9" not in re.findall(r"<text[^>]*>([^<]*)</text>", svg.content.decode())


def test_a_refresh_on_demand_makes_the_new_figures_current(beleid):
    first = refresh(trigger="test")
    response = beleid.post("/monitor/verversen/", {"query": "periode=2025-H1"})
    assert response.status_code == 302
    assert response["Location"] == "/monitor/?periode=2025-H1"
    page = beleid.get("/monitor/").content.decode()
    assert "opnieuw berekend" in page
    from stuurman.monitoring.refresh import current

    assert current().pk != first.pk
    assert current().by == "beleid"


def test_on_a_server_the_button_starts_the_refresh_as_a_process_of_its_own(beleid, settings, monkeypatch):
    from stuurman.monitoring import views

    started = []
    monkeypatch.setattr(views, "start_in_background", started.append)
    settings.MONITORING_REFRESH_IN_BACKGROUND = True
    beleid.post("/monitor/verversen/")
    assert started == ["beleid"]
    assert "enkele minuten" in beleid.get("/monitor/").content.decode()


def test_exports_keep_names_that_look_like_formulas_as_text_and_numbers_as_numbers(beleid, nine_in_noord):
    noord = Area.objects.get(name="Noord", kind="wijk")
    noord.name = '=HYPERLINK("http://example.org","Noord")'
    noord.save()
    hoven = Area.objects.get(name="De Hoven", kind="wijk")
    query = f"gebied={noord.parent_id}&periode=2025-H1"
    rows = list(
        csv.reader(
            io.StringIO(beleid.get(f"/monitor/export.csv?{query}").content.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert any(row[2] == f"wijk {hoven.name}" and row[4] == "30" for row in rows)
    workbook = load_workbook(io.BytesIO(beleid.get(f"/monitor/export.xlsx?{query}").content))
    cells = [cell for ws in workbook.worksheets for row in ws.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells), "no formulas in the workbook"
    assert any(cell.value == 30 and cell.data_type == "n" for cell in cells), "shown counts are numbers"
