"""A De Vries plan to test with: the demo region, a coordinator, and helpers that make plan parts."""

from datetime import date

from django.test import RequestFactory

from stuurman.accounts.models import User
from stuurman.catalog.rules import Tier
from stuurman.people.models import Household
from stuurman.plans import services
from stuurman.plans.models import Contribution, Goal

# Why each tier below tailored care does not suffice for Jan, as a coordinator would record it.
REASONS = {
    Tier.SELF: "Jan raakt het overzicht kwijt over zijn dag.",
    Tier.HOUSEHOLD: "Els is al overbelast door de zorg voor Riek.",
    Tier.INFORMAL: "Kees helpt al met klussen, meer kan hij niet.",
    Tier.VOLUNTEERS: "Het maatjesproject heeft een wachtlijst van een half jaar.",
    Tier.GENERAL: "De inloop schuldhulp volstaat niet bij deze vragen.",
}


def http_as(username):
    request = RequestFactory().post("/")
    request.user = User.objects.get(username=username)
    request.session = {}
    return request


def de_vries():
    return Household.objects.get(name="Huishouden De Vries")


def member(household, first_names):
    return household.members.get(first_names=first_names)


def a_plan(starts_on=date(2026, 9, 1), ends_on=None, coordinator="regisseur"):
    http = http_as(coordinator)
    return http, services.start(http, de_vries(), coordinator=http.user, starts_on=starts_on, ends_on=ends_on)


def a_goal(http, plan, first_names="Jan", domain="work", wording="Ik wil weer aan het werk.", **extra):
    goal = Goal(
        person=member(plan.household, first_names),
        domain=domain,
        wording=wording,
        described_by=Goal.Described.INHABITANT,
        **extra,
    )
    services.save_goal(http, plan, plan.version, goal)
    return goal


def a_contribution(http, plan, tier, what, considered=(), **fields):
    contribution = Contribution(
        tier=tier, what=what, starts_on=fields.pop("starts_on", plan.starts_on), **fields
    )
    return services.save_contribution(http, plan, plan.version, contribution, list(considered))


def job_coaching(http, plan, goal, **fields):
    """The demo's Wmo job coaching for Jan, € 600 a month, with every lower tier considered."""
    from stuurman.catalog.models import Service
    from stuurman.plans.services import Considered

    return a_contribution(
        http,
        plan,
        Tier.TAILORED,
        "Begeleiding naar werk",
        [Considered(tier, True, reason) for tier, reason in REASONS.items()],
        goal=goal,
        service=Service.objects.get(code="WMO-BEG-IND"),
        law="wmo",
        cost_per_month="600.00",
        **fields,
    )


def a_service(kind="tailored", law="wmo", category="02", code="02A05"):
    from stuurman.catalog.models import Service

    return Service.objects.create(
        municipality=de_vries().municipality,
        code=f"TEST-{kind}-{Service.objects.count()}",
        name=f"Test {kind}",
        kind=kind,
        law=law,
        summary="Voor de tests",
        product_category=category if kind in ("tailored", "specialist") else "",
        product_code=code if kind in ("tailored", "specialist") else "",
    )


def a_provider(agb="98000001"):
    from stuurman.catalog.models import Provider

    return Provider.objects.create(municipality=de_vries().municipality, name="Zorg op Maat BV", agb_code=agb)
