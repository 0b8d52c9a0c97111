"""The privacy officer's log search: filters by person, user, period and action, newest first, 50 a
page, only their municipality, and every search is itself exactly one log row."""

from datetime import datetime
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from stuurman.privacy import log
from stuurman.privacy.models import AccessLog

from . import factories

pytestmark = pytest.mark.django_db

URL = reverse("privacy:log")


def at(day, hour=12):
    return datetime(2026, 3, day, hour, 0, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def world():
    where = factories.municipality()
    return {
        "where": where,
        "sanne": factories.user(where, "consultant", username="sanne"),
        "petra": factories.user(where, "team_lead", username="petra"),
        "officer": factories.user(where, "privacy_officer", username="ruud"),
        "home": factories.household(where, surname="Logboek", members=2),
        "other": factories.household(where, surname="Ander"),
    }


def write(monkeypatch, user, when, action, purpose, persons=()):
    """A log row at a chosen moment: log.record stamps the time itself, so its clock is set here."""
    monkeypatch.setattr(log, "timezone", SimpleNamespace(now=lambda: when))
    request = RequestFactory().get("/huishoudens/1/")
    request.user = user
    log.record(request, action, purpose=purpose, persons=persons)
    monkeypatch.undo()


@pytest.fixture
def rows(monkeypatch, world):
    members = list(world["home"].members.all())
    write(monkeypatch, world["sanne"], at(1), log.Action.READ, "dossier 1 maart", members)
    write(monkeypatch, world["petra"], at(2), log.Action.SEARCH, "zoeken 2 maart", members)
    write(
        monkeypatch,
        world["sanne"],
        at(3, 23),
        log.Action.READ,
        "ander dossier 3 maart",
        world["other"].members.all(),
    )
    write(monkeypatch, world["sanne"], at(4, 0), log.Action.EXPORT, "export 4 maart", members[:1])
    return members


def search(client, **query):
    response = client.get(URL, query)
    page = response.context["page"]
    return [row.purpose for row in page.object_list] if page is not None else None


def test_filters_by_person_user_period_and_action_newest_first(client, world, rows):
    client.force_login(world["officer"])
    first, second = rows

    assert search(client) == ["export 4 maart", "ander dossier 3 maart", "zoeken 2 maart", "dossier 1 maart"]
    assert search(client, bsn=first.bsn) == ["export 4 maart", "zoeken 2 maart", "dossier 1 maart"]
    assert search(client, bsn=second.bsn) == ["zoeken 2 maart", "dossier 1 maart"]
    assert search(client, username="SANNE") == ["export 4 maart", "ander dossier 3 maart", "dossier 1 maart"]
    assert search(client, username="niemand") == []
    assert search(client, start="2026-03-02", end="2026-03-03") == ["ander dossier 3 maart", "zoeken 2 maart"]
    assert search(client, end="2026-03-01") == ["dossier 1 maart"]
    # Bounded: the officer's own searches (logged just now) fall after any open-ended start.
    assert search(client, start="2026-03-04", end="2026-03-31") == ["export 4 maart"]
    assert search(client, action="search") == ["zoeken 2 maart"]
    assert search(client, bsn=first.bsn, username="sanne", action="read") == ["dossier 1 maart"]


def test_each_search_writes_exactly_one_read_row_naming_the_searched_person(client, world, rows):
    client.force_login(world["officer"])
    person = rows[0]
    last = AccessLog.objects.order_by("-id").first().pk

    client.get(URL, {"bsn": person.bsn})

    new = AccessLog.objects.filter(pk__gt=last)
    assert new.count() == 1
    row = new.get()
    assert (row.action, row.object_type, row.username) == ("read", "accesslog", "ruud")
    assert row.person_ids == [person.pk]
    assert len(row.object_ids) == 3, "the ids of the log rows shown"

    client.get(URL, {"action": "read"})
    assert AccessLog.objects.filter(object_type="accesslog").last().person_ids == []


def test_a_refused_search_shows_nothing_and_logs_nothing(client, world, rows):
    client.force_login(world["officer"])
    before = AccessLog.objects.count()
    for query in ({"bsn": "123456789"}, {"start": "2026-03-05", "end": "2026-03-01"}, {"action": "weg"}):
        response = client.get(URL, query)
        assert response.status_code == 400
        assert response.context["page"] is None
    assert (
        "De einddatum ligt vóór de begindatum."
        in client.get(URL, {"start": "2026-03-05", "end": "2026-03-01"}).content.decode()
    )
    assert AccessLog.objects.count() == before


def test_fifty_rows_a_page(client, world):
    request = RequestFactory().get("/")
    request.user = world["sanne"]
    for n in range(51):
        log.record(request, log.Action.READ, purpose=f"regel {n}")
    client.force_login(world["officer"])

    first = client.get(URL).context["page"]
    second = client.get(URL, {"pagina": 2, "username": "sanne"}).context["page"]

    assert (len(first.object_list), first.paginator.count) == (50, 51)
    assert first.object_list[0].purpose == "regel 50"
    assert [row.purpose for row in second.object_list] == ["regel 0"]


def test_the_page_shows_who_what_why_and_the_persons_by_id_not_the_file(client, world, rows):
    client.force_login(world["officer"])
    page = client.get(URL, {"bsn": rows[0].bsn, "action": "search"}).content.decode()
    assert "petra" in page
    assert "Teamleider" in page
    assert "zoeken 2 maart" in page
    ids = sorted(person.pk for person in rows)
    assert f"id {ids[0]}, {ids[1]}" in page
    assert "GET /huishoudens/1/" in page
    assert rows[0].full_name not in page
    assert "/huishoudens/" not in page.replace("GET /huishoudens/1/", "")


def test_only_the_officers_own_municipality(client, world, rows):
    elsewhere = factories.municipality("Elders", "GM9951")
    stranger = factories.user(elsewhere, "consultant", username="elders")
    outside = factories.household(elsewhere, surname="Elders").members.first()
    request = RequestFactory().get("/")
    request.user = stranger
    log.record(request, log.Action.READ, purpose="elders gelezen", persons=[outside])
    client.force_login(world["officer"])

    assert "elders gelezen" not in search(client)
    response = client.get(URL, {"bsn": outside.bsn})
    assert "in uw gemeente geen persoon met dit BSN" in response.content.decode()


@pytest.mark.parametrize("role", ["consultant", "team_lead", "policy_advisor", "functional_admin"])
def test_only_the_privacy_officer_reads_the_log(client, world, role):
    client.force_login(factories.user(world["where"], role))
    assert client.get(URL).status_code == 403
    assert not AccessLog.objects.filter(object_type="accesslog").exists()
