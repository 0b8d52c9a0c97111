"""When an arrangement no longer suffices: the three triggers of the follow-up signal. Pure: no Django.

- a score declines on a domain the plan works on (a review or a new assessment scores it lower);
- a contribution ends and nothing takes over its goal from the day after;
- a review is overdue.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

SCORE_DECLINED = "score_declined"
ENDED_WITHOUT_REPLACEMENT = "ended_without_replacement"
REVIEW_OVERDUE = "review_overdue"


@dataclass(frozen=True)
class Trigger:
    kind: str
    detail: str
    key: str  # what the signal is about, so the same cause raises it once


def declined(
    before: Mapping[str, int | None],
    after: Mapping[str, int | None],
    plan_domains: Iterable[str],
    names: Mapping[str, str] | None = None,
) -> list[Trigger]:
    """``names``: how to call each domain in the signal (its code when missing)."""
    names = names or {}
    found = []
    for domain in sorted(set(plan_domains)):
        old, new = before.get(domain), after.get(domain)
        if old is not None and new is not None and new < old:
            name = names.get(domain, domain)
            found.append(Trigger(SCORE_DECLINED, f"{name}: van {old} naar {new}", f"{domain}:{new}"))
    return found


@dataclass(frozen=True)
class Span:
    """A contribution as the rule sees it: what it serves, and when."""

    id: int
    serves: str  # the goal (or, without one, the domain) it contributes to
    starts_on: date
    ends_on: date | None
    label: str = ""


def ended_without_replacement(spans: Iterable[Span], today: date) -> list[Trigger]:
    """Contributions that have ended (by today) while nothing serving the same goal runs the day after."""
    spans = list(spans)
    found = []
    for span in spans:
        if span.ends_on is None or span.ends_on >= today:
            continue
        day_after = span.ends_on + timedelta(days=1)
        covered = any(
            other.id != span.id
            and other.serves == span.serves
            and other.starts_on <= day_after
            and (other.ends_on is None or other.ends_on >= day_after)
            for other in spans
        )
        if not covered:
            found.append(
                Trigger(
                    ENDED_WITHOUT_REPLACEMENT,
                    f"{span.label or 'Inzet'} is gestopt op {span.ends_on:%d-%m-%Y}; niets neemt het over.",
                    f"contribution:{span.id}",
                )
            )
    return found


def review_overdue(due: date, today: date) -> list[Trigger]:
    if today <= due:
        return []
    return [
        Trigger(
            REVIEW_OVERDUE, f"De evaluatie had uiterlijk {due:%d-%m-%Y} moeten plaatsvinden.", f"review:{due}"
        )
    ]
