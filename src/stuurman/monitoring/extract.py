"""The plain rows the indicators need, from the database, grouped there (never whole tables in Python).

Every query joins the reporting periods as a small VALUES list, so one scan serves every period, and
groups by period, the household's area and, where it applies, the law. The rows feed the pure
functions in indicators.py. The SQL is plain and portable: PostgreSQL in production, SQLite for a
first local run (the dialect helpers below differ only in date arithmetic).

A contribution *counts* as indicators.is_delivered says: not in a draft plan, and tailored or
specialist help only with a granted decision. It *runs* in a period when it starts before the period
ends and does not end before it starts.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from stuurman.assessment.models import Assessment, Conversation, Domain, InstrumentVersion, Score
from stuurman.intake.models import Request
from stuurman.people.models import Household, Membership, Person
from stuurman.plans.models import Budget, Contribution, Decision, Goal, Plan, Review

from . import indicators as ind
from .periods import Period

T = {
    "contribution": Contribution._meta.db_table,
    "plan": Plan._meta.db_table,
    "household": Household._meta.db_table,
    "membership": Membership._meta.db_table,
    "person": Person._meta.db_table,
    "goal": Goal._meta.db_table,
    "decision": Decision._meta.db_table,
    "review": Review._meta.db_table,
    "request": Request._meta.db_table,
    "plan_requests": Plan.requests.through._meta.db_table,
    "score": Score._meta.db_table,
    "assessment": Assessment._meta.db_table,
    "conversation": Conversation._meta.db_table,
}


@dataclass(frozen=True)
class Rows:
    """Grouped rows per law, and for all laws together (where a unit can fall under several laws the
    second is its own query, so everyone counts once)."""

    by_law: list[tuple]
    all_laws: list[tuple]


def _sqlite() -> bool:
    return connection.vendor == "sqlite"


def _days(later: str, earlier: str) -> str:
    if _sqlite():
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
    return f"({later} - {earlier})"


def _plus_one_day(day: str) -> str:
    return f"date({day}, '+1 day')" if _sqlite() else f"({day} + 1)"


def _least(a: str, b: str) -> str:
    return f"MIN({a}, {b})" if _sqlite() else f"LEAST({a}, {b})"


def _greatest(a: str, b: str) -> str:
    return f"MAX({a}, {b})" if _sqlite() else f"GREATEST({a}, {b})"


def _date(value):
    return value.isoformat() if _sqlite() else value


def _periods_cte(periods: Sequence[Period]) -> tuple[str, list]:
    rows = ", ".join(["(%s, %s, %s)"] * len(periods))
    if not _sqlite():
        rows = ", ".join(["(%s, CAST(%s AS date), CAST(%s AS date))"] * len(periods))
    params = [value for p in periods for value in (p.key, _date(p.start), _date(p.end))]
    return f"periods(key, start_on, end_on) AS (VALUES {rows})", params


def _fetch(sql: str, params: Sequence) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return [tuple(row) for row in cursor.fetchall()]


# A delivered contribution c of plan p (with its decision d left-joined), and whether it runs in pr.
_DELIVERED = f"p.status <> 'draft' AND (c.tier < {int(ind.DECISION_TIER)} OR d.granted)"
_RUNS = "c.starts_on <= pr.end_on AND (c.ends_on IS NULL OR c.ends_on >= pr.start_on)"
_CONTRIBUTIONS = f"""
    {T["contribution"]} c
    JOIN {T["plan"]} p ON p.id = c.plan_id
    JOIN {T["household"]} h ON h.id = p.household_id
    LEFT JOIN {T["decision"]} d ON d.contribution_id = c.id
"""


def _both(template: str, params: list, law_column: str) -> Rows:
    """Run a template once grouped by law (blank laws left out) and once for all laws together."""
    by_law = template.format(law=law_column, law_group=f", {law_column}", law_filter=f"{law_column} <> ''")
    every = template.format(law="''", law_group="", law_filter="1 = 1")
    return Rows(_fetch(by_law, params), _fetch(every, params))


def reach(periods: Sequence[Period]) -> Rows:
    """(period, area, municipality, law, persons, households)"""
    cte, params = _periods_cte(periods)
    template = f"""
        WITH {cte}
        SELECT pr.key, h.area_id, h.municipality_id, {{law}},
               COUNT(DISTINCT g.person_id), COUNT(DISTINCT p.household_id)
        FROM {_CONTRIBUTIONS}
        LEFT JOIN {T["goal"]} g ON g.id = c.goal_id
        JOIN periods pr ON {_RUNS}
        WHERE {_DELIVERED} AND c.tier >= {int(ind.PROVISION_TIER)} AND c.law <> '' AND {{law_filter}}
        GROUP BY pr.key, h.area_id, h.municipality_id{{law_group}}
    """
    return _both(template, params, "c.law")


def _running_plan_laws(cte: str) -> str:
    """Per period and plan, the laws of its delivered contributions that run then (plan-law filter)."""
    return f"""
        WITH {cte},
        plan_laws AS (
            SELECT DISTINCT pr.key AS period, c.plan_id, c.law
            FROM {_CONTRIBUTIONS} JOIN periods pr ON {_RUNS}
            WHERE {_DELIVERED}
        )
    """


def integrated(periods: Sequence[Period]) -> Rows:
    """(period, area, municipality, law, more than one law, more than one domain, plans)"""
    cte, params = _periods_cte(periods)
    template = f"""
        {_running_plan_laws(cte)},
        per_plan AS (
            SELECT period, plan_id, COUNT(DISTINCT NULLIF(law, '')) AS laws FROM plan_laws
            GROUP BY period, plan_id
        ),
        domains AS (SELECT plan_id, COUNT(DISTINCT domain) AS domains FROM {T["goal"]} GROUP BY plan_id),
        chosen AS (SELECT DISTINCT period, plan_id, {{law}} AS law FROM plan_laws WHERE {{law_filter}})
        SELECT x.period, h.area_id, h.municipality_id, x.law,
               CASE WHEN pp.laws > 1 THEN 1 ELSE 0 END,
               CASE WHEN COALESCE(dm.domains, 0) > 1 THEN 1 ELSE 0 END, COUNT(*)
        FROM chosen x
        JOIN per_plan pp ON pp.period = x.period AND pp.plan_id = x.plan_id
        JOIN {T["plan"]} p ON p.id = x.plan_id
        JOIN {T["household"]} h ON h.id = p.household_id
        LEFT JOIN domains dm ON dm.plan_id = x.plan_id
        GROUP BY x.period, h.area_id, h.municipality_id, x.law,
                 CASE WHEN pp.laws > 1 THEN 1 ELSE 0 END,
                 CASE WHEN COALESCE(dm.domains, 0) > 1 THEN 1 ELSE 0 END
    """
    return _both(template, params, "law")


def outflow(periods: Sequence[Period]) -> Rows:
    """(period, area, municipality, law, independent, ended plans)"""
    cte, params = _periods_cte(periods)
    day = _plus_one_day("p.ends_on")
    laws = ", ".join(f"'{law}'" for law in ind.DEPENDENCY_LAWS)
    still = f"""
        EXISTS (
            SELECT 1 FROM {T["contribution"]} c2
            JOIN {T["plan"]} p2 ON p2.id = c2.plan_id
            LEFT JOIN {T["decision"]} d2 ON d2.contribution_id = c2.id
            WHERE p2.household_id = p.household_id AND p2.status <> 'draft'
              AND c2.tier >= {int(ind.DECISION_TIER)} AND d2.granted AND c2.law IN ({laws})
              AND c2.starts_on <= {day} AND (c2.ends_on IS NULL OR c2.ends_on >= {day})
        )
    """
    template = f"""
        WITH {cte},
        ended AS (
            SELECT pr.key AS period, p.id AS plan_id, p.household_id,
                   CASE WHEN {still} THEN 0 ELSE 1 END AS independent
            FROM {T["plan"]} p JOIN periods pr ON p.ends_on BETWEEN pr.start_on AND pr.end_on
            WHERE p.status = 'ended' AND p.ends_on IS NOT NULL
        ),
        chosen AS (
            SELECT DISTINCT e.period, e.plan_id, e.household_id, e.independent, {{law}} AS law
            FROM ended e LEFT JOIN {T["contribution"]} c ON c.plan_id = e.plan_id
            WHERE {{law_filter}}
        )
        SELECT x.period, h.area_id, h.municipality_id, x.law, x.independent, COUNT(*)
        FROM chosen x JOIN {T["household"]} h ON h.id = x.household_id
        GROUP BY x.period, h.area_id, h.municipality_id, x.law, x.independent
    """
    return _both(template, params, "c.law")


def lines(periods: Sequence[Period]) -> Rows:
    """(period, area, municipality, law, highest line, units). A unit is the household, else the person,
    else the request itself."""
    cte, params = _periods_cte(periods)
    unit = (
        "COALESCE('h' || CAST(r.household_id AS TEXT), 'p' || CAST(r.person_id AS TEXT), "
        "'r' || CAST(r.id AS TEXT))"
    )
    template = f"""
        WITH {cte},
        units AS (
            SELECT pr.key AS period, {unit} AS unit, COALESCE(h.area_id, pe.area_id) AS area_id,
                   r.municipality_id, {{law}} AS law, MAX(r.line) AS line
            FROM {T["request"]} r
            LEFT JOIN {T["household"]} h ON h.id = r.household_id
            LEFT JOIN {T["person"]} pe ON pe.id = r.person_id
            JOIN periods pr ON r.received_on BETWEEN pr.start_on AND pr.end_on
            WHERE r.line IS NOT NULL AND {{law_filter}}
            GROUP BY pr.key, {unit}, COALESCE(h.area_id, pe.area_id), r.municipality_id{{law_group}}
        )
        SELECT period, area_id, municipality_id, law, line, COUNT(*) FROM units
        GROUP BY period, area_id, municipality_id, law, line
    """
    return _both(template, params, "r.law")


def tiers(periods: Sequence[Period]) -> Rows:
    """(period, area, municipality, law, tier, contributions); by law: the plans with that law running."""
    cte, params = _periods_cte(periods)
    by_law = f"""
        {_running_plan_laws(cte)}
        SELECT pr.key, h.area_id, h.municipality_id, pl.law, c.tier, COUNT(*)
        FROM {_CONTRIBUTIONS} JOIN periods pr ON {_RUNS}
        JOIN plan_laws pl ON pl.plan_id = c.plan_id AND pl.period = pr.key AND pl.law <> ''
        WHERE {_DELIVERED}
        GROUP BY pr.key, h.area_id, h.municipality_id, pl.law, c.tier
    """
    every = f"""
        WITH {cte}
        SELECT pr.key, h.area_id, h.municipality_id, '', c.tier, COUNT(*)
        FROM {_CONTRIBUTIONS} JOIN periods pr ON {_RUNS}
        WHERE {_DELIVERED}
        GROUP BY pr.key, h.area_id, h.municipality_id, c.tier
    """
    return Rows(_fetch(by_law, params), _fetch(every, params))


def zrm_domains() -> tuple[dict[str, str], list[tuple[int, str]]]:
    """The newest ZRM version's domains (code → name, in order) and every ZRM domain id mapped to the
    code of its newest continuation. Justitie and other sensitive domains are left out."""
    versions = sorted(InstrumentVersion.objects.filter(instrument="zrm"), key=lambda v: v.version)
    if not versions:
        return {}, []
    domains = list(Domain.objects.filter(version__instrument="zrm").select_related("version"))
    newer = {domain.continues_id: domain for domain in domains if domain.continues_id}

    def newest(domain):
        while domain.pk in newer:
            domain = newer[domain.pk]
        return domain

    latest = sorted((d for d in domains if d.version_id == versions[-1].pk), key=lambda d: d.order)
    names = {d.code: d.name for d in latest if not d.sensitive}
    mapping = [(d.pk, newest(d).code) for d in domains]
    return names, [(pk, code) for pk, code in mapping if code in names]


def _moments_ctes(cte: str, source: str) -> str:
    """First moment per person (and code) overall, and last moment per period, from ``source`` rows."""
    return f"""
        WITH {cte},
        s AS ({source}),
        firsts AS (
            SELECT * FROM (
                SELECT s.*, ROW_NUMBER() OVER (PARTITION BY person_id, code ORDER BY held_on, aid) AS n
                FROM s
            ) x WHERE n = 1
        ),
        lasts AS (
            SELECT * FROM (
                SELECT pr.key AS period, s.*, ROW_NUMBER() OVER (
                    PARTITION BY pr.key, s.person_id, s.code ORDER BY s.held_on DESC, s.aid DESC
                ) AS n
                FROM s JOIN periods pr ON s.held_on BETWEEN pr.start_on AND pr.end_on
            ) x WHERE n = 1
        )
    """


def zrm(periods: Sequence[Period], mapping: list[tuple[int, str]]) -> Rows:
    """(period, area, municipality, law, domain, first score, last score, persons); all laws = the sum."""
    if not mapping:
        return Rows([], [])
    cte, params = _periods_cte(periods)
    values = ", ".join(["(%s, %s)"] * len(mapping))
    cte = f"{cte}, dom(domain_id, code) AS (VALUES {values})"
    params += [value for pair in mapping for value in pair]
    source = f"""
        SELECT a.person_id, dom.code, c.held_on, a.id AS aid, sc.score AS value, a.law, c.household_id
        FROM {T["score"]} sc
        JOIN {T["assessment"]} a ON a.id = sc.assessment_id
        JOIN {T["conversation"]} c ON c.id = a.conversation_id
        JOIN dom ON dom.domain_id = sc.domain_id
        WHERE sc.score IS NOT NULL
    """
    sql = f"""
        {_moments_ctes(cte, source)}
        SELECT l.period, h.area_id, h.municipality_id, l.law, l.code, f.value, l.value, COUNT(*)
        FROM lasts l
        JOIN firsts f ON f.person_id = l.person_id AND f.code = l.code AND f.aid <> l.aid
        JOIN {T["household"]} h ON h.id = l.household_id
        GROUP BY l.period, h.area_id, h.municipality_id, l.law, l.code, f.value, l.value
    """
    return _summed(_fetch(sql, params))


def ladder(periods: Sequence[Period]) -> Rows:
    """(period, area, municipality, law, first rung or None, last rung, attainable, persons)"""
    cte, params = _periods_cte(periods)
    source = f"""
        SELECT a.person_id, 'ladder' AS code, c.held_on, a.id AS aid, a.rung_now AS value,
               a.rung_attainable AS attainable, a.law, c.household_id
        FROM {T["assessment"]} a JOIN {T["conversation"]} c ON c.id = a.conversation_id
        WHERE a.rung_now IS NOT NULL
    """
    sql = f"""
        {_moments_ctes(cte, source)}
        SELECT l.period, h.area_id, h.municipality_id, l.law,
               CASE WHEN f.aid = l.aid THEN NULL ELSE f.value END, l.value, l.attainable, COUNT(*)
        FROM lasts l
        JOIN firsts f ON f.person_id = l.person_id
        JOIN {T["household"]} h ON h.id = l.household_id
        GROUP BY l.period, h.area_id, h.municipality_id, l.law,
                 CASE WHEN f.aid = l.aid THEN NULL ELSE f.value END, l.value, l.attainable
    """
    return _summed(_fetch(sql, params))


def _summed(rows: list[tuple]) -> Rows:
    """Each unit falls under exactly one law (or none) here, so all laws is the same rows once more."""
    return Rows([row for row in rows if row[3]], [(*row[:3], "", *row[4:]) for row in rows])


def deadlines(first_day, last_day) -> list[tuple]:
    """(area, municipality, law, application date, decision date, decisions) for decisions in the range;
    the periods and the legal term are applied to these grouped rows in Python (the term has holidays)."""
    laws = ", ".join(f"'{law}'" for law in ind.TERM_LAWS)
    application = f"""
        (SELECT MAX(r.application_on) FROM {T["request"]} r
         JOIN {T["plan_requests"]} pq ON pq.request_id = r.id
         WHERE pq.plan_id = c.plan_id AND r.law = c.law AND r.application_on <= d.decided_on)
    """
    sql = f"""
        SELECT area_id, municipality_id, law, application_on, decided_on, COUNT(*) FROM (
            SELECT h.area_id, h.municipality_id, c.law, {application} AS application_on, d.decided_on
            FROM {T["decision"]} d
            JOIN {T["contribution"]} c ON c.id = d.contribution_id
            JOIN {T["plan"]} p ON p.id = c.plan_id
            JOIN {T["household"]} h ON h.id = p.household_id
            WHERE c.law IN ({laws}) AND d.decided_on BETWEEN %s AND %s
        ) x
        WHERE application_on IS NOT NULL
        GROUP BY area_id, municipality_id, law, application_on, decided_on
    """
    rows = _fetch(sql, [_date(first_day), _date(last_day)])
    return [(*row[:3], _as_date(row[3]), _as_date(row[4]), row[5]) for row in rows]


def _as_date(value):
    from datetime import date

    return date.fromisoformat(value) if isinstance(value, str) else value


def reviews(periods: Sequence[Period]) -> Rows:
    """(period, area, municipality, law, days held after the planned day, reviews)"""
    cte, params = _periods_cte(periods)
    late = _days("rv.held_on", "rv.due_on")
    template = f"""
        WITH {cte},
        laws AS (SELECT DISTINCT plan_id, law FROM {T["contribution"]} WHERE law <> ''),
        held AS (
            SELECT DISTINCT pr.key AS period, rv.id, p.household_id, {late} AS late, {{law}} AS law
            FROM {T["review"]} rv
            JOIN {T["plan"]} p ON p.id = rv.plan_id
            JOIN periods pr ON rv.held_on BETWEEN pr.start_on AND pr.end_on
            LEFT JOIN laws pl ON pl.plan_id = rv.plan_id
            WHERE {{law_filter}}
        )
        SELECT x.period, h.area_id, h.municipality_id, x.law, x.late, COUNT(*)
        FROM held x JOIN {T["household"]} h ON h.id = x.household_id
        GROUP BY x.period, h.area_id, h.municipality_id, x.law, x.late
    """
    return _both(template, params, "pl.law")


def costs(periods: Sequence[Period]) -> Rows:
    """(period, area, municipality, law, delivery or '*' for all forms, summed cost-days, households)"""
    cte, params = _periods_cte(periods)
    overlap = _days(
        _least("COALESCE(c.ends_on, pr.end_on)", "pr.end_on"), _greatest("c.starts_on", "pr.start_on")
    )
    found = {True: [], False: []}
    for with_law in (True, False):
        for with_delivery in (True, False):
            law = "c.law" if with_law else "''"
            delivery = "c.delivery" if with_delivery else "'*'"
            groups = ", ".join(
                column for column, used in ((law, with_law), (delivery, with_delivery)) if used
            )
            sql = f"""
                WITH {cte}
                SELECT pr.key, h.area_id, h.municipality_id, {law}, {delivery},
                       SUM(c.cost_per_month * ({overlap} + 1)), COUNT(DISTINCT p.household_id)
                FROM {_CONTRIBUTIONS} JOIN periods pr ON {_RUNS}
                WHERE {_DELIVERED} AND c.cost_per_month > 0 {"AND c.law <> ''" if with_law else ""}
                GROUP BY pr.key, h.area_id, h.municipality_id{", " + groups if groups else ""}
            """
            found[with_law] += _fetch(sql, params)
    return Rows(found[True], found[False])


def stacking(periods: Sequence[Period]) -> list[tuple]:
    """(period, area, municipality, laws with tailored provisions, households)"""
    cte, params = _periods_cte(periods)
    flags = ", ".join(
        f"MAX(CASE WHEN c.law = '{law}' THEN 1 ELSE 0 END) AS {law}" for law in ind.STACKING_LAWS
    )
    names = ", ".join(f"x.{law}" for law in ind.STACKING_LAWS)
    sql = f"""
        WITH {cte},
        per_household AS (
            SELECT pr.key AS period, p.household_id, {flags}
            FROM {_CONTRIBUTIONS} JOIN periods pr ON {_RUNS}
            WHERE {_DELIVERED} AND c.tier >= {int(ind.DECISION_TIER)}
              AND c.law IN ({", ".join(f"'{law}'" for law in ind.STACKING_LAWS)})
            GROUP BY pr.key, p.household_id
        )
        SELECT x.period, h.area_id, h.municipality_id, {names}, COUNT(*)
        FROM per_household x JOIN {T["household"]} h ON h.id = x.household_id
        GROUP BY x.period, h.area_id, h.municipality_id, {names}
    """
    return [
        (
            *row[:3],
            frozenset(law for law, flag in zip(ind.STACKING_LAWS, row[3:6], strict=True) if flag),
            row[6],
        )
        for row in _fetch(sql, params)
    ]


def population() -> list[tuple]:
    """(area, municipality, persons, households) as Stuurman knows them now."""
    sql = f"""
        SELECT h.area_id, h.municipality_id, COUNT(DISTINCT m.person_id), COUNT(DISTINCT h.id)
        FROM {T["household"]} h JOIN {T["membership"]} m ON m.household_id = h.id AND m.until IS NULL
        GROUP BY h.area_id, h.municipality_id
    """
    return _fetch(sql, [])


def budgets(years: Sequence[int]) -> list[tuple]:
    """(municipality, law, year, amount per year)"""
    return list(
        Budget.objects.filter(year__in=list(years)).values_list("municipality_id", "law", "year", "amount")
    )


def first_day():
    """The earliest day anything the monitor counts happened."""
    sql = f"""
        SELECT MIN(day) FROM (
            SELECT MIN(starts_on) AS day FROM {T["contribution"]}
            UNION ALL SELECT MIN(received_on) FROM {T["request"]}
            UNION ALL SELECT MIN(held_on) FROM {T["conversation"]}
        ) x
    """
    value = _fetch(sql, [])[0][0]
    return _as_date(value) if value else None
