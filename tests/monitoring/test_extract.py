"""The database layer: grouped queries over constructed data give what the pure definitions say.

Figures are read before suppression here (refresh's own steps), so small known answers can be checked.
"""

from datetime import date
from decimal import Decimal

import pytest

from stuurman.monitoring import extract
from stuurman.monitoring import indicators as ind
from stuurman.monitoring.periods import covering
from stuurman.monitoring.refresh import Scopes, _budgets, _collect, _rolled_up
from stuurman.plans.models import Budget
from stuurman.tenancy.models import Area, Municipality

from . import factories as f

pytestmark = pytest.mark.django_db
H1 = "2025-H1"


@pytest.fixture
def figures(demo_region):
    def compute():
        periods = covering(date(2024, 1, 1), date(2026, 12, 2))
        _names, mapping = extract.zrm_domains()
        scopes = Scopes.load()
        raw = _collect(periods, scopes, mapping)
        _budgets(raw, periods)
        full = _rolled_up(raw, scopes)

        def get(indicator, key, period=H1, law="", scope=f"R{demo_region.pk}", amount=False):
            count, value = full.get((indicator, period, scope, law), {}).get(key, (0, None))
            return value if amount else count

        return get

    return compute


def test_stacking_per_household_across_the_three_laws(figures):
    wmo = f.household()
    f.contribution(f.plan(wmo), 6, law="wmo")
    both = f.plan(f.household(ages=(40, 10)))
    f.contribution(both, 6, law="wmo")
    f.contribution(both, 7, law="jeugdwet")
    three = f.plan(f.household(ages=(40, 10)))
    for law in ("jeugdwet", "participatiewet", "wmo"):
        f.contribution(three, 6, law=law)
    f.contribution(f.plan(f.household()), 6, law="debt")  # not one of the three laws
    f.contribution(f.plan(f.household()), 6, law="wmo", granted=False)  # refused: not delivered
    f.contribution(f.plan(f.household(), status="draft"), 6, law="wmo")  # draft plan: not counted
    f.contribution(f.plan(f.household()), 5, law="wmo")  # a general provision is not stacked
    f.contribution(f.plan(f.household()), 6, law="wmo", starts_on=date(2025, 7, 1))  # later period
    get = figures()
    assert [get("stacking", key) for key in ("w", "jw", "jpw", "j", "multi", "any")] == [1, 1, 1, 0, 2, 3]
    assert get("stacking", "w", period="2025-H2") == 2


def test_outflow_to_independence_the_day_after_the_plan_ended(figures):
    # Supported: another plan of the household still has a Wmo provision on 1 April.
    still = f.household()
    f.contribution(f.plan(still, status="ended", ends_on=date(2025, 3, 31)), 4)
    f.contribution(f.plan(still, starts_on=date(2025, 3, 1)), 6, law="wmo")
    # Independent: its own tailored help ended the same day as the plan.
    f.contribution(
        f.plan(f.household(), status="ended", ends_on=date(2025, 5, 15)),
        6,
        law="wmo",
        ends_on=date(2025, 5, 15),
    )
    # Supported: the debt help of the ended plan runs on after it.
    f.contribution(
        f.plan(f.household(), status="ended", ends_on=date(2025, 6, 10)),
        6,
        law="debt",
        ends_on=date(2025, 9, 1),
    )
    # Independent: youth care is not in the definition.
    f.contribution(f.plan(f.household(), status="ended", ends_on=date(2025, 6, 20)), 6, law="jeugdwet")
    f.plan(f.household(), status="ended", ends_on=date(2025, 8, 1))  # ends in the next half-year
    get = figures()
    assert (get("outflow", "ended"), get("outflow", "independent"), get("outflow", "supported")) == (4, 2, 2)
    assert get("outflow", "ended", law="debt") == 1
    assert get("outflow", "ended", period="2025") == 5


def test_reach_counts_people_once_over_laws_and_per_thousand_inhabitants(figures):
    home = f.household(ages=(45, 12))
    parent, child = list(home.members.order_by("birth_date"))
    the_plan = f.plan(home)
    f.contribution(the_plan, 6, law="wmo", person=parent)
    f.contribution(the_plan, 5, law="debt", person=parent)
    f.contribution(the_plan, 6, law="jeugdwet", person=child)
    f.contribution(the_plan, 2, person=child)  # the network is not a provision
    get = figures()
    assert (get("reach", "persons", law="wmo"), get("reach", "persons", law="jeugdwet")) == (1, 1)
    assert (get("reach", "persons"), get("reach", "households")) == (2, 1)
    assert get("population", "persons", period="now") >= 2


def test_integrated_plans_tiers_and_the_four_way_form(figures):
    one = f.plan(f.household())
    f.contribution(one, 1, domain="work")
    f.contribution(one, 6, law="wmo", domain="finances")
    two = f.plan(f.household())
    f.contribution(two, 3, domain="work")
    f.contribution(two, 6, law="wmo", domain="work")
    f.contribution(two, 6, law="debt", domain="work")
    get = figures()
    assert [get("integrated", k) for k in ("plans", "integrated", "multi_law", "multi_domain")] == [
        2,
        2,
        1,
        1,
    ]
    assert get("integrated", "plans", law="debt") == 1
    assert [get("tiers", f"t{t}") for t in (1, 3, 6)] == [1, 1, 3]
    assert [get("four_way", k) for k in ("own", "network", "tailored", "total")] == [1, 1, 3, 5]
    # By law: all the contributions of the plans with that law, own strength included.
    assert get("tiers", "total", law="debt") == 3


def test_lines_at_the_highest_line_of_each_household(figures):
    home = f.household()
    f.request(home, line=1, received_on=date(2025, 2, 1))
    f.request(home, line=2, received_on=date(2025, 3, 1))
    f.request(f.household(), line=0, received_on=date(2025, 4, 1))
    f.request(f.household(), line=None, received_on=date(2025, 4, 1))  # no line yet
    get = figures()
    assert [get("lines", k) for k in ("0", "1", "2", "total")] == [1, 0, 1, 2]


def test_deadlines_from_the_application_in_the_plan_with_the_median(figures):
    home = f.household()
    the_plan = f.plan(home)
    f.request(home, law="wmo", application_on=date(2025, 3, 3), the_plan=the_plan)
    f.contribution(the_plan, 6, law="wmo", decided_on=date(2025, 3, 10))  # 7 days: met
    f.contribution(the_plan, 6, law="wmo", decided_on=date(2025, 3, 31))  # 28 days: late
    f.contribution(the_plan, 6, law="jeugdwet", decided_on=date(2025, 3, 31))  # no Jeugdwet application
    get = figures()
    assert (get("deadlines", "decided"), get("deadlines", "met"), get("deadlines", "late")) == (2, 1, 1)
    assert (get("deadlines", "d:7", law="wmo"), get("deadlines", "d:28", law="wmo")) == (1, 1)
    assert get("deadlines", "decided", period="2025") == 2


def test_reviews_on_time_and_costs_against_the_budget(figures):
    the_plan = f.plan(f.household())
    f.review(the_plan, due_on=date(2025, 4, 1), held_on=date(2025, 3, 28))
    f.review(the_plan, due_on=date(2025, 5, 1), held_on=date(2025, 5, 20))
    f.contribution(the_plan, 6, law="wmo", cost=365, delivery="in_kind", starts_on=date(2024, 1, 1))
    f.contribution(the_plan, 6, law="wmo", cost="365", delivery="pgb", starts_on=date(2025, 6, 1))
    waalkant = Municipality.objects.get(cbs_code="GM9901")
    Budget.objects.filter(municipality=waalkant).delete()
    Budget.objects.create(municipality=waalkant, law="wmo", year=2025, amount=Decimal("1000000"))
    get = figures()
    assert (get("reviews", "held"), get("reviews", "on_time"), get("reviews", "late")) == (2, 1, 1)
    assert get("costs", "in_kind", amount=True) == 217200  # € 365 x 12 / 365 x 181 days
    assert get("costs", "pgb", amount=True) == 36000  # 30 days of June
    assert get("costs", "total", amount=True) == 253200
    assert get("costs", "total") == 1
    assert get("budget", "amount", law="wmo", scope=f"M{waalkant.pk}", amount=True) == 50_000_000


def test_zrm_first_against_last_per_domain_and_the_ladder(figures):
    home = f.household(ages=(40,))
    person = home.members.get()
    f.assessment(home, person, date(2024, 9, 1), scores={"finances": 2, "work": 3}, rung=(2, 4))
    f.assessment(home, person, date(2025, 2, 1), scores={"finances": 3}, rung=(2, 4))
    f.assessment(home, person, date(2025, 5, 1), scores={"finances": 4, "work": 2}, rung=(3, 4))
    only_once = f.household()
    f.assessment(only_once, only_once.members.get(), date(2025, 3, 1), scores={"finances": 1}, rung=(1, 5))
    get = figures()
    assert (
        get("zrm", "finances:improved"),
        get("zrm", "work:declined"),
        get("zrm", "finances:measured"),
    ) == (1, 1, 1)
    assert get("zrm", "finances:improved", law="wmo") == 1
    assert (get("ladder_movement", "up"), get("ladder_movement", "measured")) == (1, 1)
    assert (get("ladder_rungs", "r3"), get("ladder_rungs", "r1"), get("ladder_rungs", "total")) == (1, 1, 2)
    assert (get("ladder_gap", "g1"), get("ladder_gap", "g3"), get("ladder_gap", "total")) == (1, 1, 2)


def test_older_zrm_versions_count_under_their_continuation(figures):
    home = f.household()
    person = home.members.get()
    f.assessment(home, person, date(2024, 3, 1), scores={"finances": 2}, version="2013")
    f.assessment(home, person, date(2025, 3, 1), scores={"finances": 4})
    assert figures()("zrm", "finances:improved") == 1


def test_households_count_in_their_wijk_kern_and_municipality(figures):
    f.contribution(f.plan(f.household(buurt="Bloemenbuurt")), 6, law="wmo")
    get = figures()
    noord = Area.objects.get(name="Noord", kind="wijk")
    assert get("stacking", "w", scope=f"A{noord.pk}") == 1
    assert get("stacking", "w", scope=f"A{noord.parent_id}") == 1
    assert get("stacking", "w", scope=f"M{noord.municipality_id}") == 1
    other = Area.objects.get(name="De Hoven", kind="wijk")
    assert get("stacking", "w", scope=f"A{other.pk}") == 0
    assert ind.INDICATORS["stacking"].laws == ()
