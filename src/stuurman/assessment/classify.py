"""Classifications suggested from scores and facts, as pure, configurable rules. They suggest; the
professional decides and may override with a reason (both kept). No Django here.

Scores are per domain, 1-5 or None ("niet beoordeeld"); no total or average is ever computed
(instruments.md): every rule looks at the domains one by one.
"""

from collections.abc import Mapping
from dataclasses import dataclass

Scores = Mapping[str, int | None]

CARE_NEED = {
    1: "geen zorgvraag",
    2: "matige zorgvraag",
    3: "redelijke zorgvraag",
    4: "grote zorgbehoefte",
}


@dataclass(frozen=True)
class Thresholds:
    """Where the lines lie; a municipality may tune these."""

    second_line_at_or_below: int = 2  # a domain this low, or several at 3, points to specialist help
    several: int = 3  # how many domains at 3 count as "several"
    first_line_at_or_below: int = 3


def _assessed(scores: Scores) -> list[int]:
    return [score for score in scores.values() if score is not None]


def care_need_level(scores: Scores) -> int | None:
    """Pyramid level 1-4 from the lowest assessed domain; None when nothing was assessed."""
    assessed = _assessed(scores)
    if not assessed:
        return None
    return {1: 4, 2: 3, 3: 2}.get(min(assessed), 1)


def suggested_line(scores: Scores, rules: Thresholds = Thresholds()) -> int | None:
    """0: own strength and general provisions; 1: the area team; 2: specialist help."""
    assessed = _assessed(scores)
    if not assessed:
        return None
    if min(assessed) <= rules.second_line_at_or_below:
        return 2
    at_threshold = sum(1 for score in assessed if score <= rules.first_line_at_or_below)
    if at_threshold >= rules.several:
        return 2
    return 1 if at_threshold else 0


WORK_CAPACITY = (">80%", "20-80%", "<20%")


def work_capacity_class(percent: float) -> str:
    """Participatiewet: more than 80% (looks for work), 20-80% (re-integration), under 20% (sheltered)."""
    if not 0 <= percent <= 100:
        raise ValueError(f"Arbeidsvermogen is een percentage van 0 tot en met 100, niet {percent}.")
    if percent > 80:
        return WORK_CAPACITY[0]
    return WORK_CAPACITY[1] if percent >= 20 else WORK_CAPACITY[2]


def compare(before: Scores, after: Scores) -> dict[str, str]:
    """Per domain assessed both times: improved, stable or declined."""
    result = {}
    for domain, old in before.items():
        new = after.get(domain)
        if old is None or new is None:
            continue
        result[domain] = "verbeterd" if new > old else "gelijk" if new == old else "verslechterd"
    return result
