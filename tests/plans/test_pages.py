"""The plan pages: start from the household, goals in the inhabitant's words, contributions by tier with
the lower tiers refused per tier and kept as typed, no lost updates between two people, the agreement
and the PDF, 404 for a household without involvement, and every page logged."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from stuurman.accounts.models import User
from stuurman.catalog.models import Provider, Service
from stuurman.catalog.rules import Tier
from stuurman.people.models import Household
from stuurman.plans.models import Contribution, Goal, Plan
from stuurman.privacy.models import AccessLog

from .factories import REASONS, a_contribution, a_goal, a_plan, de_vries, job_coaching, member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def plan_url(name, plan, **kwargs):
    return reverse(f"plans:{name}", kwargs={"household_id": plan.household_id, "plan_id": plan.pk, **kwargs})


def tailored_form(plan, **extra):
    service = Service.objects.get(code="WMO-BEG-IND")
    provider = Provider.objects.get(agb_code="75000101")
    return {
        "version": plan.version,
        "trede": "6",
        "service": service.pk,
        "provider": provider.pk,
        "what": "Begeleiding naar werk, vier uur per week",
        "volume": "4",
        "unit": "04",
        "frequency": "2",
        "starts_on": TODAY.isoformat(),
        "delivery": "in_kind",
        **extra,
    }


def test_a_plan_is_started_from_the_household_with_the_coordinator_preselected(coordinator):
    household = de_vries()
    entry = coordinator.get(reverse("plans:household", args=[household.pk]))
    assert entry.status_code == 200
    assert "Plan opstellen" in entry.content.decode()
    start_url = reverse("plans:start", args=[household.pk])
    form = coordinator.get(start_url).context["form"]
    regisseur = User.objects.get(username="regisseur")
    assert form["coordinator"].initial == regisseur.pk
    start = TODAY - timedelta(days=92)
    response = coordinator.post(start_url, {"coordinator": regisseur.pk, "starts_on": start.isoformat()})
    plan = Plan.objects.get()
    assert response.url == plan_url("plan", plan)
    assert coordinator.get(reverse("plans:household", args=[household.pk])).url == plan_url("plan", plan)
    assert coordinator.get(start_url).url == plan_url("plan", plan), "one household, one plan"
    page = coordinator.get(plan_url("plan", plan)).content.decode()
    assert "Plan van Huishouden De Vries" in page
    assert "Mehmet Yilmaz" in page
    assert AccessLog.objects.filter(object_type="plan", action="read").exists()


def test_a_consultant_chooses_a_coordinator_of_their_team(client, demo_region):
    client.force_login(User.objects.get(username="consulent"))
    form = client.get(reverse("plans:start", args=[de_vries().pk])).context["form"]
    choices = {user.username for user in form.fields["coordinator"].queryset}
    assert choices == {"regisseur", "teamleider"}
    assert form["coordinator"].initial is None


def test_a_goal_in_the_inhabitants_own_words_is_quoted_and_marked_as_theirs(coordinator):
    _, plan = a_plan(starts_on=TODAY)
    jan = member(plan.household, "Jan")
    response = coordinator.post(
        plan_url("goal_new", plan),
        {
            "version": plan.version,
            "person": jan.pk,
            "domain": "work",
            "wording": "Ik wil weer aan het werk, het liefst buiten.",
            "own_words": "on",
            "described_by": "inhabitant",
            "strengths": "Handig, wil graag.",
            "observed_by": "Jan zelf en Els",
        },
    )
    assert response.status_code == 302
    page = coordinator.get(plan_url("plan", plan)).content.decode()
    assert "“Ik wil weer aan het werk, het liefst buiten.”" in page
    assert "In de eigen woorden van Jan de Vries." in page
    assert "Jan zelf en Els" in page


def test_a_tailored_contribution_without_the_lower_tiers_names_each_missing_tier_and_keeps_the_text(
    coordinator,
):
    http, plan = a_plan(starts_on=TODAY)
    a_goal(http, plan)
    plan.refresh_from_db()
    url = plan_url("contribution_new", plan) + "?trede=6"
    data = tailored_form(plan, why_1="Jan raakt het overzicht kwijt over zijn dag.", considered_1="on")
    refused = coordinator.post(url, data)
    assert refused.status_code == 400
    page = refused.content.decode()
    for tier in (Tier.HOUSEHOLD, Tier.INFORMAL, Tier.VOLUNTEERS, Tier.GENERAL):
        assert f"Overweeg eerst {tier.label}" in page
    assert "Overweeg eerst de persoon zelf" not in page
    assert "Begeleiding naar werk, vier uur per week" in page, "what was typed stays in the form"
    assert "Jan raakt het overzicht kwijt over zijn dag." in page
    assert not Contribution.objects.exists()
    considered = {f"considered_{t.value}": "on" for t in REASONS} | {
        f"why_{t.value}": reason for t, reason in REASONS.items()
    }
    saved = coordinator.post(url, tailored_form(plan, **considered))
    assert saved.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.considerations.count() == 5
    # Prefilled from what is known: the law from the service, the cost from the provider's contract
    # (4 hours a week at € 62,10 an hour, 52/12 weeks a month).
    assert (contribution.law, str(contribution.cost_per_month)) == ("wmo", "1076.40")


def test_each_tier_asks_only_for_its_own_who(coordinator):
    _, plan = a_plan(starts_on=TODAY)
    fields = {
        tier: set(
            coordinator.get(plan_url("contribution_new", plan) + f"?trede={tier}").context["form"].fields
        )
        for tier in (1, 2, 5, 6)
    }
    assert {"person"} <= fields[1]
    assert not {"network_member", "service", "cost_per_month"} & fields[1]
    assert {"person", "network_member"} <= fields[2]
    assert {"service", "law", "cost_per_month"} <= fields[5]
    assert "delivery" not in fields[5]
    assert {"service", "provider", "delivery", "considered_5", "why_1"} <= fields[6]
    chooser = coordinator.get(plan_url("contribution_new", plan))
    assert "Georganiseerde vrijwilligers" in chooser.content.decode()
    form = coordinator.get(plan_url("contribution_new", plan) + "?trede=1").context["form"]
    assert form["starts_on"].value() == TODAY, "prefilled: from today"
    assert form.fields["person"].required, "one way to say who: it is needed"


def test_two_people_post_on_the_same_version_and_the_second_sees_what_changed(coordinator, client):
    _, plan = a_plan(starts_on=TODAY)
    seen = plan.version
    lead = client.__class__()
    lead.force_login(User.objects.get(username="teamleider"))
    first = coordinator.post(
        plan_url("goal_new", plan),
        {
            "version": seen,
            "person": member(plan.household, "Roos").pk,
            "domain": "time",
            "wording": "Ik wil iets leuks doen na school.",
            "described_by": "inhabitant",
            "own_words": "on",
        },
    )
    assert first.status_code == 302
    second = lead.post(
        plan_url("edit", plan),
        {"version": seen, "starts_on": TODAY.isoformat(), "ends_on": "2030-01-01", "status": "draft"},
    )
    assert second.status_code == 400
    page = second.content.decode()
    assert "Iemand anders heeft dit plan intussen gewijzigd" in page
    assert "Mehmet Yilmaz: Doel toegevoegd: Roos, time" in page
    assert 'value="2030-01-01"' in page, "what the second person typed is still there"
    assert f'name="version" value="{seen + 1}"' in page, "saving again is a deliberate choice"
    plan.refresh_from_db()
    assert (plan.ends_on, Goal.objects.count()) == (None, 1), "nothing was overwritten"


def test_agreement_keeps_the_version_and_its_pdf_reads_the_goals_in_plain_dutch(coordinator):
    http, plan = a_plan(starts_on=TODAY)
    a_goal(http, plan, "Els", "mental", "Ik wil één dag per week voor mezelf.")
    a_contribution(
        http,
        plan,
        Tier.HOUSEHOLD,
        "Neemt op dinsdag de zorg voor Riek over",
        network_member=plan.household.network.get(name="Marja Bakker"),
    )
    plan.refresh_from_db()
    refused = coordinator.post(
        plan_url("agreement", plan),
        {"version": plan.version, "agreed": "False", "on": TODAY, "how": "verbal"},
    )
    assert refused.status_code == 400
    assert "eigen woorden" in refused.content.decode()
    done = coordinator.post(
        plan_url("agreement", plan),
        {"version": plan.version, "agreed": "True", "on": TODAY.isoformat(), "how": "signed"},
    )
    assert done.status_code == 302
    version_page = coordinator.get(plan_url("agreed_version", plan, number=1)).content.decode()
    assert "Ik wil één dag per week voor mezelf." in version_page
    for url in (plan_url("pdf", plan), plan_url("version_pdf", plan, number=1)):
        response = coordinator.get(url)
        assert response["Content-Type"] == "application/pdf"
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        text = " ".join(text.split())
        assert "Ik wil één dag per week voor mezelf." in text
        assert "Marja Bakker" in text
    assert AccessLog.objects.filter(object_type="plan", action="print").count() == 2


def test_a_household_without_involvement_answers_404_on_every_plan_page(coordinator):
    _, plan = a_plan(starts_on=TODAY)
    elsewhere = Household.objects.get(name="Huishouden Bakker")
    for name in ("household", "start"):
        assert coordinator.get(reverse(f"plans:{name}", args=[elsewhere.pk])).status_code == 404
    # The De Vries plan under a household the user cannot open is not found either.
    url = reverse("plans:plan", kwargs={"household_id": elsewhere.pk, "plan_id": plan.pk})
    assert coordinator.get(url).status_code == 404


def test_an_ended_plan_is_read_only(coordinator):
    http, plan = a_plan(starts_on=TODAY - timedelta(days=10))
    from stuurman.plans import services

    services.change(http, plan, plan.version, starts_on=plan.starts_on, ends_on=TODAY, status="ended")
    # Ending the plan ended the involvement: a team lead's assignment still opens the file here.
    assert coordinator.get(plan_url("plan", plan)).status_code == 200
    assert coordinator.get(plan_url("goal_new", plan)).status_code == 404


def test_the_plan_page_shows_costs_against_the_norm_and_the_budget(coordinator):
    http, plan = a_plan(starts_on=date(TODAY.year, 1, 1))
    job_coaching(http, plan, a_goal(http, plan))
    page = coordinator.get(plan_url("plan", plan)).content.decode()
    assert "€ 7.200,00" in page  # per year
    assert "boven de norm" in page  # the demo's Wmo norm is € 6.000 per household
    assert "van € 14.880.000" in page


def test_what_people_typed_is_shown_as_text_never_as_markup(coordinator):
    http, plan = a_plan(starts_on=TODAY)
    a_goal(
        http,
        plan,
        wording='Ik wil <script>alert("x")</script> werken\nen "sparen"',
        strengths="<b>sterk</b>",
        observed_by="Jan & Els",
    )
    page = coordinator.get(plan_url("plan", plan)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; werken<br>en &quot;sparen&quot;" in page
    assert "&lt;b&gt;sterk&lt;/b&gt;" in page
    assert "Jan &amp; Els" in page
