"""The plan page's body is rendered once per state of what it shows (plans/page_cache.py, ADR 0014): a
second view reuses it, and any change to what it shows — the plan itself, or a name, budget or provider
held elsewhere, changed even without the plan's write path — shows on the very next view."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stuurman.accounts.models import User
from stuurman.catalog.models import Provider, Service
from stuurman.catalog.rules import Tier
from stuurman.people.models import NetworkMember, Person
from stuurman.plans import coordination, follow_up_signals, page_cache, services
from stuurman.plans.models import Budget, FollowUpSignal, Goal, Plan
from stuurman.privacy.models import AccessLog

from .factories import a_contribution, a_goal, a_plan, http_as, job_coaching, member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
BODY = ("plans/_plan_body.html", "plans/_follow_up.html", "plans/_contributions.html", "plans/_goals.html")


@pytest.fixture
def plan():
    """A plan naming a person, a network member, a service, a provider, a budget and users."""
    http, plan = a_plan(starts_on=date(TODAY.year, 1, 1))
    goal = a_goal(http, plan)
    household = plan.household
    neighbour = NetworkMember.objects.create(
        municipality=household.municipality, household=household, name="Kees Buurman", circle=2
    )
    a_contribution(http, plan, Tier.INFORMAL, "Klussen in huis", goal=goal, network_member=neighbour)
    job_coaching(http, plan, goal, provider=Provider.objects.get(agb_code="75000101"))
    plan.refresh_from_db()
    return plan


def url(plan):
    return reverse("plans:plan", args=[plan.household_id, plan.pk])


def shown(client, plan) -> str:
    response = client.get(url(plan))
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_view_reuses_the_body_and_is_still_logged(coordinator, plan):
    with CaptureQueriesContext(connection) as first:
        shown(coordinator, plan)
    logged = AccessLog.objects.filter(object_type="plan", object_ids__contains=[plan.pk]).count()
    with CaptureQueriesContext(connection) as second:
        page = shown(coordinator, plan)
    assert "Klussen in huis" in page
    assert "Begeleiding naar werk" in page
    assert not any("plans_goal" in q["sql"] and "SELECT" in q["sql"][:10] for q in second.captured_queries)
    assert len(second) < len(first) - 5, (len(first), len(second))
    assert AccessLog.objects.filter(object_type="plan", object_ids__contains=[plan.pk]).count() == logged + 1


def test_a_change_through_the_plan_shows_at_once(coordinator, plan):
    shown(coordinator, plan)
    goal = plan.goals.get()
    goal.wording = "Ik wil in de zorg werken."
    services.save_goal(http_as("regisseur"), plan, plan.version, goal)
    assert "Ik wil in de zorg werken." in shown(coordinator, plan)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda plan: Person.objects.filter(pk=member(plan.household, "Jan").pk).update(
                prefix="", surname="Visser"
            ),
            "Jan Visser",
        ),
        (
            lambda plan: NetworkMember.objects.filter(name="Kees Buurman").update(name="Kees Overbuur"),
            "Kees Overbuur",
        ),
        (
            lambda plan: Service.objects.filter(code="WMO-BEG-IND").update(name="Werkbegeleiding"),
            "Werkbegeleiding",
        ),
        (
            lambda plan: Provider.objects.filter(agb_code="75000101").update(name="Anders Zorg BV"),
            "Anders Zorg BV",
        ),
        (
            lambda plan: Budget.objects.filter(
                municipality=plan.municipality, year=TODAY.year, law="wmo"
            ).update(amount=7200000),
            "van € 7.200.000",
        ),
        (lambda plan: User.objects.filter(username="regisseur").update(last_name="Yildiz"), "Mehmet Yildiz"),
    ],
    ids=["person", "network member", "service", "provider", "budget", "user"],
)
def test_a_change_elsewhere_shows_on_the_next_view_even_without_a_write_path(
    coordinator, plan, change, expected
):
    assert expected not in shown(coordinator, plan)
    change(plan)  # a bulk update: no model signal, no plan version
    assert expected in shown(coordinator, plan)


def test_signals_are_read_on_every_view(coordinator, plan):
    shown(coordinator, plan)
    Plan.objects.filter(pk=plan.pk).update(next_review_on=date(2020, 1, 1))
    plan.refresh_from_db()
    assert follow_up_signals.check(plan)
    page = shown(coordinator, plan)
    assert FollowUpSignal.objects.filter(plan=plan).exists()
    assert "Signalen: de inzet volstaat misschien niet meer" in page
    assert "te laat" in page


def test_a_user_without_a_right_never_gets_a_body_made_for_one_who_has_it(client, demo_region, plan):
    # An open escalation links to recording its outcome, for those who may coordinate.
    coordination.escalate(http_as("regisseur"), plan, plan.version, "Zorg op Maat", "Levert niet", False)
    client.force_login(User.objects.get(username="regisseur"))
    assert "Uitkomst vastleggen" in shown(client, plan)
    consultant = User.objects.get(username="consulent")
    assert not consultant.has_perm("plans.coordinate_plan")
    client.force_login(consultant)
    response = client.get(url(plan))
    assert response.status_code == 200, "the consultant shares the coordinator's team"
    assert "Uitkomst vastleggen" not in response.content.decode()


def test_the_body_reads_only_tables_its_key_covers(coordinator, plan):
    """A new join in the body to a table outside the plan that the fingerprint does not read would
    leave stale names on the page: this fails first."""
    with CaptureQueriesContext(connection) as cold:
        shown(coordinator, plan)
    with CaptureQueriesContext(connection) as warm:
        shown(coordinator, plan)

    def tables(queries) -> set[str]:
        return {t for q in queries for t in re.findall(r'(?:FROM|JOIN) "(\w+)"', q["sql"])}

    covered = {model._meta.db_table for model in (*page_cache.AGGREGATE, *page_cache.OUTSIDE)}
    body_only = tables(cold.captured_queries) - tables(warm.captured_queries)
    assert body_only, "the cold view reads the plan's parts"
    assert body_only <= covered, body_only - covered


def test_the_body_asks_only_the_rights_its_key_holds():
    asked = set()
    for name in BODY:
        text = Path(get_template(name).origin.name).read_text()
        asked |= {f"{a}.{b}" for a, b in re.findall(r"perms\.(\w+)\.(\w+)", text)}
    assert "plans.change_plan" in asked
    assert asked <= set(page_cache.RIGHTS), asked - set(page_cache.RIGHTS)


def test_an_ended_plan_loses_its_edit_links_on_the_next_view(coordinator, plan):
    """An ended plan is shown without its edit links, though the same user saw them a moment ago."""
    assert "Doel wijzigen" in shown(coordinator, plan)
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ENDED)
    assert "Doel wijzigen" not in shown(coordinator, plan)
    assert Goal.objects.filter(plan=plan).count() == 1
