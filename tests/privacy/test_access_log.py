"""The access log: one insert per event, a hash chain the database links, and no way to rewrite it."""

import itertools

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from stuurman.privacy import chain, log
from stuurman.privacy.models import AccessLog

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_by():
    def make(user, path="/huishoudens/1/"):
        request = RequestFactory().get(path, REMOTE_ADDR="10.0.0.7")
        request.user = user
        return request

    return make


@pytest.fixture
def consultant():
    where = factories.municipality()
    return factories.user(where, "consultant", teams=[factories.team(where, "Team A")])


def write_rows(request, how_many):
    home = factories.household(request.user.municipality, members=3)
    persons = list(home.members.all())
    return [
        log.record(
            request,
            log.Action.READ,
            purpose=f"test {n}",
            persons=persons,
            objects=[home],
            object_type="household",
        )
        for n in range(how_many)
    ]


def test_one_event_is_one_insert_whatever_it_shows(consultant, request_by):
    request = request_by(consultant)
    home = factories.household(consultant.municipality, members=6)
    persons = list(home.members.all())
    consultant.primary_role  # noqa: B018  (the shell has loaded it by the time a view logs)
    with CaptureQueriesContext(connection) as queries:
        log.record(request, log.Action.SEARCH, purpose="zoeken", persons=persons)
    writes = [
        q["sql"] for q in queries.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert len(writes) == 1
    assert writes[0].lstrip().upper().startswith("INSERT")
    row = AccessLog.objects.get()
    assert row.person_ids == sorted(p.pk for p in persons)
    assert (row.username, row.role, row.access_point) == (
        consultant.username,
        "Consulent",
        "10.0.0.7 GET /huishoudens/1/",
    )


def test_the_database_links_the_chain_as_the_python_walker_expects(consultant, request_by):
    rows = write_rows(request_by(consultant), 5)
    stored = list(AccessLog.objects.order_by("id"))
    assert stored[0].previous_hash == ""
    for earlier, later in itertools.pairwise(stored):
        assert later.previous_hash == earlier.hash
    assert all(row.hash == chain.link(row.previous_hash, row.content_digest) for row in stored)
    assert chain.first_break(log.chain_rows()) == (None, len(rows))


@pytest.mark.parametrize(
    "statement", ["UPDATE privacy_accesslog SET purpose = 'anders'", "DELETE FROM privacy_accesslog"]
)
def test_the_database_refuses_to_change_or_delete_log_rows(consultant, request_by, statement):
    write_rows(request_by(consultant), 2)
    with (
        pytest.raises(DatabaseError, match="alleen aan te vullen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert AccessLog.objects.count() == 2


def tamper(sql, params=()):
    """As a superuser with the guard switched off, the way an attacker with database access would."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE privacy_accesslog DISABLE TRIGGER privacy_accesslog_append_only")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE privacy_accesslog ENABLE TRIGGER privacy_accesslog_append_only")


def test_verify_log_reports_an_intact_chain(consultant, request_by, capsys):
    write_rows(request_by(consultant), 4)
    call_command("verify-log")
    assert "intact: 4 regels" in capsys.readouterr().out


def test_verify_log_names_a_changed_row(consultant, request_by):
    rows = write_rows(request_by(consultant), 5)
    tamper("UPDATE privacy_accesslog SET username = 'iemand-anders' WHERE id = %s", [rows[2].pk])
    with pytest.raises(CommandError, match=rf"regel {rows[2].pk}: de inhoud is gewijzigd") as broken:
        call_command("verify-log")
    assert broken.value.returncode == 1


def test_verify_log_names_a_row_whose_digest_was_forged_too(consultant, request_by):
    rows = write_rows(request_by(consultant), 4)
    forged = AccessLog.objects.get(pk=rows[1].pk)
    forged.purpose = "verzonnen doel"
    digest = chain.content_digest({f: getattr(forged, f) for f in chain.CONTENT_FIELDS})
    tamper(
        "UPDATE privacy_accesslog SET purpose = %s, content_digest = %s WHERE id = %s",
        [forged.purpose, digest, forged.pk],
    )
    with pytest.raises(CommandError, match=rf"regel {rows[1].pk}: de ketenhash klopt niet"):
        call_command("verify-log")


def test_verify_log_names_the_row_after_a_deleted_one(consultant, request_by):
    rows = write_rows(request_by(consultant), 4)
    tamper("DELETE FROM privacy_accesslog WHERE id = %s", [rows[1].pk])
    with pytest.raises(CommandError, match=rf"regel {rows[2].pk}: de schakel met de vorige regel ontbreekt"):
        call_command("verify-log")


def test_log_rows_can_be_found_by_person(consultant, request_by):
    request = request_by(consultant)
    one, other = factories.household(consultant.municipality), factories.household(consultant.municipality)
    log.record(request, log.Action.READ, purpose="a", persons=one.members.all())
    log.record(request, log.Action.READ, purpose="b", persons=other.members.all())
    person = one.members.get()
    assert list(AccessLog.objects.filter(log.mentioning(person.pk)).values_list("purpose", flat=True)) == [
        "a"
    ]


def test_chain_walker_in_pure_python():
    rows, previous = [], ""
    for n in range(3):
        values = dict.fromkeys(chain.CONTENT_FIELDS, n)
        digest = chain.content_digest(values)
        current = chain.link(previous, digest)
        rows.append(chain.Row(n, values, digest, previous, current))
        previous = current
    assert chain.first_break(rows) == (None, 3)
    rows[1] = chain.Row(
        1, {**rows[1].values, "purpose": "x"}, rows[1].content_digest, rows[1].previous_hash, rows[1].hash
    )
    assert chain.first_break(rows)[0].row_id == 1
