"""Recording a conversation through the page, with network members present, and its report."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from stuurman.accounts.models import User
from stuurman.assessment.models import Conversation
from stuurman.people.models import Household, NetworkMember
from stuurman.privacy.models import AccessLog

pytestmark = pytest.mark.django_db


def test_a_consultant_records_a_conversation_with_a_network_member_present_and_gets_the_report(
    client, demo_region
):
    household = Household.objects.get(name="Huishouden De Vries")
    kees = NetworkMember.objects.get(household=household, name="Kees de Vries")
    els = household.members.get(first_names="Els")
    client.force_login(User.objects.get(username="consulent"))
    url = reverse("assessment:new", kwargs={"household_id": household.pk})
    assert client.post(url, {"held_on": ""}).status_code == 400, "the date is the one thing needed"
    response = client.post(
        url,
        {
            "held_on": "2026-11-20",
            "place": "thuis",
            "members_present": [els.pk],
            "network_present": [kees.pk],
            "agreements": "Kees doet op zaterdag de boodschappen voor oma Riek.",
        },
    )
    assert response.status_code == 302
    conversation = Conversation.objects.get()
    assert list(conversation.network_present.all()) == [kees]
    page = client.get(reverse("files:household", kwargs={"household_id": household.pk})).content.decode()
    report_url = reverse(
        "assessment:report", kwargs={"household_id": household.pk, "conversation_id": conversation.pk}
    )
    assert report_url in page
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(client.get(report_url).content)).pages)
    assert "Kees doet op zaterdag de boodschappen" in text
    assert "Els de Vries" in text
    assert AccessLog.objects.filter(action="print", object_type="conversation").count() == 1


def test_someone_not_involved_cannot_record_or_read_a_conversation(client, demo_region):
    household = Household.objects.get(name="Huishouden De Vries")
    outsider = User.objects.create(username="buiten", municipality=household.municipality)
    outsider.groups.add(User.objects.get(username="consulent").groups.get())
    client.force_login(outsider)
    assert client.get(reverse("assessment:new", kwargs={"household_id": household.pk})).status_code == 404


def test_scoring_four_domains_with_reasons_and_the_suggestions_are_kept(client, demo_region):
    from stuurman.assessment.models import Classification, Score
    from stuurman.people.models import Person

    household = Household.objects.get(name="Huishouden De Vries")
    consultant = User.objects.get(username="consulent")
    conversation = Conversation.objects.create(
        municipality=household.municipality, household=household, held_on="2026-11-20", recorded_by=consultant
    )
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    client.force_login(consultant)
    url = reverse(
        "assessment:score", kwargs={"household_id": household.pk, "conversation_id": conversation.pk}
    )
    page = client.get(url, {"wet": "participatiewet"}).content.decode()
    assert 'name="choose_finances" id="id_choose_finances" checked' in page
    assert "Justitie" not in page, "a consultant does not score criminal-offence data"
    refused = client.post(url, {"person": jan.pk, "choose_finances": "on", "score_finances": "2"})
    assert refused.status_code == 400
    assert "Geef aan waarom Financiën" in refused.content.decode()
    assert not Score.objects.exists()
    data = {"person": jan.pk}
    for code, score, reason in [
        ("finances", "2", "WW en vaste lasten"),
        ("work", "2", "Baan verloren"),
        ("mental", "3", "Somber"),
        ("network", "4", "Broer Kees helpt"),
    ]:
        data |= {f"choose_{code}": "on", f"score_{code}": score, f"reason_{code}": reason}
    assert client.post(url, data).status_code == 302
    assert Score.objects.count() == 4
    kept = dict(Classification.objects.values_list("kind", "chosen"))
    assert kept == {"care_need": "redelijke zorgvraag", "line": "2", "profile": "schulden"}
