"""The one write path for assessments: which domains are scored is chosen per question, each with a
reason (AP 2018: never all domains by default); a score is 1-5 or 'niet beoordeeld'."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from stuurman.privacy import log

from . import classify, profiles
from .models import Assessment, Classification, Score


@dataclass(frozen=True)
class Choice:
    domain_code: str
    score: int | None
    reason: str
    evidence: str = ""


def problems(version, choices: list[Choice]) -> list[str]:
    found = []
    codes = {domain.code: domain for domain in version.domains.all()}
    for choice in choices:
        if choice.domain_code not in codes:
            found.append(f"'{choice.domain_code}' is geen leefgebied van {version}.")
            continue
        name = codes[choice.domain_code].name
        if not choice.reason.strip():
            found.append(f"{name}: geef aan waarom dit leefgebied voor deze vraag nodig is.")
        if choice.score is not None and not version.scale_min <= choice.score <= version.scale_max:
            found.append(f"{name}: een score ligt tussen {version.scale_min} en {version.scale_max}.")
    return found


@transaction.atomic
def record(http, conversation, person, version, choices: list[Choice]) -> Assessment:
    found = problems(version, choices)
    if found:
        raise ValidationError(found)
    assessment = Assessment.objects.create(conversation=conversation, person=person, version=version)
    domains = {domain.code: domain for domain in version.domains.all()}
    Score.objects.bulk_create(
        Score(
            assessment=assessment,
            domain=domains[choice.domain_code],
            score=choice.score,
            reason=choice.reason.strip(),
            evidence=choice.evidence.strip(),
        )
        for choice in choices
    )
    log.record(
        http,
        log.Action.CREATE,
        purpose=f"{version} vastgelegd ({len(choices)} leefgebieden)",
        persons=[person],
        objects=[conversation],
        object_type="conversation",
    )
    return assessment


def visible_scores(user, assessment):
    """Scores the user may see: criminal-offence data (Justitie) only with the permission for it."""
    scores = assessment.scores.select_related("domain").order_by("domain__order")
    if not user.has_perm("assessment.view_sensitive_scores"):
        scores = scores.exclude(domain__sensitive=True)
    return scores


def suggestions(assessment, facts: dict, rule_set=None) -> dict[str, str]:
    """What the rules suggest for this assessment, per kind (strings, as stored)."""
    scores = {score.domain.code: score.score for score in assessment.scores.select_related("domain")}
    found = {}
    if (level := classify.care_need_level(scores)) is not None:
        found["care_need"] = classify.CARE_NEED[level]
    if (line := classify.suggested_line(scores)) is not None:
        found["line"] = str(line)
    if rule_set is not None and (profile := profiles.suggest(rule_set.rules, scores, facts)) is not None:
        found["profile"] = profile.code
    if facts.get("work_capacity_percent") is not None:
        found["work_capacity"] = classify.work_capacity_class(facts["work_capacity_percent"])
    return found


@transaction.atomic
def decide(http, assessment, kind: str, suggested: str, chosen: str, reason: str = "", rule_set: str = ""):
    """Keep the suggestion and the choice; a choice that differs needs its reason."""
    reason = reason.strip()
    if chosen != suggested and not reason:
        raise ValidationError("U wijkt af van de suggestie: geef de reden.")
    classification, _ = Classification.objects.update_or_create(
        assessment=assessment,
        kind=kind,
        defaults={"suggested": suggested, "chosen": chosen, "override_reason": reason, "rule_set": rule_set},
    )
    log.record(
        http,
        log.Action.UPDATE,
        purpose=f"{classification.get_kind_display()}: {chosen}"
        + (" (afgeweken)" if chosen != suggested else ""),
        persons=[assessment.person_id],
        objects=[assessment.conversation],
        object_type="conversation",
    )
    return classification
