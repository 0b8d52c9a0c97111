"""The one write path for classifications: keep what the rules suggest, and let the professional choose
otherwise with a reason. Both the suggestion and the choice are kept (classify.py, profiles.py)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from stuurman.privacy import log

from . import classify, profiles
from .models import Assessment, Classification, ProfileRuleSet

Kind = Classification.Kind

LINE_LABELS = {
    "0": "0e lijn: eigen kracht, netwerk en algemene voorzieningen",
    "1": "1e lijn: ondersteuning door het team",
    "2": "2e lijn: specialistische of langdurige hulp",
}


@dataclass(frozen=True)
class Suggestion:
    value: str
    grounds: str = ""


def _age(person, on) -> int | None:
    born = person.birth_date
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def facts_for(assessment: Assessment) -> dict:
    """The facts the profile rules may use, as of the day of the conversation."""
    return {
        "age": _age(assessment.person, assessment.conversation.held_on),
        "law": assessment.law,
        "work_capacity_percent": assessment.work_capacity_percent,
    }


def active_rule_set() -> ProfileRuleSet | None:
    return ProfileRuleSet.objects.filter(active=True).first()


def suggest(assessment: Assessment, rule_set: ProfileRuleSet | None) -> dict[str, Suggestion]:
    """What the rules suggest for this assessment, per kind, with the grounds."""
    scores = {score.domain.code: score.score for score in assessment.scores.select_related("domain")}
    facts = facts_for(assessment)
    found = {}
    if (level := classify.care_need_level(scores)) is not None:
        found[Kind.CARE_NEED] = Suggestion(classify.CARE_NEED[level], f"laagste score {_lowest(scores)}")
    if (line := classify.suggested_line(scores)) is not None:
        found[Kind.LINE] = Suggestion(str(line), _low_domains(scores))
    if rule_set is not None and (profile := profiles.suggest(rule_set.rules, scores, facts)) is not None:
        found[Kind.PROFILE] = Suggestion(profile.code, "; ".join(profile.reasons))
    if (percent := facts["work_capacity_percent"]) is not None:
        found[Kind.WORK_CAPACITY] = Suggestion(classify.work_capacity_class(percent), f"{percent}%")
    return found


def _lowest(scores) -> int:
    return min(score for score in scores.values() if score is not None)


def _low_domains(scores) -> str:
    low = sorted(code for code, score in scores.items() if score is not None and score <= 3)
    return f"≤ 3: {', '.join(low)}" if low else "alle beoordeelde leefgebieden ≥ 4"


def options(kind: str, rule_set: ProfileRuleSet | None) -> list[tuple[str, str]]:
    """What the professional may choose for a kind, as (value, label)."""
    if kind == Kind.CARE_NEED:
        return [(label, label) for label in classify.CARE_NEED.values()]
    if kind == Kind.LINE:
        return list(LINE_LABELS.items())
    if kind == Kind.WORK_CAPACITY:
        return [(value, value) for value in classify.WORK_CAPACITY]
    if rule_set is None:
        return []
    return [(profile["code"], profile["name"]) for profile in rule_set.rules["profiles"]]


def label(kind: str, value: str, rule_set: ProfileRuleSet | None) -> str:
    return dict(options(kind, rule_set)).get(value, value or "geen")


def _log(http, assessment: Assessment, purpose: str):
    log.record(
        http,
        log.Action.UPDATE,
        purpose=purpose,
        persons=[assessment.person_id],
        objects=[assessment.conversation],
        object_type="conversation",
    )


@transaction.atomic
def keep_suggestions(http, assessment: Assessment) -> list[Classification]:
    """Store each suggestion as the choice until the professional decides otherwise."""
    rule_set = active_rule_set()
    found = suggest(assessment, rule_set)
    kept = [
        Classification.objects.create(
            assessment=assessment,
            kind=kind,
            suggested=suggestion.value,
            chosen=suggestion.value,
            grounds=suggestion.grounds[:300],
            rule_set=str(rule_set) if kind == Kind.PROFILE else "",
        )
        for kind, suggestion in found.items()
    ]
    if kept:
        _log(http, assessment, "Suggesties: " + "; ".join(f"{c.get_kind_display()} {c.chosen}" for c in kept))
    return kept


def _rule_set_of(classification: Classification | None) -> ProfileRuleSet | None:
    if classification is not None and classification.rule_set:
        for rule_set in ProfileRuleSet.objects.all():
            if str(rule_set) == classification.rule_set:
                return rule_set
    return active_rule_set()


@transaction.atomic
def choose(http, assessment: Assessment, kind: str, chosen: str, reason: str = "") -> Classification:
    """The professional's choice; the suggestion stays as it was. A choice that differs from the
    suggestion (also where there was none) needs its reason."""
    if kind not in Kind.values:
        raise ValidationError(f"'{kind}' is geen soort classificatie.")
    current = Classification.objects.select_for_update().filter(assessment=assessment, kind=kind).first()
    rule_set = _rule_set_of(current) if kind == Kind.PROFILE else None
    allowed = dict(options(kind, rule_set))
    if chosen not in allowed:
        raise ValidationError(f"'{chosen}' is geen keuze voor {Kind(kind).label}.")
    suggested = current.suggested if current else ""
    reason = reason.strip()
    if chosen != suggested and not reason:
        what = "de suggestie" if suggested else "de regels (die hier niets voorstellen)"
        raise ValidationError(f"U wijkt af van {what}: geef de reden.")
    if current is None:
        current = Classification(assessment=assessment, kind=kind, suggested="")
        current.rule_set = str(rule_set) if rule_set else ""
    current.chosen, current.override_reason = chosen, reason if chosen != suggested else ""
    current.save()
    note = " (afgeweken)" if chosen != suggested else ""
    _log(http, assessment, f"{current.get_kind_display()}: {allowed[chosen]}{note}")
    return current
