"""A person's ZRM history page: the moments, two compared per domain with a chart, need to know."""

import base64
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from stuurman import charts
from stuurman.accounts.models import User
from stuurman.assessment.models import Assessment, Conversation, InstrumentVersion, Score
from stuurman.people.models import Household, Person
from stuurman.privacy.models import AccessLog

pytestmark = pytest.mark.django_db


def measure(household, person, on, version, **scores):
    """One ZRM moment: a conversation on ``on`` and the person's scores in ``version``."""
    conversation = Conversation.objects.create(
        municipality=household.municipality,
        household=household,
        held_on=on,
        recorded_by=User.objects.get(username="consulent"),
    )
    instrument = InstrumentVersion.objects.get(instrument="zrm", version=version)
    assessment = Assessment.objects.create(conversation=conversation, person=person, version=instrument)
    domains = {domain.code: domain for domain in instrument.domains.all()}
    Score.objects.bulk_create(
        Score(assessment=assessment, domain=domains[code], score=score, reason="nodig voor de vraag")
        for code, score in scores.items()
    )
    return assessment


@pytest.fixture
def de_vries(demo_region):
    return Household.objects.get(name="Huishouden De Vries")


@pytest.fixture
def jan(de_vries):
    return de_vries.members.get(first_names="Jan")


@pytest.fixture
def jan_measured(de_vries, jan):
    """Jan: once in ZRM 2013, twice in 2017; Justitie scored each time."""
    first = measure(de_vries, jan, date(2016, 4, 12), "2013", daytime=2, adl=3, finances=2, justice=3)
    second = measure(de_vries, jan, date(2024, 10, 1), "2017", work=2, finances=None, basic_adl=4, justice=2)
    third = measure(de_vries, jan, date(2025, 4, 3), "2017", work=3, finances=2, time=3, justice=2)
    return first, second, third


def url(household, person, **query):
    path = reverse("assessment:history", kwargs={"household_id": household.pk, "person_id": person.pk})
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def comparison_table(page: str) -> list[tuple[str, ...]]:
    """The comparison table's body rows as text cells."""
    body = page.split("stuurman-comparison__table", 1)[1].split("<tbody", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in re.findall(r"<tr.*?</tr>", body, flags=re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
        text = (
            re.sub(r"<[^>]+>", "", cell.replace('<span aria-hidden="true">—</span>', "")) for cell in cells
        )
        rows.append(tuple(" ".join(t.split()) for t in text))
    return rows


def chart_svg(page: str) -> str:
    encoded = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', page).group(1)
    return base64.b64decode(encoded).decode()


def test_a_consultant_sees_the_two_latest_moments_compared_and_no_justitie(
    client, de_vries, jan, jan_measured
):
    client.force_login(User.objects.get(username="consulent"))
    response = client.get(url(de_vries, jan))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "ZRM-verloop van Jan de Vries" in page
    assert "Justitie" not in page, "criminal-offence data only for roles that need it"
    assert comparison_table(page) == [
        ("Financiën", "niet beoordeeld", "2 niet zelfredzaam", "niet beoordeeld"),
        ("Werk en opleiding", "2 niet zelfredzaam", "3 beperkt zelfredzaam", "verbeterd"),
        ("Tijdsbesteding", "niet gekozen", "3 beperkt zelfredzaam", "niet beoordeeld"),
        ("Basale ADL", "4 voldoende zelfredzaam", "niet gekozen", "niet beoordeeld"),
    ]
    svg = chart_svg(page)
    assert svg.startswith("<svg")
    for name in ("Financiën", "Werk en opleiding", "Tijdsbesteding", "Basale ADL"):
        assert f">{name}</text>" in svg
    assert "Justitie" not in svg
    assert 'alt="Grafiek: per leefgebied de score op 01-10-2024' in page
    assert "Verbeterd: Werk en opleiding." in page


def test_the_history_table_lines_up_versions_and_shows_every_moment_newest_first(
    client, de_vries, jan, jan_measured
):
    client.force_login(User.objects.get(username="consulent"))
    page = client.get(url(de_vries, jan)).content.decode()
    table = page.split('id="moments-caption"', 1)[1].split("</table>", 1)[0]
    headers = [
        " ".join(re.sub(r"<[^>]+>", "", h).split()) for h in re.findall(r'scope="col">(.*?)</th>', table)
    ]
    assert headers == [
        "Datum",
        "Versie",
        "Financiën",
        "Werk en opleiding (eerder: Dagbesteding)",
        "Tijdsbesteding",
        "Activiteiten Dagelijks Leven (ADL)",
        "Basale ADL",
    ]
    dates = re.findall(r"(\d\d-\d\d-\d{4})<span class=\"stuurman-visually-hidden\">, gesprek", table)
    assert dates == ["03-04-2025", "01-10-2024", "12-04-2016"]
    assert "niet beoordeeld" in table


def test_comparing_across_versions_follows_the_continuation_and_refuses_the_adl_split(
    client, de_vries, jan, jan_measured
):
    first, _, third = jan_measured
    client.force_login(User.objects.get(username="consulent"))
    # Chosen the wrong way round: the page puts them in date order.
    page = client.get(url(de_vries, jan, van=third.pk, tot=first.pk)).content.decode()
    assert comparison_table(page) == [
        ("Financiën", "2 niet zelfredzaam", "2 niet zelfredzaam", "gelijk"),
        ("Werk en opleiding (was: Dagbesteding)", "2 niet zelfredzaam", "3 beperkt zelfredzaam", "verbeterd"),
        (
            "Tijdsbesteding",
            "niet gekozen",
            "3 beperkt zelfredzaam",
            "niet te vergelijken: leefgebied gesplitst of nieuw",
        ),
        (
            "Activiteiten Dagelijks Leven (ADL)",
            "3 beperkt zelfredzaam",
            "niet gekozen",
            "niet te vergelijken: leefgebied gesplitst of nieuw",
        ),
    ]


def test_a_coordinator_sees_justitie_in_the_table_the_comparison_and_the_chart(
    client, de_vries, jan, jan_measured
):
    client.force_login(User.objects.get(username="regisseur"))
    page = client.get(url(de_vries, jan)).content.decode()
    assert ("Justitie", "2 niet zelfredzaam", "2 niet zelfredzaam", "gelijk") in comparison_table(page)
    assert ">Justitie</text>" in chart_svg(page)
    assert "Justitie</th>" in page.split('id="moments-caption"', 1)[1].split("</thead>", 1)[0]


def test_reading_the_history_is_logged_once_with_the_person_and_the_moments(
    client, de_vries, jan, jan_measured
):
    client.force_login(User.objects.get(username="consulent"))
    before = AccessLog.objects.count()
    client.get(url(de_vries, jan))
    assert AccessLog.objects.count() == before + 1
    entry = AccessLog.objects.latest("id")
    assert (entry.action, entry.object_type, entry.person_ids) == ("read", "assessment", [jan.pk])
    assert entry.object_ids == sorted(a.pk for a in jan_measured)
    assert entry.username == "consulent"


def test_someone_not_involved_gets_404_and_nothing_is_logged(client, de_vries, jan, jan_measured):
    outsider = User.objects.create(username="buiten", municipality=de_vries.municipality)
    outsider.groups.add(User.objects.get(username="consulent").groups.get())
    client.force_login(outsider)
    before = AccessLog.objects.count()
    assert client.get(url(de_vries, jan)).status_code == 404
    assert AccessLog.objects.count() == before


def test_a_person_outside_the_household_gets_404(client, de_vries, jan_measured):
    riek = Person.objects.get(first_names="Riek", surname="Bakker")
    client.force_login(User.objects.get(username="consulent"))
    assert client.get(url(de_vries, riek)).status_code == 404


def test_a_former_member_keeps_a_history_page_and_other_households_moments_stay_out(
    client, de_vries, jan, jan_measured
):
    jan.memberships.filter(household=de_vries).update(until=date.today() - timedelta(days=1))
    bakker = Household.objects.get(name="Huishouden Bakker")
    elsewhere = measure(bakker, jan, date(2025, 6, 1), "2017", finances=5)
    client.force_login(User.objects.get(username="consulent"))
    page = client.get(url(de_vries, jan)).content.decode()
    assert "3 momenten" in page
    assert "01-06-2025" not in page
    assert elsewhere.pk not in AccessLog.objects.latest("id").object_ids
    household_page = client.get(reverse("files:household", kwargs={"household_id": de_vries.pk}))
    assert url(de_vries, jan) in household_page.content.decode(), "the former member's history is linked"


def test_empty_states_for_no_and_for_one_moment(client, de_vries, jan):
    client.force_login(User.objects.get(username="consulent"))
    page = client.get(url(de_vries, jan)).content.decode()
    assert "nog geen ZRM gescoord" in page
    assert "Er is nog niets te vergelijken." in page
    assert "<img" not in page
    measure(de_vries, jan, date(2025, 4, 3), "2017", finances=2)
    page = client.get(url(de_vries, jan)).content.decode()
    assert "Er is één moment. Om te vergelijken zijn er twee nodig." in page
    assert "2 niet zelfredzaam" in page
    assert 'name="van"' not in page


def test_a_moment_that_is_not_this_persons_is_refused_with_a_message(client, de_vries, jan, jan_measured):
    els = de_vries.members.get(first_names="Els")
    hers = measure(de_vries, els, date(2025, 1, 1), "2017", finances=4)
    client.force_login(User.objects.get(username="consulent"))
    response = client.get(url(de_vries, jan, van=hers.pk, tot=jan_measured[0].pk))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies een moment uit de lijst." in page
    assert "stuurman-comparison__table" not in page
    same = client.get(url(de_vries, jan, van=jan_measured[0].pk, tot=jan_measured[0].pk))
    assert "Kies twee verschillende momenten." in same.content.decode()


def test_the_household_page_links_each_members_history(client, de_vries, jan):
    client.force_login(User.objects.get(username="consulent"))
    page = client.get(reverse("files:household", kwargs={"household_id": de_vries.pk})).content.decode()
    for member in de_vries.members.all():
        assert url(de_vries, member) in page


def test_the_number_of_queries_does_not_grow_with_the_number_of_moments(
    client, de_vries, jan, django_assert_max_num_queries
):
    client.force_login(User.objects.get(username="regisseur"))
    for month in range(1, 3):
        measure(de_vries, jan, date(2024, month, 1), "2017", finances=2, work=3, justice=1)
    client.get(url(de_vries, jan))  # warm the session and permission caches the same way both times
    with django_assert_max_num_queries(20) as few:
        assert client.get(url(de_vries, jan)).status_code == 200
    for day in range(1, 29):
        measure(de_vries, jan, date(2025, 1, day), "2017", finances=day % 5 + 1, housing=3, justice=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url(de_vries, jan, pagina=2)).content.decode()
    assert "Pagina 2 van 3" in page


def test_the_chart_is_an_svg_with_the_domain_names_rendered_without_network():
    from stuurman.assessment.history import NOT_COMPARABLE, Row
    from stuurman.assessment.history_chart import comparison_spec

    rows = [
        Row("Financiën", "Inkomen", 1, 4, True, True, "verbeterd"),
        Row("Basale ADL", "", None, 3, False, True, NOT_COMPARABLE),
    ]
    svg = charts.svg(comparison_spec(rows, "van: 01-01-2024", "tot: 01-01-2025"))
    assert svg.startswith("<svg")
    assert ">Financiën</text>" in svg
    assert ">Basale ADL</text>" in svg
    assert ">van: 01-01-2024</text>" in svg
    assert "style=" not in svg, "the page's CSP allows no inline styles"
