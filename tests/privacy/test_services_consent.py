"""Consent and sharing decisions: who may consent, withdrawing, the triage rule, and may_share."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from stuurman.privacy import consent
from stuurman.privacy.models import AccessLog, Consent, SharingDecision

from . import factories

pytestmark = pytest.mark.django_db

ORG = "Schuldhulp Rivierenland"


def as_request(user):
    request = RequestFactory().post("/")
    request.user = user
    return request


@pytest.fixture
def world():
    where = factories.municipality()
    team = factories.team(where, "Team A")
    consultant = factories.user(where, "consultant", teams=[team], username="sanne")
    home = factories.household(where, surname="Deel", members=2)
    return {
        "where": where,
        "request": as_request(consultant),
        "home": home,
        "person": home.members.order_by("pk").first(),
        "grant": factories.involve(home, by=consultant, team=team),
    }


def give(world, given_on=date(2026, 3, 1), organisation=ORG, person=None):
    record = Consent(
        person=person or world["person"], organisation=organisation, purpose="schuldhulp", given_on=given_on
    )
    return consent.record_consent(world["request"], world["home"], record, world["grant"])


def decide(world, ground, on=date(2026, 3, 2), given=None, organisation=ORG):
    decision = SharingDecision(
        person=world["person"],
        organisation=organisation,
        data="inkomen en schulden",
        purpose="aanmelding schuldhulp",
        necessity="nodig voor de aanmelding",
        proportionality="alleen financiële gegevens",
        subsidiarity="de inwoner kan het niet zelf aanleveren",
        ground=ground,
        consent=given,
        decided_on=on,
    )
    return consent.record_sharing(world["request"], world["home"], decision, world["grant"])


def test_recording_consent_is_logged_with_the_person(world):
    given = give(world)
    assert (given.recorded_by.username, given.municipality) == ("sanne", world["where"])
    row = AccessLog.objects.get()
    assert (row.action, row.person_ids, row.involvement_id) == (
        "update",
        [world["person"].pk],
        world["grant"].pk,
    )


def test_only_a_current_member_of_the_household_can_be_recorded(world):
    stranger = factories.household(world["where"], surname="Vreemd").members.first()
    with pytest.raises(ValidationError, match="hoort nu niet bij dit huishouden"):
        give(world, person=stranger)
    assert not Consent.objects.exists()


def test_withdrawing_not_before_it_was_given_and_only_once(world):
    given = give(world)
    request, home, grant = world["request"], world["home"], world["grant"]
    with pytest.raises(ValidationError, match="vóór de datum"):
        consent.withdraw_consent(request, home, given, date(2026, 2, 28), grant)
    consent.withdraw_consent(request, home, given, date(2026, 3, 1), grant)
    given.refresh_from_db()
    assert given.withdrawn_on == date(2026, 3, 1)
    with pytest.raises(ValidationError, match="al ingetrokken"):
        consent.withdraw_consent(request, home, given, date(2026, 4, 1), grant)


def test_ground_consent_needs_a_consent_in_force_of_this_person_for_this_organisation(world):
    with pytest.raises(ValidationError, match="geldige toestemming"):
        decide(world, SharingDecision.Ground.CONSENT, given=None)
    other_org = give(world, organisation="GGD")
    with pytest.raises(ValidationError, match="geldige toestemming"):
        decide(world, SharingDecision.Ground.CONSENT, given=other_org)
    later = give(world, given_on=date(2026, 6, 1))
    with pytest.raises(ValidationError, match="geldige toestemming"):
        decide(world, SharingDecision.Ground.CONSENT, on=date(2026, 5, 1), given=later)
    assert not SharingDecision.objects.exists()

    decision = decide(world, SharingDecision.Ground.CONSENT, on=date(2026, 6, 1), given=later)
    assert decision.decided_by.username == "sanne"


def test_a_consent_is_attached_only_to_ground_consent(world):
    given = give(world)
    with pytest.raises(ValidationError, match="alleen een toestemming"):
        decide(world, SharingDecision.Ground.PUBLIC_TASK, given=given)


def test_may_share_on_a_legal_ground_from_the_decision_on(world):
    decision = decide(world, SharingDecision.Ground.LEGAL_OBLIGATION, on=date(2026, 3, 2))
    person = world["person"]
    assert consent.may_share(person, ORG, date(2026, 3, 1)) is None
    assert consent.may_share(person, ORG.upper(), date(2026, 3, 2)) == decision
    assert consent.may_share(person, f" {ORG} ", date(2030, 1, 1)) == decision
    assert consent.may_share(person, "GGD", date(2026, 3, 2)) is None
    other = world["home"].members.exclude(pk=person.pk).first()
    assert consent.may_share(other, ORG, date(2026, 3, 2)) is None


def test_may_share_on_consent_only_while_the_consent_holds(world):
    given = give(world, given_on=date(2026, 3, 1))
    decision = decide(world, SharingDecision.Ground.CONSENT, on=date(2026, 3, 2), given=given)
    consent.withdraw_consent(world["request"], world["home"], given, date(2026, 5, 1), world["grant"])
    person = world["person"]
    assert consent.may_share(person, ORG, date(2026, 4, 30)) == decision
    assert consent.may_share(person, ORG, date(2026, 5, 1)) is None


def test_may_share_prefers_the_latest_decision(world):
    decide(world, SharingDecision.Ground.PUBLIC_TASK, on=date(2026, 1, 1))
    latest = decide(world, SharingDecision.Ground.LEGAL_OBLIGATION, on=date(2026, 2, 1))
    assert consent.may_share(world["person"], ORG, date(2026, 3, 1)) == latest


def test_every_write_is_one_log_row(world):
    given = give(world)
    decide(world, SharingDecision.Ground.CONSENT, given=given)
    consent.withdraw_consent(world["request"], world["home"], given, date(2026, 4, 1), world["grant"])
    purposes = list(AccessLog.objects.order_by("id").values_list("purpose", flat=True))
    assert purposes == [
        f"Toestemming vastgelegd voor delen met {ORG}",
        f"Besluit gegevensdeling met {ORG}",
        f"Toestemming ingetrokken voor {ORG}",
    ]
