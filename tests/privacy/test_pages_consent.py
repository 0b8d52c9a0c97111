"""Consent and sharing pages of a household file: reading is logged, refusals are Dutch and specific."""

import pytest
from django.urls import reverse

from stuurman.privacy.models import AccessLog, Consent, SharingDecision

from . import factories

pytestmark = pytest.mark.django_db

ORG = "Schuldhulp Rivierenland"


@pytest.fixture
def world():
    where = factories.municipality()
    team = factories.team(where, "Team A")
    consultant = factories.user(where, "consultant", teams=[team], username="sanne")
    home = factories.household(where, surname="Toestemming", members=2)
    factories.involve(home, by=consultant, team=team)
    return {
        "where": where,
        "consultant": consultant,
        "home": home,
        "person": home.members.order_by("pk").first(),
    }


def url(name, world, **kwargs):
    return reverse(f"privacy:{name}", kwargs={"household_id": world["home"].pk, **kwargs})


def consent_data(world, **data):
    fields = {
        "person": world["person"].pk,
        "organisation": ORG,
        "purpose": "schuldhulp",
        "given_on": "2026-03-01",
    }
    return {f"toestemming-{key}": value for key, value in {**fields, **data}.items()}


def sharing_data(world, **data):
    fields = {
        "person": world["person"].pk,
        "organisation": ORG,
        "data": "inkomen en schulden",
        "purpose": "aanmelding",
        "necessity": "nodig voor de aanmelding",
        "proportionality": "alleen financiële gegevens",
        "subsidiarity": "kan niet zonder",
        "ground": "consent",
        "consent": "",
        "decided_on": "2026-03-02",
    }
    return {f"delen-{key}": value for key, value in {**fields, **data}.items()}


def test_the_page_lists_consents_and_its_reading_is_logged(client, world):
    Consent.objects.create(
        municipality=world["where"],
        person=world["person"],
        organisation="GGD",
        purpose="jeugdgezondheidszorg",
        given_on="2026-01-01",
        recorded_by=world["consultant"],
    )
    client.force_login(world["consultant"])

    page = client.get(url("consents", world)).content.decode()

    assert "delen met GGD voor jeugdgezondheidszorg" in page
    read = AccessLog.objects.get()
    assert (read.action, read.object_ids) == ("read", [world["home"].pk])
    assert sorted(read.person_ids) == sorted(world["home"].members.values_list("pk", flat=True))


def test_recording_and_withdrawing_consent(client, world):
    client.force_login(world["consultant"])
    assert client.post(url("consent_new", world), consent_data(world)).status_code == 302
    given = Consent.objects.get()
    assert (given.organisation, given.recorded_by) == (ORG, world["consultant"])

    withdraw = url("consent_withdraw", world, consent_id=given.pk)
    client.post(withdraw, {"withdrawn_on": "2026-02-01"}, follow=True)
    given.refresh_from_db()
    assert given.withdrawn_on is None
    response = client.post(withdraw, {"withdrawn_on": "2026-02-01"}, follow=True)
    assert "Intrekken kan niet vóór de datum waarop de toestemming is gegeven." in response.content.decode()

    client.post(withdraw, {"withdrawn_on": "2026-04-01"})
    given.refresh_from_db()
    assert str(given.withdrawn_on) == "2026-04-01"


def test_consent_only_for_a_current_member(client, world):
    stranger = factories.household(world["where"], surname="Vreemd").members.first()
    client.force_login(world["consultant"])
    response = client.post(url("consent_new", world), consent_data(world, person=stranger.pk))
    assert response.status_code == 400
    assert not Consent.objects.exists()


def test_ground_consent_without_a_valid_consent_is_refused_at_the_field(client, world):
    client.force_login(world["consultant"])

    response = client.post(url("sharing_new", world), sharing_data(world))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies bij de grondslag toestemming een geldige toestemming" in page
    assert 'id="id_delen-consent_error"' in page
    assert "sharing_consent_when_ground" not in page
    assert not SharingDecision.objects.exists()


def test_ground_consent_with_a_consent_of_another_organisation_is_refused(client, world):
    client.force_login(world["consultant"])
    client.post(url("consent_new", world), consent_data(world, organisation="GGD"))
    ggd = Consent.objects.get()
    response = client.post(url("sharing_new", world), sharing_data(world, consent=ggd.pk))
    assert response.status_code == 400
    assert not SharingDecision.objects.exists()


def test_a_sharing_decision_on_consent_and_on_public_task(client, world):
    client.force_login(world["consultant"])
    client.post(url("consent_new", world), consent_data(world))
    given = Consent.objects.get()

    assert client.post(url("sharing_new", world), sharing_data(world, consent=given.pk)).status_code == 302
    public = sharing_data(world, ground="public_task", organisation="GGD")
    assert client.post(url("sharing_new", world), public).status_code == 302

    assert sorted(SharingDecision.objects.values_list("organisation", "ground")) == [
        ("GGD", "public_task"),
        (ORG, "consent"),
    ]
    assert "grondslag publieke taak" in client.get(url("consents", world)).content.decode()


def test_someone_not_involved_gets_not_found_and_a_role_without_files_is_refused(client, world):
    client.force_login(factories.user(world["where"], "consultant"))
    assert client.get(url("consents", world)).status_code == 404
    client.force_login(factories.user(world["where"], "privacy_officer"))
    assert client.get(url("consents", world)).status_code == 403
    assert not AccessLog.objects.exists()
