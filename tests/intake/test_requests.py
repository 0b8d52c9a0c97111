"""Requests at the front door: registration, routing by area, the safety route, the team queue and the
warm hand-over."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from stuurman.accounts.models import Team, User
from stuurman.intake import deadlines
from stuurman.intake.models import Request, TeamAlert, Transfer
from stuurman.people.models import Person
from stuurman.privacy.models import AccessLog, Involvement

pytestmark = pytest.mark.django_db

PHONE = {
    "channel": "phone",
    "reporter": "inhabitant",
    "question": "Ik red het niet meer met de zorg voor mijn moeder.",
}


def register(client, **fields):
    return client.post(reverse("intake:register"), {**PHONE, "safety_concern": "False", **fields})


@pytest.fixture
def loket(client, demo_region):
    client.force_login(User.objects.get(username="loket"))
    return client


def test_a_phone_melding_for_someone_not_yet_known_stays_with_the_front_door(loket):
    response = register(loket, unknown_name="mevrouw Smit", unknown_contact="06-12345678", law="wmo")
    item = Request.objects.get()
    assert response["Location"] == reverse("intake:detail", kwargs={"request_id": item.pk})
    assert (item.responsible_team.name, item.status, item.person) == ("Loket Waalkant", "registered", None)
    assert (item.next_deadline, item.next_due) == (
        "Onderzoek afgerond",
        deadlines.wmo_after_melding(timezone.localdate())[2].due,
    )


def test_a_melding_for_a_known_household_is_routed_to_the_team_of_its_area(loket):
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    register(loket, bsn=jan.bsn)
    item = Request.objects.get()
    assert item.household.name == "Huishouden De Vries"
    assert (item.responsible_team.name, item.status) == ("Wijkteam Centrum-Noord", "routed")
    assert Involvement.objects.filter(
        household=item.household, source="request", team=item.responsible_team
    ).exists()


def test_a_yes_to_the_safety_question_is_a_crisis_and_alerts_the_team_at_once(loket):
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    register(loket, bsn=jan.bsn, safety_concern="True")
    item = Request.objects.get()
    assert (item.urgency, item.next_due) == ("crisis", timezone.localdate())
    alert = TeamAlert.objects.get()
    assert (alert.team, alert.request) == (item.responsible_team, item)
    page = loket.get(reverse("intake:detail", kwargs={"request_id": item.pk})).content.decode()
    assert "Veilig Thuis" in page


def test_a_melding_with_no_way_to_find_or_reach_the_person_is_refused(loket):
    response = register(loket)
    assert response.status_code == 400
    assert "kunnen vinden of bereiken" in response.content.decode()
    assert not Request.objects.exists()


def test_at_most_five_required_fields_for_a_phone_melding(loket):
    from stuurman.intake.forms import RegisterForm

    required = [name for name, field in RegisterForm(municipality=None).fields.items() if field.required]
    assert len(required) <= 5, required


@pytest.fixture
def routed(loket):
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    register(loket, bsn=jan.bsn, law="wmo")
    return Request.objects.get()


def test_the_team_queue_shows_the_request_with_its_deadline_and_others_do_not_see_it(client, routed):
    client.force_login(User.objects.get(username="consulent"))
    queue = client.get(reverse("intake:queue"))
    assert [r.pk for r in queue.context["page"].object_list] == [routed.pk]
    assert queue.context["counts"]["total"] == 1
    stranger = User.objects.create(username="vreemde", municipality=routed.municipality)
    stranger.groups.add(User.objects.get(username="consulent").groups.get())
    client.force_login(stranger)
    assert client.get(reverse("intake:detail", kwargs={"request_id": routed.pk})).status_code == 404
    assert client.get(reverse("intake:queue")).context["counts"]["total"] == 0


def test_warm_hand_over_keeps_the_sender_responsible_until_accepted(client, routed):
    consultant = User.objects.get(username="consulent")
    other = Team.objects.get(name="Wijkteam De Hoven")
    colleague = User.objects.create(username="hoven", municipality=routed.municipality)
    colleague.groups.add(consultant.groups.get())
    other.members.add(colleague)

    client.force_login(consultant)
    client.post(
        reverse("intake:hand_over", kwargs={"request_id": routed.pk}),
        {"to_team": other.pk, "reason": "Verhuisd"},
    )
    routed.refresh_from_db()
    assert routed.responsible_team.name == "Wijkteam Centrum-Noord"
    assert list(client.get(reverse("intake:queue")).context["sent"]) == [Transfer.objects.get()]

    client.force_login(colleague)
    transfer = Transfer.objects.get()
    client.post(reverse("intake:accept", kwargs={"transfer_id": transfer.pk}))
    routed.refresh_from_db()
    assert routed.responsible_team == other
    assert Involvement.objects.filter(household=routed.household, team=other, until__isnull=True).exists()
    assert not Involvement.objects.filter(
        household=routed.household, team__name="Wijkteam Centrum-Noord", source="request", until__isnull=True
    ).exists()


def test_a_refused_hand_over_comes_back_with_its_reason(client, routed):
    consultant = User.objects.get(username="consulent")
    other = Team.objects.get(name="Wijkteam De Hoven")
    colleague = User.objects.create(username="hoven", municipality=routed.municipality)
    colleague.groups.add(consultant.groups.get())
    other.members.add(colleague)
    client.force_login(consultant)
    client.post(
        reverse("intake:hand_over", kwargs={"request_id": routed.pk}), {"to_team": other.pk, "reason": "x"}
    )
    client.force_login(colleague)
    transfer = Transfer.objects.get()
    client.post(reverse("intake:refuse", kwargs={"transfer_id": transfer.pk}), {"reason": "Niet ons gebied"})
    transfer.refresh_from_db()
    routed.refresh_from_db()
    assert (transfer.state, transfer.refusal_reason) == ("refused", "Niet ons gebied")
    assert routed.responsible_team.name == "Wijkteam Centrum-Noord"


def test_a_hand_over_to_a_team_of_another_municipality_is_refused(rf, routed):
    from django.core.exceptions import ValidationError

    from stuurman.intake import services

    http = rf.post("/")
    http.user = User.objects.get(username="consulent")
    elsewhere = Team.objects.exclude(municipality=routed.municipality).first()
    with pytest.raises(ValidationError, match="andere gemeente"):
        services.hand_over(http, routed, elsewhere, "verhuisd")
    assert not Transfer.objects.exists()


def test_question_analysis_records_line_and_motivation_and_advice_closes(client, routed):
    client.force_login(User.objects.get(username="consulent"))
    url = reverse("intake:analyse", kwargs={"request_id": routed.pk})
    client.post(url, {"outcome": "advice", "motivation": ""})
    routed.refresh_from_db()
    assert routed.outcome == "", "no outcome without a motivation"
    client.post(url, {"outcome": "advice", "motivation": "Mantelzorgsteunpunt kan helpen; zelf verder."})
    routed.refresh_from_db()
    assert (routed.outcome, routed.line, routed.status, routed.next_due) == ("advice", 0, "closed", None)
    assert not Involvement.objects.filter(
        reference=f"intake.request:{routed.pk}", until__isnull=True
    ).exists()


def test_team_outcome_is_the_first_line_and_keeps_the_request_open(client, routed):
    client.force_login(User.objects.get(username="consulent"))
    client.post(
        reverse("intake:analyse", kwargs={"request_id": routed.pk}),
        {"outcome": "team", "motivation": "Meerdere leefgebieden; keukentafelgesprek nodig.", "law": "wmo"},
    )
    routed.refresh_from_db()
    assert (routed.line, routed.status) == (1, "routed")


def test_an_unknown_person_is_linked_later_without_a_duplicate_and_routed(loket):
    register(loket, unknown_name="Els", unknown_contact="06-11111111")
    item = Request.objects.get()
    persons = Person.objects.count()
    els = Person.objects.get(first_names="Els", surname="Vries")
    loket.post(reverse("intake:link_person", kwargs={"request_id": item.pk}), {"bsn": els.bsn})
    item.refresh_from_db()
    assert (item.person, item.responsible_team.name, item.status) == (els, "Wijkteam Centrum-Noord", "routed")
    assert Person.objects.count() == persons


@pytest.fixture
def gp_signal(loket):
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    register(
        loket,
        bsn=jan.bsn,
        channel="signal",
        reporter="professional",
        reporter_organisation="Huisartsenpraktijk Waalkant",
        question="Meneer verwaarloost zichzelf en wil geen hulp.",
    )
    return Request.objects.get()


def outreach_url(item):
    return reverse("intake:outreach", kwargs={"request_id": item.pk})


def test_a_gp_signal_leads_to_a_recorded_outreach_decision_with_a_review_date(client, gp_signal):
    from datetime import timedelta

    client.force_login(User.objects.get(username="consulent"))
    client.post(outreach_url(gp_signal), {"choice": "act", "grounds": "Zorgen om zelfverwaarlozing."})
    assert not gp_signal.outreach_decisions.exists(), "acting needs a review date"
    review = timezone.localdate() + timedelta(weeks=4)
    client.post(
        outreach_url(gp_signal),
        {"choice": "act", "grounds": "Zorgen om zelfverwaarlozing.", "review_on": review},
    )
    decision = gp_signal.outreach_decisions.get()
    assert (decision.choice, decision.review_on, decision.decided_by.username) == ("act", review, "consulent")


def test_a_refusal_is_respected_only_for_a_competent_person_without_risk(client, gp_signal):
    client.force_login(User.objects.get(username="consulent"))
    client.post(
        outreach_url(gp_signal), {"choice": "refusal", "grounds": "Wil het zelf doen.", "competent": "yes"}
    )
    assert not gp_signal.outreach_decisions.exists()
    client.post(
        outreach_url(gp_signal),
        {"choice": "refusal", "grounds": "Wil het zelf doen.", "competent": "yes", "risk": "no"},
    )
    assert gp_signal.outreach_decisions.get().choice == "refusal"


def test_refusal_rule():
    from stuurman.intake.outreach import refusal_problem

    assert refusal_problem(True, False) == ""
    assert "wilsbekwaam" in refusal_problem(None, False)
    assert "gevaar" in refusal_problem(True, None)
    assert "gevaar" in refusal_problem(True, True)


def test_the_receipt_confirmation_is_a_real_accessible_pdf_with_the_running_deadlines(client, routed):
    client.force_login(User.objects.get(username="loket"))
    response = client.get(reverse("intake:receipt_letter", kwargs={"request_id": routed.pk}))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    _, _own_plan, research = deadlines.wmo_after_melding(routed.received_on)
    assert "Wij hebben uw melding ontvangen" in text
    assert "Els de Vries" not in text
    assert "Jan de Vries" in text
    assert "onafhankelijke cliëntondersteuner" in text
    assert reader.trailer["/Root"]["/Lang"] == "nl", "the document says its language"
    assert "/StructTreeRoot" in reader.trailer["/Root"], "tagged PDF: headings and lists for screen readers"
    mail = client.get(reverse("intake:receipt_email", kwargs={"request_id": routed.pk})).content.decode()
    assert f"{research.due.day} " in mail
    assert "persoonlijk plan" in mail
    assert AccessLog.objects.filter(action="print", object_type="request").count() == 1


def test_queue_filters_by_law_line_and_wijk_in_the_database(client, routed, loket):
    register(
        loket, unknown_name="iemand", unknown_contact="06-1", law="jeugdwet"
    )  # stays with the front door
    client.force_login(User.objects.get(username="consulent"))

    def shown(**query):
        return [r.pk for r in client.get(reverse("intake:queue"), query).context["page"].object_list]

    assert shown(law="wmo") == [routed.pk]
    assert shown(law="jeugdwet") == []
    wijk = routed.household.area.parent
    assert shown(wijk=wijk.pk) == [routed.pk]
    other_wijk = (
        wijk.__class__.objects.filter(kind="wijk", municipality=wijk.municipality).exclude(pk=wijk.pk).first()
    )
    assert shown(wijk=other_wijk.pk) == []
    assert shown(line="2") == []
    assert shown(law="onzin") == [routed.pk], "an unknown filter value is ignored, not an error"


def test_the_front_door_sees_what_it_registered(loket, routed):
    listing = loket.get(reverse("intake:registered"))
    assert [r.pk for r in listing.context["page"].object_list] == [routed.pk]
    assert loket.get(reverse("intake:queue")).status_code == 403, "the team queue is for teams"


def test_a_deadline_is_extended_with_a_reason_and_a_later_date_and_the_original_is_kept(client, routed):
    from datetime import timedelta

    client.force_login(User.objects.get(username="consulent"))
    url = reverse("intake:extend", kwargs={"request_id": routed.pk})
    original = routed.next_due
    client.post(url, {"new_due": original + timedelta(weeks=2), "reason": ""})
    client.post(url, {"new_due": original, "reason": "te vroeg"})
    routed.refresh_from_db()
    assert (routed.next_due, routed.extensions.count()) == (original, 0)
    client.post(
        url, {"new_due": original + timedelta(weeks=2), "reason": "Wachten op advies van de huisarts"}
    )
    routed.refresh_from_db()
    extension = routed.extensions.get()
    assert (routed.next_due, extension.original_due) == (original + timedelta(weeks=2), original)
    # A later recomputation (an accepted hand-over, an analysis) keeps the extended date.
    client.post(
        reverse("intake:analyse", kwargs={"request_id": routed.pk}),
        {"outcome": "team", "motivation": "Keukentafelgesprek nodig.", "law": "wmo"},
    )
    routed.refresh_from_db()
    assert routed.next_due == original + timedelta(weeks=2)


def move(client, household, destination, note="Nieuw adres, zelfde zorgen."):
    return client.post(
        reverse("intake:move", kwargs={"household_id": household.pk}),
        {"destination": destination, "note": note},
    )


def test_moving_within_the_region_offers_open_requests_to_the_new_areas_team(client, routed):
    from stuurman.tenancy.models import Area

    client.force_login(User.objects.get(username="consulent"))
    elsewhere = Area.objects.filter(kind="buurt").exclude(municipality=routed.municipality).first()
    assert move(client, routed.household, elsewhere.pk).status_code == 302
    routed.refresh_from_db()
    routed.household.refresh_from_db()
    assert routed.household.municipality == elsewhere.municipality
    assert all(p.municipality == elsewhere.municipality for p in routed.household.members.all())
    transfer = Transfer.objects.get()
    assert transfer.to_team.municipality == elsewhere.municipality
    assert routed.responsible_team.name == "Wijkteam Centrum-Noord", "responsible until the new team accepts"

    newcomer = User.objects.create(username="nieuw", municipality=elsewhere.municipality)
    newcomer.groups.add(User.objects.get(username="consulent").groups.get())
    transfer.to_team.members.add(newcomer)
    client.force_login(newcomer)
    client.post(reverse("intake:accept", kwargs={"transfer_id": transfer.pk}))
    routed.refresh_from_db()
    assert (routed.responsible_team, routed.municipality) == (transfer.to_team, elsewhere.municipality)


def test_moving_out_of_the_region_closes_open_requests_with_a_hand_over_note(client, routed):
    client.force_login(User.objects.get(username="consulent"))
    assert (
        move(client, routed.household, "buiten", note="Naar Groningen; huisarts daar ingelicht.").status_code
        == 302
    )
    routed.refresh_from_db()
    assert routed.status == "closed"
    assert "Naar Groningen" in routed.closed_reason
    assert not Involvement.objects.filter(
        reference=f"intake.request:{routed.pk}", until__isnull=True
    ).exists()


def test_a_move_needs_a_hand_over_note(client, routed):
    client.force_login(User.objects.get(username="consulent"))
    assert move(client, routed.household, "buiten", note="").status_code == 400
    routed.refresh_from_db()
    assert routed.status == "routed"
