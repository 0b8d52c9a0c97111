"""The privacy officer's log search (itself logged), consent and sharing, and what an inhabitant may
learn about consultations of their file."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from stuurman.privacy import consent, consultations, log
from stuurman.privacy.models import AccessLog, Consent, SharingDecision

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    where = factories.municipality()
    team_a = factories.team(where, "Team A")
    consultant = factories.user(where, "consultant", teams=[team_a], username="sanne")
    lead = factories.user(where, "team_lead", teams=[team_a], username="petra")
    home = factories.household(where, surname="Logboek", members=2)
    involvement = factories.involve(home, by=lead, team=team_a)
    return {
        "where": where,
        "consultant": consultant,
        "lead": lead,
        "officer": factories.user(where, "privacy_officer", username="ruud"),
        "home": home,
        "involvement": involvement,
    }


def as_request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_log_search_filters_by_person_user_action_and_period_and_is_logged(client, setting):
    home, other = setting["home"], factories.household(setting["where"], surname="Ander")
    person = home.members.first()
    log.record(
        as_request(setting["consultant"]), log.Action.READ, purpose="dossier", persons=home.members.all()
    )
    log.record(as_request(setting["lead"]), log.Action.SEARCH, purpose="zoeken", persons=home.members.all())
    log.record(
        as_request(setting["consultant"]),
        log.Action.READ,
        purpose="ander dossier",
        persons=other.members.all(),
    )
    client.force_login(setting["officer"])

    def rows(**query):
        page = client.get(reverse("privacy:log"), query).context["page"]
        return sorted(row.purpose for row in page.object_list)

    assert rows(bsn=person.bsn) == ["dossier", "zoeken"]
    assert rows(bsn=person.bsn, username="SANNE") == ["dossier"]
    assert rows(action="search") == ["zoeken"]
    tomorrow = date.today() + timedelta(days=1)
    assert rows(start=tomorrow.isoformat()) == []
    reads_of_the_log = AccessLog.objects.filter(object_type="accesslog")
    assert reads_of_the_log.count() == 4, "every search of the log is itself one log row"
    assert reads_of_the_log.filter(person_ids=[person.pk]).count() == 2


def test_log_search_refuses_a_bad_period(client, setting):
    client.force_login(setting["officer"])
    response = client.get(reverse("privacy:log"), {"start": "2026-05-02", "end": "2026-05-01"})
    assert "vóór de begindatum" in response.content.decode()


def test_only_the_privacy_officer_reads_the_log(client, setting):
    for user in (setting["consultant"], setting["lead"]):
        client.force_login(user)
        assert client.get(reverse("privacy:log")).status_code == 403


def test_consent_and_sharing_rules(setting):
    request, home = as_request(setting["consultant"]), setting["home"]
    person = home.members.first()
    given = consent.record_consent(
        request,
        home,
        Consent(
            person=person,
            organisation="Schuldhulp Rivierenland",
            purpose="schuldhulp",
            given_on=date(2026, 3, 1),
        ),
        setting["involvement"],
    )
    decision = SharingDecision(
        person=person,
        organisation="Schuldhulp Rivierenland",
        data="inkomen en schulden",
        purpose="aanmelding schuldhulp",
        necessity="nodig voor de aanmelding",
        proportionality="alleen financiële gegevens",
        subsidiarity="de inwoner kan het niet zelf",
        ground=SharingDecision.Ground.CONSENT,
        consent=given,
        decided_on=date(2026, 3, 2),
    )
    consent.record_sharing(request, home, decision, setting["involvement"])
    assert consent.may_share(person, "schuldhulp rivierenland", date(2026, 4, 1)) == decision
    assert consent.may_share(person, "Andere organisatie", date(2026, 4, 1)) is None

    with pytest.raises(ValidationError, match="vóór de datum"):
        consent.withdraw_consent(request, home, given, date(2026, 2, 1), setting["involvement"])
    consent.withdraw_consent(request, home, given, date(2026, 5, 1), setting["involvement"])
    assert consent.may_share(person, "Schuldhulp Rivierenland", date(2026, 4, 30)) == decision
    assert consent.may_share(person, "Schuldhulp Rivierenland", date(2026, 5, 1)) is None

    later = SharingDecision(
        **{f: getattr(decision, f) for f in ("person", "organisation", "data", "purpose", "necessity")},
        proportionality="x",
        subsidiarity="y",
        ground=SharingDecision.Ground.CONSENT,
        consent=given,
        decided_on=date(2026, 6, 1),
    )
    with pytest.raises(ValidationError, match="geldige toestemming"):
        consent.record_sharing(request, home, later, setting["involvement"])


def test_consent_pages_record_and_refuse_with_dutch_messages(client, setting):
    home = setting["home"]
    client.force_login(setting["consultant"])
    url = reverse("privacy:consent_new", kwargs={"household_id": home.pk})
    refused = client.post(
        url,
        {
            "toestemming-person": home.members.first().pk,
            "toestemming-organisation": "",
            "toestemming-purpose": "x",
            "toestemming-given_on": "",
        },
    )
    assert refused.status_code == 400
    assert "Dit veld is verplicht." in refused.content.decode()
    ok = client.post(
        url,
        {
            "toestemming-person": home.members.first().pk,
            "toestemming-organisation": "GGD",
            "toestemming-purpose": "jeugdzorg",
            "toestemming-given_on": "2026-01-05",
        },
    )
    assert ok.status_code == 302
    assert Consent.objects.get().recorded_by == setting["consultant"]
    outsider = factories.user(setting["where"], "consultant")
    client.force_login(outsider)
    assert client.get(reverse("privacy:consents", kwargs={"household_id": home.pk})).status_code == 404


def test_consultations_show_when_why_and_which_role_never_staff_names(setting):
    home = setting["home"]
    person = home.members.first()
    request = as_request(setting["consultant"])
    log.record(
        request,
        log.Action.READ,
        purpose="Betrokken (Team A): melding",
        persons=[person],
        grant=setting["involvement"],
    )
    seen = consultations.consultations_of(person)
    assert len(seen) == 1
    assert seen[0].purpose == "Betrokken (Team A): melding"
    assert seen[0].by == "Consulent, Team A"
    text = repr(seen) + repr(consultations.who_has_access(person))
    for name in ("sanne", "petra", setting["consultant"].get_full_name() or "sanne"):
        assert name not in text
    access = consultations.who_has_access(person)
    assert [a.who for a in access] == ["Team A"]
    factories.involve(home, by=setting["lead"], user=setting["consultant"], days_ago=5, ends_in_days=-1)
    assert [a.who for a in consultations.who_has_access(person)] == ["Team A"], (
        "ended involvements are not listed"
    )
    assert consultations.shared_with(person) == []
