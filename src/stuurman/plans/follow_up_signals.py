"""Raising 'this arrangement no longer suffices': the pure triggers (follow_up.py) applied to a plan's
rows, stored once per cause for the coordinator and the team's follow-up list. Run after a review, after
a contribution changes, and daily for every open plan (``stuurman follow-up``)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from stuurman.privacy import log

from . import coordination, follow_up, versioning
from .models import FollowUpSignal, Plan


def _team(plan: Plan):
    open_now = coordination.current(plan)
    if open_now is None or open_now.coordinator is None:
        return None
    return coordination.team_of(open_now.coordinator, plan.municipality)


def spans(plan: Plan) -> list[follow_up.Span]:
    return [
        follow_up.Span(
            id=item.pk,
            serves=f"goal:{item.goal_id}" if item.goal_id else f"plan:{plan.pk}:{item.tier}",
            starts_on=item.starts_on,
            ends_on=item.ends_on,
            label=item.what,
        )
        for item in plan.contributions.all()
    ]


def raise_signals(plan: Plan, triggers: list[follow_up.Trigger]) -> list[FollowUpSignal]:
    """Store each trigger once; returns the new ones. A cause someone picked up is not raised again
    (the daily run would otherwise bring back an overdue review every morning after it was handled)."""
    if not triggers:
        return []
    team, now, raised = _team(plan), timezone.now(), []
    for trigger in triggers:
        if plan.signals.filter(kind=trigger.kind, key=trigger.key[:100]).exists():
            continue
        try:
            with transaction.atomic():
                raised.append(
                    FollowUpSignal.objects.create(
                        plan=plan,
                        team=team,
                        kind=trigger.kind,
                        key=trigger.key[:100],
                        detail=trigger.detail[:300],
                        raised_at=now,
                    )
                )
        except IntegrityError:  # raised at the same moment by another run: once is enough
            continue
    return raised


def check(plan: Plan, today=None) -> list[FollowUpSignal]:
    """The triggers that depend only on dates: contributions ended without replacement, review overdue."""
    today = today or timezone.localdate()
    if plan.status == Plan.Status.ENDED:
        return []
    triggers = follow_up.ended_without_replacement(spans(plan), today)
    if plan.next_review_on is not None:
        triggers += follow_up.review_overdue(plan.next_review_on, today)
    return raise_signals(plan, triggers)


def check_all(today=None) -> int:
    """Every open plan, for the daily run; returns how many signals were raised."""
    raised = 0
    for plan in (
        Plan.objects.exclude(status=Plan.Status.ENDED)
        .prefetch_related("contributions")
        .iterator(chunk_size=500)
    ):
        raised += len(check(plan, today))
    return raised


@transaction.atomic
def pick_up(http, signal: FollowUpSignal, note: str) -> FollowUpSignal:
    """Someone of the team takes the signal on, saying what happens now. Once: a second person who
    tries at the same moment is told who was first.

    Picking up does not change the plan, so it does not raise the plan's version: a colleague editing
    a goal meanwhile is not sent back with a conflict about a signal.
    """
    note = note.strip()
    if not note:
        raise ValidationError("Schrijf kort op wat er met dit signaal gebeurt.")
    now = timezone.now()
    taken = FollowUpSignal.objects.filter(pk=signal.pk, handled_at__isnull=True).update(
        handled_at=now, handled_by=http.user, handled_note=note[:300]
    )
    if not taken:
        signal.refresh_from_db()
        by = signal.handled_by.get_full_name() or signal.handled_by
        at = timezone.localtime(signal.handled_at)
        raise ValidationError(
            f"Dit signaal is al opgepakt door {by} op {at:%d-%m-%Y} om {at:%H:%M}: {signal.handled_note}"
        )
    signal.handled_at, signal.handled_by, signal.handled_note = now, http.user, note[:300]
    versioning.record(http, signal.plan, log.Action.UPDATE, f"Signaal opgepakt: {signal.get_kind_display()}")
    return signal
