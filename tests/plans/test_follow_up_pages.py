"""Carrying a plan on through its pages: a review that scores lower raises the signal on the team's
follow-up list, where a colleague picks it up (once); the coordinator's own plans; coordination handed
over temporarily and back; escalation and outcome; decision and assignment; the budgets page."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from stuurman.accounts.models import User
from stuurman.catalog.models import Provider, Service
from stuurman.catalog.rules import Tier
from stuurman.plans import follow_up_signals
from stuurman.plans.models import Assignment, Budget, FollowUpSignal
from stuurman.plans.services import Considered
from stuurman.privacy.models import AccessLog

from .factories import a_contribution, a_goal, a_plan, member
from .test_follow_up import first_assessment

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def as_user(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def plan_url(name, plan, **kwargs):
    return reverse(f"plans:{name}", kwargs={"household_id": plan.household_id, "plan_id": plan.pk, **kwargs})


def test_a_lower_score_at_the_review_lands_on_the_follow_up_list_and_is_picked_up_once(client, demo_region):
    start = TODAY - timedelta(days=92)
    http, plan = a_plan(starts_on=start)
    first_assessment(http, plan, start, {"work": 3})
    goal = a_goal(http, plan, "Jan", "work", "Ik wil weer aan het werk.")
    jan = member(plan.household, "Jan")
    plan.refresh_from_db()
    as_user(client, "regisseur")
    form = client.get(plan_url("review", plan))
    assert "3 (" in form.content.decode(), "the previous score is shown"
    shown = AccessLog.objects.filter(action="read", purpose__endswith="evaluatie van het plan").get()
    assert jan.pk in shown.person_ids, "a form page that shows scores is a read"
    missing = client.post(plan_url("review", plan), {"version": plan.version, "held_on": TODAY.isoformat()})
    assert "Geef aan of dit doel bereikt is." in missing.content.decode()
    held = client.post(
        plan_url("review", plan),
        {
            "version": plan.version,
            "held_on": TODAY.isoformat(),
            f"result_{goal.pk}": "not_reached",
            f"score_{jan.pk}_work": "2",
            "summary": "Jan zit thuis.",
        },
    )
    assert held.status_code == 302
    signal = FollowUpSignal.objects.get()
    assert signal.detail == "Jan, Werk en opleiding: van 3 naar 2"

    colleague = as_user(client.__class__(), "consulent")
    listing = colleague.get(reverse("plans:follow_up")).content.decode()
    assert "Huishouden De Vries" in listing
    assert "Jan, Werk en opleiding: van 3 naar 2" in listing
    empty = colleague.post(
        reverse("plans:follow_up"), {"signaal": signal.pk, f"signaal-{signal.pk}-note": ""}
    )
    assert empty.status_code == 400
    taken = colleague.post(
        reverse("plans:follow_up"),
        {"signaal": signal.pk, f"signaal-{signal.pk}-note": "Ik bel Jan morgen."},
    )
    assert taken.status_code == 302
    signal.refresh_from_db()
    assert (signal.handled_by.username, signal.handled_note) == ("consulent", "Ik bel Jan morgen.")
    late = {"signaal": signal.pk, f"signaal-{signal.pk}-note": "Ik ook."}
    again = client.post(reverse("plans:follow_up"), late, follow=True).content.decode()
    assert "Dit signaal is al opgepakt door Sanne de Boer" in again
    signal.refresh_from_db()
    assert signal.handled_note == "Ik bel Jan morgen.", "the first stays"
    with pytest.raises(ValidationError, match="al opgepakt door Sanne de Boer"):
        follow_up_signals.pick_up(http, signal, "Nog eens")


def test_reviews_due_soon_and_the_coordinators_own_plans(client, demo_region):
    a_plan(starts_on=TODAY - timedelta(days=100))
    listing = as_user(client, "teamleider").get(reverse("plans:follow_up")).content.decode()
    assert "Huishouden De Vries" in listing
    assert "te laat" in listing
    mine = as_user(client, "regisseur").get(reverse("plans:mine")).content.decode()
    assert "Huishouden De Vries" in mine
    assert as_user(client, "teamleider").get(reverse("plans:mine")).content.decode().count("De Vries") == 0


def test_coordination_goes_to_an_organisation_for_a_while_and_comes_back(client, demo_region):
    _, plan = a_plan(starts_on=TODAY)
    as_user(client, "regisseur")
    page = client.get(plan_url("coordinate", plan)).content.decode()
    assert "Regie tijdelijk overdragen aan een organisatie" in page
    client.post(
        plan_url("coordinate", plan),
        {
            "actie": "tijdelijk",
            "tijdelijk-version": plan.version,
            "tijdelijk-organisation": "Jeugdbescherming Gelderland",
            "tijdelijk-reason": "Ondertoezichtstelling van Roos",
        },
    )
    plan.refresh_from_db()
    assert str(plan.coordinations.get(until__isnull=True)) == "Jeugdbescherming Gelderland"
    # The team still opens the file through the team lead's assignment, and takes coordination back.
    page = client.get(plan_url("coordinate", plan)).content.decode()
    assert "Regie terugnemen" in page
    back = client.post(
        plan_url("coordinate", plan),
        {
            "actie": "terugnemen",
            "terug-version": plan.version,
            "terug-coordinator": User.objects.get(username="regisseur").pk,
            "terug-reason": "De ondertoezichtstelling is beëindigd",
        },
    )
    assert back.status_code == 302
    assert plan.coordinations.filter(until__isnull=True).get().coordinator.username == "regisseur"
    assert plan.coordinations.count() == 3
    refused = as_user(client, "consulent").get(plan_url("coordinate", plan))
    assert refused.status_code == 403, "a consultant does not hand over coordination"


def test_an_escalation_and_its_outcome(client, demo_region):
    _, plan = a_plan(starts_on=TODAY)
    as_user(client, "regisseur")
    client.post(
        plan_url("escalate", plan),
        {
            "version": plan.version,
            "against": "Zorggroep Rivierenland",
            "what": "De begeleiding is drie weken niet gekomen.",
            "doorzettingsmacht": "on",
        },
    )
    escalation = plan.escalations.get()
    plan.refresh_from_db()
    blank = client.post(plan_url("resolve", plan, escalation_id=escalation.pk), {"version": plan.version})
    assert blank.status_code == 400
    client.post(
        plan_url("resolve", plan, escalation_id=escalation.pk),
        {"version": plan.version, "outcome": "Thuishulp Waal en Maas neemt het over."},
    )
    escalation.refresh_from_db()
    assert escalation.resolved_on == TODAY
    assert "doorzettingsmacht ingezet" in client.get(plan_url("plan", plan)).content.decode()


def test_a_decision_with_its_objection_window_and_the_assignment(client, demo_region):
    http, plan = a_plan(starts_on=TODAY)
    goal = a_goal(http, plan)
    tailored = a_contribution(
        http,
        plan,
        Tier.TAILORED,
        "Begeleiding naar werk",
        [Considered(t, True, "Geprobeerd, het volstaat niet voor Jan.") for t in list(Tier)[:5]],
        goal=goal,
        service=Service.objects.get(code="WMO-BEG-IND"),
        provider=Provider.objects.get(agb_code="75000101"),
        law="wmo",
        volume=4,
        unit="04",
        frequency="2",
    )
    plan.refresh_from_db()
    as_user(client, "regisseur")
    form = client.get(plan_url("decision", plan, contribution_id=tailored.pk)).context["form"]
    assert form["legal_ground"].initial.startswith("Wet maatschappelijke ondersteuning 2015")
    client.post(
        plan_url("decision", plan, contribution_id=tailored.pk),
        {
            "version": plan.version,
            "granted": "True",
            "decided_on": TODAY.isoformat(),
            "made_known_on": TODAY.isoformat(),
            "legal_ground": form["legal_ground"].initial,
            "starts_on": TODAY.isoformat(),
        },
    )
    plan.refresh_from_db()
    assert (
        client.post(
            plan_url("assignment", plan, contribution_id=tailored.pk), {"version": plan.version}
        ).status_code
        == 302
    )
    assignment = Assignment.objects.get()
    assert (assignment.product_category, assignment.volume, assignment.unit) == ("02", 4, "04")
    page = client.get(plan_url("plan", plan)).content.decode()
    assert f"Toewijzing {assignment.number}" in page
    assert f"{TODAY + timedelta(weeks=6):%d-%m-%Y}" in page


def test_the_functional_admin_sets_a_budget_and_a_consultant_may_not(client, demo_region):
    as_user(client, "beheer")
    bad = client.post(reverse("plans:budgets"), {"law": "wmo", "year": "1999", "amount": "-5"})
    assert bad.status_code == 400
    assert Budget.objects.filter(year=1999).count() == 0
    client.post(
        reverse("plans:budgets"),
        {"law": "wmo", "year": str(TODAY.year + 1), "amount": "15000000", "household_norm": "6500"},
    )
    budget = Budget.objects.get(law="wmo", year=TODAY.year + 1, municipality__cbs_code="GM9901")
    assert str(budget.household_norm) == "6500.00"
    assert "Budgetten van Waalkant" in client.get(reverse("plans:budgets")).content.decode()
    assert as_user(client, "consulent").get(reverse("plans:budgets")).status_code == 403


def test_the_nightly_run_raises_an_overdue_review_once_for_the_team(demo_region):
    a_plan(starts_on=TODAY - timedelta(days=120))
    said = io.StringIO()
    call_command("follow-up", stdout=said)
    assert said.getvalue().startswith("1 nieuwe signalen voor de opvolging")
    call_command("follow-up", stdout=io.StringIO())
    (signal,) = FollowUpSignal.objects.all()
    assert (signal.kind, signal.team.name) == ("review_overdue", "Wijkteam Centrum-Noord")
    with pytest.raises(CommandError, match="geen datum"):
        call_command("follow-up", "--datum", "31-02-2027")
