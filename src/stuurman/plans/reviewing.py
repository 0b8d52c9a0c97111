"""Holding a review (evaluatie): each goal marked reached, partly or not; the ZRM re-scored on the plan's
domains for the people with goals; a decline on a plan domain raises the follow-up signal; the next
review is scheduled by rule."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stuurman.assessment import scoring
from stuurman.assessment.models import Conversation, InstrumentVersion, Score
from stuurman.intake.models import LIFE_DOMAINS
from stuurman.privacy import log

from . import follow_up, follow_up_signals, services, versioning
from .models import GoalResult, Plan, Review

REASON = "Evaluatie van het plan: een doel op dit leefgebied"
DOMAIN_NAMES = dict(LIFE_DOMAINS)


def plan_domains(plan: Plan) -> dict[int, list[str]]:
    """Per person with goals, the domains the plan works on for them."""
    found: dict[int, list[str]] = {}
    for person_id, domain in plan.goals.values_list("person_id", "domain").order_by("person_id", "domain"):
        found.setdefault(person_id, [])
        if domain not in found[person_id]:
            found[person_id].append(domain)
    return found


def previous(person_id: int, domains: list[str], before) -> dict[str, tuple[int, object]]:
    """The person's most recent assessed score per domain from before a day, with the day it was given."""
    rows = (
        Score.objects.filter(
            assessment__person_id=person_id,
            domain__code__in=domains,
            assessment__conversation__held_on__lte=before,
            score__isnull=False,
        )
        .order_by("domain__code", "-assessment__conversation__held_on", "-assessment_id")
        .values_list("domain__code", "score", "assessment__conversation__held_on")
    )
    found: dict[str, tuple[int, object]] = {}
    for code, score, held_on in rows:
        found.setdefault(code, (score, held_on))
    return found


def latest_scores(person_id: int, domains: list[str], before) -> dict[str, int | None]:
    """The person's most recent assessed score per domain from before this review."""
    return {code: score for code, (score, _) in previous(person_id, domains, before).items()}


@transaction.atomic
def hold(
    http,
    plan: Plan,
    expected_version: int,
    *,
    held_on,
    results: dict[int, tuple[str, str]],
    scores: dict[int, dict[str, int | None]],
    summary: str = "",
) -> Review:
    """``results``: goal id → (result, note); ``scores``: person id → {domain code: 1-5 or None}."""
    today = timezone.localdate()
    if held_on > today:
        raise ValidationError("Een evaluatie wordt vastgelegd als ze gehouden is, niet vooruit.")
    if held_on < plan.starts_on:
        raise ValidationError("De evaluatie ligt vóór de start van het plan.")
    goals = {goal.pk: goal for goal in plan.goals.all()}
    missing = [goal for pk, goal in goals.items() if pk not in results]
    if missing:
        raise ValidationError([f"Geef aan of dit doel bereikt is: {goal.wording[:60]}" for goal in missing])
    if any(result not in Review.Result.values for result, _ in results.values()):
        raise ValidationError("Kies per doel: bereikt, deels bereikt of niet bereikt.")
    domains = plan_domains(plan)
    unknown = [pid for pid, given in scores.items() if pid not in domains or set(given) - set(domains[pid])]
    if unknown:
        raise ValidationError("Scoor bij een evaluatie alleen de leefgebieden van het plan.")
    versioning.bump(http, plan, expected_version, f"Evaluatie gehouden op {held_on:%d-%m-%Y}")
    before = {pid: latest_scores(pid, list(given), held_on) for pid, given in scores.items()}
    conversation = None
    if scores:
        conversation = Conversation.objects.create(
            municipality=plan.municipality,
            household=plan.household,
            held_on=held_on,
            place="evaluatie",
            question_behind=summary,
            recorded_by=http.user,
        )
        version = InstrumentVersion.objects.filter(instrument="zrm").order_by("-version").first()
        members = {m.person_id: m.person for m in plan.household.memberships.select_related("person")}
        for person_id, given in scores.items():
            choices = [scoring.Choice(code, score, REASON) for code, score in given.items()]
            scoring.record(http, conversation, members[person_id], version, choices)
    review = Review.objects.create(
        plan=plan,
        due_on=plan.next_review_on or held_on,
        reason=plan.next_review_reason or "op verzoek",
        held_on=held_on,
        conversation=conversation,
        summary=summary.strip(),
        held_by=http.user,
    )
    GoalResult.objects.bulk_create(
        GoalResult(review=review, goal_id=goal_id, result=result, note=note.strip()[:300])
        for goal_id, (result, note) in results.items()
    )
    services.schedule_review(plan)
    triggers = []
    for person_id, given in scores.items():
        for trigger in follow_up.declined(before[person_id], given, domains[person_id], DOMAIN_NAMES):
            name = members[person_id].first_names
            triggers.append(
                follow_up.Trigger(
                    trigger.kind,
                    f"{name}, {trigger.detail}",
                    # Per review: a later decline to the same score is a new cause.
                    f"person:{person_id}:{trigger.key}:{held_on:%Y-%m-%d}",
                )
            )
    follow_up_signals.raise_signals(plan, triggers)
    versioning.record(http, plan, log.Action.UPDATE, f"Evaluatie gehouden op {held_on:%d-%m-%Y}")
    return review
