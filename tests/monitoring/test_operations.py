"""The team's dashboard and the team lead's oversight: numbers per team, counted live; staff named,
no inhabitant."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from stuurman.accounts.models import Team, User
from stuurman.intake.models import Transfer
from stuurman.monitoring import operations
from stuurman.plans.models import Escalation, FollowUpSignal
from stuurman.privacy.models import Involvement

from . import factories as f

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 2)


@pytest.fixture
def team(demo_region):
    return Team.objects.get(name="Wijkteam Centrum-Noord")


def open_file(home, team, days_ago=10):
    Involvement.objects.create(
        municipality=home.municipality,
        household=home,
        team=team,
        source="team_lead",
        reason="Test",
        since=timezone.now() - timedelta(days=days_ago),
        created_by=User.objects.get(username="teamleider"),
    )


def test_workload_deadlines_reviews_and_signals_of_the_team(team):
    home = f.household()
    f.request(home, received_on=TODAY - timedelta(days=50)).__class__.objects.filter(household=home).update(
        next_due=TODAY - timedelta(days=1), status="routed"
    )
    soon = f.request(f.household(), law="jeugdwet")
    soon.next_due, soon.status = TODAY + timedelta(days=3), "routed"
    soon.save()
    late_review = f.plan(f.household())
    late_review.next_review_on = TODAY - timedelta(days=40)
    late_review.save()
    FollowUpSignal.objects.create(
        plan=late_review,
        team=team,
        kind="review_overdue",
        key="x",
        detail="Te laat",
        raised_at=timezone.now(),
    )
    found = operations.workload(team, TODAY)
    assert (found.open_requests, found.overdue, found.due_soon) == (2, 1, 1)
    assert dict(found.by_law) == {"Wmo 2015": 1, "Jeugdwet": 1}
    assert (found.plans, found.reviews_overdue) == (1, 1)
    assert found.signals == [("evaluatie te laat", 1)]
    assert operations.my_plans(User.objects.get(username="regisseur")) == 1


def test_oversight_of_coordination(team):
    coordinated = f.household()
    f.plan(coordinated)
    open_file(coordinated, team)
    waiting = f.household()
    open_file(waiting, team, days_ago=30)
    overdue = f.plan(f.household())
    overdue.next_review_on = TODAY - timedelta(days=100)
    overdue.save()
    Escalation.objects.create(
        plan=overdue,
        against="Aanbieder",
        what="Levert niet",
        doorzettingsmacht=True,
        raised_on=TODAY,
        raised_by=User.objects.get(username="regisseur"),
    )
    other = Team.objects.exclude(pk=team.pk).filter(municipality=team.municipality).first()
    request = f.request(waiting)
    Transfer.objects.create(
        request=request,
        from_team=other,
        to_team=team,
        reason="Verhuisd",
        sent_by=User.objects.get(username="loket"),
        sent_at=timezone.now() - timedelta(days=4),
    )
    found = operations.oversight(team, TODAY)
    caseload = {name: plans for name, _role, plans in found.caseload}
    assert caseload["Mehmet Yilmaz"] == 2
    # The De Vries household of the demo has an open file and no plan yet either.
    assert found.without_coordinator == 2
    assert found.waiting_since == (timezone.now() - timedelta(days=30)).date()
    assert dict(found.late_reviews) == {"1 tot 30 dagen": 0, "31 tot 90 dagen": 0, "meer dan 90 dagen": 1}
    assert (found.incoming, found.outgoing, found.escalations, found.doorzettingsmacht) == (1, 0, 1, 1)


def test_the_pages_name_staff_and_no_inhabitant(client, team):
    home = f.household(name="Huishouden Geheim")
    f.plan(home)
    client.force_login(User.objects.get(username="teamleider"))
    for url in ("/dashboard/team/", "/dashboard/regie/"):
        page = client.get(url).content.decode()
        assert "Wijkteam Centrum-Noord" in page
        assert "Geheim" not in page
        assert "Testpersoon" not in page
    assert "Mehmet Yilmaz" in client.get("/dashboard/regie/").content.decode()
