"""The conversation report: a real, tagged PDF with the agreements and the inhabitant's name, and
without Justitie scores."""

import io

import pytest
from django.test import RequestFactory
from django.utils import timezone
from pypdf import PdfReader

from stuurman.accounts.models import User
from stuurman.assessment import report, scoring
from stuurman.assessment.models import Conversation, InstrumentVersion
from stuurman.people.models import Household, Person

pytestmark = pytest.mark.django_db


def test_the_report_contains_the_agreements_and_the_name_and_leaves_out_justitie(demo_region):
    household = Household.objects.get(name="Huishouden De Vries")
    consultant = User.objects.get(username="consulent")
    conversation = Conversation.objects.create(
        municipality=household.municipality,
        household=household,
        held_on=timezone.localdate(),
        recorded_by=consultant,
        question_behind="Els kan de zorg voor haar moeder en Roos niet meer alleen dragen.",
        agreements="Kees neemt op zaterdag de boodschappen voor oma Riek over.",
    )
    http = RequestFactory().post("/")
    http.user = consultant
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    zrm = InstrumentVersion.objects.get(instrument="zrm", version="2017")
    scoring.record(
        http,
        conversation,
        jan,
        zrm,
        [scoring.Choice("finances", 2, "WW"), scoring.Choice("justice", 3, "eerder contact")],
    )
    reader = PdfReader(io.BytesIO(report.pdf(conversation)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Kees neemt op zaterdag de boodschappen" in text
    assert "Jan de Vries" in text
    assert "niet zelfredzaam" in text
    assert "Justitie" not in text
    assert reader.trailer["/Root"]["/Lang"] == "nl"
