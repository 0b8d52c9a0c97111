"""The one write path for assessments: which domains are scored is chosen per question, each with a
reason (AP 2018: never all domains by default); a score is 1-5 or 'niet beoordeeld'. The participation
ladder (rung now and attainable) and the work capacity are optional facts of the same assessment.
Recording keeps what the rules suggest (classifications.py)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from stuurman.privacy import log

from . import classifications
from .models import Assessment, InstrumentVersion, Score


@dataclass(frozen=True)
class Choice:
    domain_code: str
    score: int | None
    reason: str
    evidence: str = ""


@dataclass(frozen=True)
class Facts:
    """What is known besides the scores: the process, the participation ladder, the work capacity."""

    law: str = ""
    rung_now: int | None = None
    rung_attainable: int | None = None
    work_capacity_percent: int | None = None


def ladder() -> InstrumentVersion | None:
    return InstrumentVersion.objects.filter(instrument="participatieladder").order_by("-version").first()


def problems(version, choices: list[Choice], facts: Facts = Facts(), rungs=None) -> list[str]:
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
    for label, rung in (("Trede nu", facts.rung_now), ("Haalbare trede", facts.rung_attainable)):
        if rung is None:
            continue
        if rungs is None:
            found.append("Er is geen participatieladder geladen.")
        elif not rungs.scale_min <= rung <= rungs.scale_max:
            found.append(f"{label}: een trede ligt tussen {rungs.scale_min} en {rungs.scale_max}.")
    percent = facts.work_capacity_percent
    if percent is not None and not 0 <= percent <= 100:
        found.append("Arbeidsvermogen is een percentage van 0 tot en met 100.")
    return found


@transaction.atomic
def record(http, conversation, person, version, choices: list[Choice], facts: Facts = Facts()) -> Assessment:
    rungs = ladder() if facts.rung_now is not None or facts.rung_attainable is not None else None
    found = problems(version, choices, facts, rungs)
    if found:
        raise ValidationError(found)
    assessment = Assessment.objects.create(
        conversation=conversation,
        person=person,
        version=version,
        law=facts.law,
        ladder=rungs,
        rung_now=facts.rung_now,
        rung_attainable=facts.rung_attainable,
        work_capacity_percent=facts.work_capacity_percent,
    )
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
    classifications.keep_suggestions(http, assessment)
    return assessment


def visible_scores(user, assessment):
    """Scores the user may see: criminal-offence data (Justitie) only with the permission for it."""
    scores = assessment.scores.select_related("domain").order_by("domain__order")
    if not user.has_perm("assessment.view_sensitive_scores"):
        scores = scores.exclude(domain__sensitive=True)
    return scores
