"""Breaking the glass, its banner and its review; a team lead assigning households to their team."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from stuurman.privacy.models import AccessLog, EmergencyAccess, Involvement
from stuurman.privacy.policy import visible_households

from . import factories

pytestmark = pytest.mark.django_db

REASON = "Politie meldt acute zorgen om de kinderen; gezin is nog niet bij ons team bekend."


@pytest.fixture
def setting():
    where = factories.municipality()
    team_a = factories.team(where, "Team A")
    return {
        "where": where,
        "team_a": team_a,
        "consultant": factories.user(where, "consultant", teams=[team_a], username="consultant"),
        "lead": factories.user(where, "team_lead", teams=[team_a], username="lead"),
        "officer": factories.user(where, "privacy_officer", username="officer"),
        "home": factories.household(where, surname="Noodgeval", members=2),
    }


def break_glass(client, home, reason=REASON, hours=4):
    return client.post(
        reverse("privacy:break_glass"), {"bsn": home.members.first().bsn, "reason": reason, "hours": hours}
    )


def test_breaking_the_glass_needs_a_real_reason(client, setting):
    client.force_login(setting["consultant"])
    response = break_glass(client, setting["home"], reason="even kijken")
    assert response.status_code == 400
    assert "minstens 20 tekens" in response.content.decode()
    assert not EmergencyAccess.objects.exists()


def test_breaking_the_glass_opens_the_file_shows_a_banner_and_is_logged(client, setting):
    client.force_login(setting["consultant"])
    response = break_glass(client, setting["home"])
    household_url = reverse("files:household", kwargs={"household_id": setting["home"].pk})
    assert response.status_code == 302
    assert response["Location"] == household_url
    page = client.get(reverse("home")).content.decode()
    assert "Noodtoegang actief" in page
    assert client.get(household_url).status_code == 200
    assert AccessLog.objects.filter(action="emergency", emergency_access_id__isnull=False).count() == 1
    assert AccessLog.objects.get(action="read").purpose == f"Noodtoegang: {REASON}"


def test_emergency_access_expires_and_can_be_ended_early(client, setting):
    client.force_login(setting["consultant"])
    break_glass(client, setting["home"], hours=1)
    access = EmergencyAccess.objects.get()
    later = timezone.now() + timedelta(hours=1, minutes=1)
    assert set(visible_households(setting["consultant"], now=later)) == set()
    client.post(reverse("privacy:end_emergency", kwargs={"access_id": access.pk}))
    assert "Noodtoegang actief" not in client.get(reverse("home")).content.decode()
    assert (
        client.get(reverse("files:household", kwargs={"household_id": setting["home"].pk})).status_code == 404
    )


def test_privacy_officer_judges_and_an_unjustified_verdict_ends_access(client, setting):
    client.force_login(setting["consultant"])
    break_glass(client, setting["home"])
    access = EmergencyAccess.objects.get()
    client.force_login(setting["officer"])
    queue = client.get(reverse("privacy:emergency_queue")).content.decode()
    assert REASON in queue
    url = reverse("privacy:review_emergency", kwargs={"access_id": access.pk})
    refused = client.post(url, {"verdict": "unjustified", "note": ""})
    assert refused.status_code == 400
    assert "Licht toe" in refused.content.decode()
    client.post(url, {"verdict": "unjustified", "note": "Had via de teamleider gekund."})
    access.refresh_from_db()
    assert (access.verdict, access.reviewed_by) == ("unjustified", setting["officer"])
    assert access.ended_at is not None
    assert set(visible_households(setting["consultant"])) == set()
    assert REASON not in client.get(reverse("privacy:emergency_queue")).content.decode()


def test_staff_without_the_permission_cannot_break_the_glass(client, setting):
    client.force_login(setting["officer"])
    assert break_glass(client, setting["home"]).status_code == 403


def test_team_lead_assigns_a_household_to_their_team_and_can_end_it(client, setting):
    client.force_login(setting["lead"])
    bsn = setting["home"].members.first().bsn
    response = client.post(
        reverse("privacy:team"), {"team": setting["team_a"].pk, "bsn": bsn, "reason": "Melding school"}
    )
    assert response.status_code == 302
    involvement = Involvement.objects.get()
    assert (involvement.team, involvement.source, involvement.created_by) == (
        setting["team_a"],
        "team_lead",
        setting["lead"],
    )
    assert setting["home"] in visible_households(setting["consultant"])
    assert AccessLog.objects.filter(action="transfer").count() == 1

    again = client.post(
        reverse("privacy:team"), {"team": setting["team_a"].pk, "bsn": bsn, "reason": "Nog eens"}
    )
    assert "is al betrokken" in again.content.decode()
    assert Involvement.objects.count() == 1

    client.post(reverse("privacy:end_involvement", kwargs={"involvement_id": involvement.pk}))
    involvement.refresh_from_db()
    assert involvement.until is not None
    assert setting["home"] not in visible_households(setting["consultant"])


def test_team_lead_cannot_assign_to_a_team_of_which_they_are_not_a_member(client, setting):
    other_team = factories.team(setting["where"], "Team B")
    client.force_login(setting["lead"])
    bsn = setting["home"].members.first().bsn
    response = client.post(reverse("privacy:team"), {"team": other_team.pk, "bsn": bsn, "reason": "x"})
    assert response.status_code == 400
    assert not Involvement.objects.exists()


def test_unknown_bsn_gets_a_clear_message(client, setting):
    client.force_login(setting["lead"])
    response = client.post(
        reverse("privacy:team"), {"team": setting["team_a"].pk, "bsn": "123456782", "reason": "x"}
    )
    assert "geen persoon met dit BSN" in response.content.decode()
