"""The learning assortment: a tailored solution used in many plans is a candidate general provision.

When the same tailored solution keeps being arranged one household at a time, offering it to everyone
without a decision is often cheaper and kinder. This module only decides which solutions qualify; the
plans app counts the usage and catalog.proposals records and decides the proposals.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    solution: str
    plans: int


def solution_key(solution: str) -> str:
    """The same solution however it was typed: case and spacing do not make it another one."""
    return " ".join(solution.split()).casefold()


def proposals_from_usage(usage: dict[str, int], threshold: int) -> list[Candidate]:
    """Solutions used in at least ``threshold`` plans, most used first.

    Spellings that differ only in case or spacing count together; the most used spelling names them.
    """
    if threshold < 1:
        raise ValueError(f"the threshold must be at least 1 plan, not {threshold}")
    totals: dict[str, int] = {}
    names: dict[str, tuple[int, str]] = {}
    for solution, plans in usage.items():
        if plans < 0:
            raise ValueError(f"'{solution}' is used in {plans} plans, which cannot be negative")
        key = solution_key(solution)
        if not key:
            continue
        totals[key] = totals.get(key, 0) + plans
        spelled = " ".join(solution.split())
        if key not in names or plans > names[key][0]:
            names[key] = (plans, spelled)
    qualifying = [Candidate(names[key][1], total) for key, total in totals.items() if total >= threshold]
    return sorted(qualifying, key=lambda candidate: (-candidate.plans, solution_key(candidate.solution)))
