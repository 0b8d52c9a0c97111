"""Client profiles as a versioned rule set loaded as data (format 'stuurman-profiles/1').

Each profile has conditions on ZRM scores and facts; the first profile whose conditions all hold is
suggested, with the reasons. Pure: no Django. The conditions:
  domain_at_most / domain_at_least  {"finances": 2}   that domain assessed and at most / at least
  any_at_most                        2                 some assessed domain at most this
  at_least_domains_at_most           {"count": 3, "score": 2}
  age_at_least / age_below           75                facts["age"]
  law                                "jeugdwet"        facts["law"]
An empty condition set matches everyone (use it last, as the catch-all).
"""

from collections.abc import Mapping
from dataclasses import dataclass

FORMAT = "stuurman-profiles/1"


class RuleError(ValueError):
    pass


@dataclass(frozen=True)
class Suggestion:
    code: str
    name: str
    reasons: tuple[str, ...]


def _check(condition: str, value, scores: Mapping[str, int | None], facts: Mapping) -> str | None:
    """The reason the condition holds, or None when it does not."""
    assessed = {domain: score for domain, score in scores.items() if score is not None}
    if condition in ("domain_at_most", "domain_at_least"):
        reasons = []
        for domain, limit in value.items():
            score = assessed.get(domain)
            holds = score is not None and (score <= limit if condition.endswith("most") else score >= limit)
            if not holds:
                return None
            reasons.append(f"{domain} = {score}")
        return ", ".join(reasons)
    if condition == "any_at_most":
        low = [domain for domain, score in assessed.items() if score <= value]
        return f"{', '.join(sorted(low))} ≤ {value}" if low else None
    if condition == "at_least_domains_at_most":
        low = [domain for domain, score in assessed.items() if score <= value["score"]]
        return f"{len(low)} leefgebieden ≤ {value['score']}" if len(low) >= value["count"] else None
    if condition == "age_at_least":
        age = facts.get("age")
        return f"leeftijd {age}" if age is not None and age >= value else None
    if condition == "age_below":
        age = facts.get("age")
        return f"leeftijd {age}" if age is not None and age < value else None
    if condition == "law":
        return f"wet {value}" if facts.get("law") == value else None
    raise RuleError(f"Onbekende voorwaarde '{condition}'.")


def suggest(rule_set: Mapping, scores: Mapping[str, int | None], facts: Mapping) -> Suggestion | None:
    for profile in rule_set["profiles"]:
        reasons = []
        for condition, value in profile.get("when", {}).items():
            reason = _check(condition, value, scores, facts)
            if reason is None:
                break
            reasons.append(reason)
        else:
            return Suggestion(profile["code"], profile["name"], tuple(reasons))
    return None


KNOWN_CONDITIONS = frozenset(
    {
        "domain_at_most",
        "domain_at_least",
        "any_at_most",
        "at_least_domains_at_most",
        "age_at_least",
        "age_below",
        "law",
    }
)


def validate(rule_set: Mapping) -> list[str]:
    """Every problem in a rule set, so a bad file is refused whole with a clear report."""
    problems = []
    if rule_set.get("format") != FORMAT:
        problems.append(f"'format' moet '{FORMAT}' zijn.")
    for key in ("name", "version"):
        if not rule_set.get(key):
            problems.append(f"'{key}' ontbreekt.")
    profiles = rule_set.get("profiles") or []
    if not profiles:
        problems.append("'profiles' ontbreekt of is leeg.")
    codes = [profile.get("code") for profile in profiles]
    if len(set(codes)) != len(codes) or not all(codes):
        problems.append("Elk profiel heeft een eigen 'code' nodig.")
    for profile in profiles:
        unknown = sorted(set(profile.get("when", {})) - KNOWN_CONDITIONS)
        if unknown:
            problems.append(f"Profiel {profile.get('code')}: onbekende voorwaarde(n) {', '.join(unknown)}.")
    return problems
