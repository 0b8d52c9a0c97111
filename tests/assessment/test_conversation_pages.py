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
