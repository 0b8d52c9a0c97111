"""Breaking the glass through the pages, the banner on every page while it runs, and the officer's queue."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from stuurman.privacy.context_processors import emergency as banner_context
from stuurman.privacy.models import AccessLog, EmergencyAccess

from . import factories

pytestmark = pytest.mark.django_db

REASON = "Politie meldt acute zorgen om de kinderen; gezin nog niet bekend."
NEW = reverse("privacy:break_glass")
QUEUE = reverse("privacy:emergency_queue")


@pytest.fixture
def world():
    where = factories.municipality()
    return {
        "where": where,
        "consultant": factories.user(where, "consultant", username="sanne"),
        "officer": factories.user(where, "privacy_officer", username="ruud"),
        "home": factories.household(where, surname="Noodgeval", members=2),
    }


def take(client, world, reason=REASON, hours="2"):
    return client.post(NEW, {"bsn": world["home"].members.first().bsn, "reason": reason, "hours": hours})


def test_the_form_offers_one_to_eight_hours_with_four_preselected(client, world):
    client.force_login(world["consultant"])
    form = client.get(NEW).context["form"]
    assert [value for value, _ in form.fields["hours"].choices] == [1, 2, 4, 8]
    assert form["hours"].value() == 4


def test_a_short_reason_is_refused_in_dutch(client, world):
    client.force_login(world["consultant"])
    response = take(client, world, reason="even kijken")
    assert response.status_code == 400
    assert "Beschrijf de reden in minstens 20 tekens." in response.content.decode()
    assert not EmergencyAccess.objects.exists()


def test_taking_access_leads_to_the_household_and_the_banner_shows_until_it_ends(client, world):
    client.force_login(world["consultant"])
    response = take(client, world, hours="2")
    access = EmergencyAccess.objects.get()
    assert response["Location"] == reverse("files:household", kwargs={"household_id": world["home"].pk})
    assert access.expires_at - access.started_at == timedelta(hours=2)

    home = client.get(reverse("home")).content.decode()
    until = timezone.localtime(access.expires_at).strftime("%H:%M")
    assert f"<strong>Noodtoegang actief</strong> tot {until} voor" in home
    assert "Huishouden Noodgeval" in home
    assert reverse("privacy:end_emergency", kwargs={"access_id": access.pk}) in home

    client.post(reverse("privacy:end_emergency", kwargs={"access_id": access.pk}))
    access.refresh_from_db()
    assert access.ended_at is not None
    assert "Noodtoegang actief" not in client.get(reverse("home")).content.decode()


def test_no_banner_once_the_period_is_over(client, world):
    factories.emergency(world["home"], world["consultant"], started_hours_ago=3, hours=2)
    client.force_login(world["consultant"])
    assert "Noodtoegang actief" not in client.get(reverse("home")).content.decode()


def test_the_banner_costs_one_query_and_none_without_the_permission(world, django_assert_num_queries):
    factories.emergency(world["home"], world["consultant"])
    request = RequestFactory().get("/")

    request.user = world["consultant"]
    request.user.has_perm("privacy.break_glass")  # permissions are cached per request by the shell already
    with django_assert_num_queries(1):
        assert len(banner_context(request)["running_emergencies"]) == 1

    request.user = world["officer"]
    request.user.has_perm("privacy.break_glass")
    with django_assert_num_queries(0):
        assert banner_context(request) == {}

    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert banner_context(request) == {}


def test_nobody_ends_someone_elses_access(client, world):
    access = factories.emergency(world["home"], world["consultant"])
    client.force_login(factories.user(world["where"], "consultant"))
    assert client.post(reverse("privacy:end_emergency", kwargs={"access_id": access.pk})).status_code == 404
    access.refresh_from_db()
    assert access.ended_at is None


@pytest.mark.parametrize("role", ["privacy_officer", "policy_advisor", "front_door"])
def test_roles_without_the_permission_cannot_break_the_glass(client, world, role):
    client.force_login(factories.user(world["where"], role))
    assert client.get(NEW).status_code == 403
    assert take(client, world).status_code == 403


def test_the_queue_shows_pending_accesses_oldest_first_and_logs_the_read(client, world):
    newer = factories.emergency(world["home"], world["consultant"], started_hours_ago=1)
    older = factories.emergency(world["home"], world["consultant"], started_hours_ago=20, hours=1)
    factories.emergency(world["home"], world["consultant"], started_hours_ago=40, verdict="justified")
    client.force_login(world["officer"])

    response = client.get(QUEUE)

    assert list(response.context["page"].object_list) == [older, newer]
    page = response.content.decode()
    assert "Huishouden Noodgeval" in page
    assert "sanne" in page
    assert "loopt nog" in page
    read = AccessLog.objects.get(action="read")
    assert (read.object_type, sorted(read.object_ids)) == ("emergencyaccess", sorted([older.pk, newer.pk]))
    assert sorted(read.person_ids) == sorted(world["home"].members.values_list("pk", flat=True))


def test_a_justified_verdict_through_the_page(client, world):
    access = factories.emergency(world["home"], world["consultant"])
    client.force_login(world["officer"])
    url = reverse("privacy:review_emergency", kwargs={"access_id": access.pk})

    response = client.post(url, {"verdict": "justified", "note": ""})

    assert response.status_code == 302
    access.refresh_from_db()
    assert (access.verdict, access.ended_at) == ("justified", None)
    assert "Er wacht geen noodtoegang op beoordeling." in client.get(QUEUE).content.decode()


def test_an_unjustified_verdict_needs_a_note_and_ends_the_access(client, world):
    access = factories.emergency(world["home"], world["consultant"])
    client.force_login(world["officer"])
    url = reverse("privacy:review_emergency", kwargs={"access_id": access.pk})

    refused = client.post(url, {"verdict": "unjustified", "note": ""})
    assert refused.status_code == 400
    assert "Licht toe waarom de noodtoegang onterecht was." in refused.content.decode()

    client.post(url, {"verdict": "unjustified", "note": "Had via de teamleider gekund."})
    access.refresh_from_db()
    assert access.verdict == "unjustified"
    assert access.ended_at is not None
    client.force_login(world["consultant"])
    assert "Noodtoegang actief" not in client.get(reverse("home")).content.decode()


def test_the_officer_sees_and_judges_only_their_own_municipality(client, world):
    elsewhere = factories.municipality("Elders", "GM9951")
    theirs = factories.emergency(factories.household(elsewhere), factories.user(elsewhere, "consultant"))
    client.force_login(world["officer"])
    assert theirs not in client.get(QUEUE).context["page"].object_list
    url = reverse("privacy:review_emergency", kwargs={"access_id": theirs.pk})
    assert client.post(url, {"verdict": "justified"}).status_code == 404


@pytest.mark.parametrize("role", ["consultant", "team_lead", "functional_admin"])
def test_only_the_privacy_officer_judges(client, world, role):
    access = factories.emergency(world["home"], world["consultant"])
    client.force_login(factories.user(world["where"], role))
    assert client.get(QUEUE).status_code == 403
    url = reverse("privacy:review_emergency", kwargs={"access_id": access.pk})
    assert client.post(url, {"verdict": "justified"}).status_code == 403
