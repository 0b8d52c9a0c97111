"""What happened to a generated household with a file: its requests, the plan with goals and
contributions over the tiers and laws, decisions, reviews and the ZRM and participation-ladder moments
over time. Drawn from the household's own random generator, after the household itself, so a case is
the same on every run (generator.py) and the households are the same as before cases existed.

Drawing is pure (codes and dates, no database); writing is in generator.py. The figures are rough
rather than real: about one file in five is for more than one law, most decisions fall within the
legal term but not all, reviews are mostly on time, and scores move a little between moments.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

# Per law: the life domains its goals are on, the general provisions, and the tailored and specialist
# products of the demo catalogue (demo/catalogue.py) with a rough cost per month in euros.
DOMAINS = {
    "wmo": ("basic_adl", "instrumental_adl", "housing", "network", "physical"),
    "jeugdwet": ("relations", "mental", "time"),
    "participatiewet": ("work", "participation", "time"),
    "debt": ("finances",),
}
GENERAL = {
    "wmo": (("AV-BOODSCHAP", 14, 40), ("AV-MAALTIJD", 90, 230), ("AV-MANTELZORG", 0, 0)),
    "jeugdwet": (("AV-OPVOED", 0, 0), ("AV-JONGEREN", 0, 0)),
    "participatiewet": (),
    "debt": (("AV-GELDZAKEN", 0, 0),),
}
TAILORED = {
    "wmo": (("WMO-HH", 180, 420), ("WMO-BEG-IND", 450, 1300), ("WMO-DAG", 600, 1500), ("WMO-PV", 300, 900)),
    "jeugdwet": (("JW-AMB", 700, 2200),),
    "participatiewet": (("PW-WERKFIT", 250, 650),),
    "debt": (("SHV-TRAJECT", 90, 220),),
}
SPECIALIST = {
    "wmo": (("WMO-BW", 2800, 4800),),
    "jeugdwet": (("JW-GGZ", 900, 2600), ("JW-VERBLIJF", 4200, 7500)),
}
LEGAL_GROUND = {
    "wmo": "Wmo 2015, art. 2.3.5",
    "jeugdwet": "Jeugdwet, art. 2.3",
    "participatiewet": "Participatiewet, art. 10",
    "debt": "Wet gemeentelijke schuldhulpverlening, art. 4",
}
# Days from application to decision: mostly within the term (Wmo 2 weeks, the others 8), some late.
DECISION_DAYS = {
    "wmo": ((0.72, 3, 14), (1.0, 15, 38)),
    "jeugdwet": ((0.78, 10, 56), (1.0, 57, 95)),
    "participatiewet": ((0.8, 10, 56), (1.0, 57, 90)),
    "debt": ((1.0, 7, 45),),
}
QUESTIONS = {
    "wmo": "Hulp nodig om thuis te kunnen blijven wonen",
    "jeugdwet": "Zorgen over hoe het met ons kind gaat",
    "participatiewet": "Graag weer aan het werk, met steun",
    "debt": "De rekeningen lopen uit de hand",
}
ADVICE_SHARE = 0.06  # households without a file who asked something and were helped at once (0e lijn)


@dataclass(frozen=True)
class Member:
    index: int
    age: int


@dataclass
class RequestDraw:
    law: str
    received_on: date
    line: int
    application_on: date | None
    closed: bool
    outcome: str


@dataclass
class Moment:
    """A conversation: per member index, the scores on their goal domains and the ladder."""

    held_on: date
    scores: dict[int, dict[str, int]] = field(default_factory=dict)
    rungs: dict[int, tuple[int, int]] = field(default_factory=dict)  # (now, attainable)
    law: dict[int, str] = field(default_factory=dict)


@dataclass
class ContributionDraw:
    tier: int
    goal: int | None  # index into the plan's goals
    what: str
    law: str = ""
    service: str = ""  # catalogue code
    cost_per_month: Decimal = Decimal(0)
    delivery: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    decision: tuple[bool, date, date] | None = None  # (granted, decided on, made known on)


@dataclass
class ReviewDraw:
    due_on: date
    held_on: date
    reason: str


@dataclass
class PlanDraw:
    status: str
    starts_on: date
    ends_on: date | None
    coordinator: int  # picked among the team's coordinators when written
    goals: list[tuple[int, str, str]]  # (member index, domain, law)
    contributions: list[ContributionDraw]
    reviews: list[ReviewDraw]
    next_review_on: date | None
    moments: list[Moment]
    escalation: tuple[date, bool] | None = None  # (raised on, doorzettingsmacht)


@dataclass
class CaseDraw:
    open_now: bool
    requests: list[RequestDraw]
    plan: PlanDraw | None
    transfer_days_ago: int | None = None


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _laws(rng: random.Random, members: list[Member]) -> list[str]:
    candidates = []
    if any(m.age < 18 for m in members):
        candidates += ["jeugdwet"] * 4
    if any(m.age >= 65 for m in members):
        candidates += ["wmo"] * 5
    if any(18 <= m.age < 67 for m in members):
        candidates += ["participatiewet"] * 2 + ["debt"] * 2 + ["wmo"]
    first = rng.choice(candidates or ["wmo"])
    laws = [first]
    if rng.random() < 0.22:
        others = [law for law in DOMAINS if law != first]
        laws.append(rng.choice(others))
    return laws


def _person_for(rng, law: str, members: list[Member]) -> int:
    fitting = {
        "jeugdwet": [m for m in members if m.age < 18],
        "wmo": [m for m in members if m.age >= 65] or [m for m in members if m.age >= 18],
        "participatiewet": [m for m in members if 18 <= m.age < 67],
        "debt": [m for m in members if m.age >= 18],
    }[law]
    return rng.choice(fitting or members).index


def _between(rng, low: date, high: date) -> date:
    return low + timedelta(days=rng.randint(0, max(0, (high - low).days)))


def draw_case(rng: random.Random, members: list[Member], today: date, *, open_now: bool) -> CaseDraw:
    laws = _laws(rng, members)
    if open_now:
        received = today - timedelta(
            days=rng.choice([rng.randint(10, 200), rng.randint(10, 600), rng.randint(10, 1000)])
        )
    else:
        received = today - timedelta(days=rng.randint(260, 1100))
    requests = []
    for number, law in enumerate(laws):
        on = min(today - timedelta(days=1), received + timedelta(days=rng.randint(0, 60) if number else 0))
        applied = on + timedelta(days=rng.randint(3, 35))
        requests.append(
            RequestDraw(
                law,
                on,
                2 if rng.random() < 0.4 else 1,
                applied if applied < today else None,
                not open_now,
                "team",
            )
        )
    starts = received + timedelta(days=rng.randint(10, 45))
    if starts >= today or (open_now and rng.random() < 0.12):
        return CaseDraw(open_now, requests, None)
    plan = _draw_plan(rng, members, laws, requests, starts, today, open_now)
    transfer = rng.randint(1, 20) if open_now and rng.random() < 0.03 else None
    return CaseDraw(open_now, requests, plan, transfer)


def _draw_plan(rng, members, laws, requests, starts, today, open_now) -> PlanDraw:
    if open_now:
        ends = None
        status = (
            "draft"
            if (today - starts).days < 30 and rng.random() < 0.5
            else rng.choice(["running"] * 6 + ["agreed"])
        )
    else:
        ends = _between(
            rng, starts + timedelta(days=90), min(today - timedelta(days=5), starts + timedelta(days=720))
        )
        status = "ended"
    last_day = ends or today
    goals = []
    for law in laws:
        for _ in range(rng.choice([1, 1, 2])):
            goals.append((_person_for(rng, law, members), rng.choice(DOMAINS[law]), law))
    applications = {r.law: r.application_on for r in requests}
    contributions = []

    def running(tier, goal, what, begin, **fields):
        begin = max(begin, starts)
        if begin > last_day and status == "ended":
            return
        end = None
        if status == "ended":
            end = min(ends, begin + timedelta(days=rng.randint(60, 700)))
            if tier >= 6 and rng.random() < 0.12:
                end = None if rng.random() < 0.3 else ends + timedelta(days=rng.randint(20, 300))
        elif rng.random() < 0.3 and begin + timedelta(days=40) < today:
            end = _between(rng, begin + timedelta(days=30), today - timedelta(days=1))
        contributions.append(ContributionDraw(tier, goal, what, starts_on=begin, ends_on=end, **fields))

    first_goal = 0
    if rng.random() < 0.7:
        running(1, first_goal, "Houdt zelf een weekplanning bij", starts + timedelta(days=rng.randint(0, 20)))
    if rng.random() < 0.6:
        tier = rng.choice([2, 3])
        what = (
            "Familie helpt met boodschappen en vervoer"
            if tier == 2
            else "Een buurvrouw kijkt twee keer per week om"
        )
        running(tier, first_goal, what, starts + timedelta(days=rng.randint(0, 30)))
    if rng.random() < 0.35:
        running(
            4,
            first_goal,
            "Meedoen met een activiteit van vrijwilligers",
            starts + timedelta(days=rng.randint(0, 40)),
            service="*local",
        )
    for index, (_person, _domain, law) in enumerate(goals):
        if GENERAL[law] and rng.random() < 0.4:
            code, low, high = rng.choice(GENERAL[law])
            cost = Decimal(rng.randint(low, high)) if high else Decimal(0)
            running(
                5,
                index,
                f"Gebruik van {code.lower()}",
                starts + timedelta(days=rng.randint(0, 30)),
                law=law,
                service=code,
                cost_per_month=cost,
            )
    for law in dict.fromkeys(law for _, _, law in goals):
        if rng.random() > 0.85:
            continue
        specialist = law in SPECIALIST and rng.random() < 0.12
        code, low, high = rng.choice(SPECIALIST[law] if specialist else TAILORED[law])
        goal = next(i for i, g in enumerate(goals) if g[2] == law)
        applied = applications.get(law)
        decision = None
        begin = today + timedelta(days=rng.randint(3, 30))
        if applied is not None:
            spread = rng.random()
            low_days, high_days = next((lo, hi) for share, lo, hi in DECISION_DAYS[law] if spread <= share)
            decided = applied + timedelta(days=rng.randint(low_days, high_days))
            if decided < today:
                known = min(today, decided + timedelta(days=rng.randint(0, 3)))
                decision = (rng.random() < 0.93, decided, known)
                begin = max(starts, decided + timedelta(days=rng.randint(0, 14)))
        running(
            7 if specialist else 6,
            goal,
            f"Maatwerk: {code.lower()}",
            begin,
            law=law,
            service=code,
            cost_per_month=Decimal(rng.randint(low, high)),
            delivery="pgb" if rng.random() < 0.15 else "in_kind",
            decision=decision,
        )
    reviews, moments, next_review = _reviews_and_moments(rng, members, goals, starts, last_day, today, status)
    escalation = None
    if status == "running" and rng.random() < 0.03:
        escalation = (today - timedelta(days=rng.randint(1, 60)), rng.random() < 0.3)
    return PlanDraw(
        status,
        starts,
        ends,
        rng.randint(0, 10_000),
        goals,
        contributions,
        reviews,
        next_review,
        moments,
        escalation,
    )


def _reviews_and_moments(rng, members, goals, starts, last_day, today, status):
    people = {}
    for person, domain, law in goals:
        people.setdefault(person, {"domains": [], "law": law})
        if domain not in people[person]["domains"]:
            people[person]["domains"].append(domain)
    ages = {m.index: m.age for m in members}
    first = Moment(max(starts - timedelta(days=rng.randint(0, 10)), starts - timedelta(days=10)))
    for person, info in people.items():
        first.scores[person] = {domain: rng.randint(1, 3) for domain in info["domains"]}
        first.law[person] = info["law"]
        if ages[person] >= 18:
            now = rng.randint(1, 4)
            first.rungs[person] = (now, min(6, now + rng.randint(0, 3)))
    moments, reviews = [first], []
    due, reason = _add_months(starts, 3), "3 maanden na de start"
    while due <= last_day:
        late = rng.randint(-14, 0) if rng.random() < 0.7 else rng.randint(1, 75)
        held = due + timedelta(days=late)
        if held > last_day or held > today - timedelta(days=1):
            break
        reviews.append(ReviewDraw(due, held, reason))
        previous = moments[-1]
        moment = Moment(held, law=dict(previous.law))
        for person, scores in previous.scores.items():
            moment.scores[person] = {
                d: min(5, max(1, s + rng.choice([-1, 0, 0, 1, 1, 1]))) for d, s in scores.items()
            }
        for person, (now, attainable) in previous.rungs.items():
            step = rng.choice([-1, 0, 0, 0, 1, 1])
            moment.rungs[person] = (min(6, max(1, now + step)), attainable)
        moments.append(moment)
        due, reason = _add_months(held, 6), "6 maanden na de vorige"
    next_review = None if status == "ended" else due
    return reviews, moments, next_review


def draw_advice(rng: random.Random, today: date) -> RequestDraw | None:
    """A question answered at once (advice or a general provision): the 0e lijn of the front door."""
    if rng.random() >= ADVICE_SHARE:
        return None
    law = rng.choice(["wmo", "wmo", "debt", "jeugdwet", "participatiewet"])
    received = today - timedelta(days=rng.randint(1, 1000))
    return RequestDraw(law, received, 0, None, True, rng.choice(["advice", "general"]))
