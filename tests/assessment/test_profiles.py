"""Client profiles: rules as data, first match wins with its reasons, bad rule sets refused whole."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from stuurman.assessment.loading import BUILTIN_PROFILES
from stuurman.assessment.models import ProfileRuleSet
from stuurman.assessment.profiles import suggest, validate

DEMO = json.loads((BUILTIN_PROFILES / "demo-2026.json").read_text())


def test_the_demo_set_has_nine_valid_profiles_with_a_catch_all_last():
    assert len(DEMO["profiles"]) == 9
    assert validate(DEMO) == []
    assert DEMO["profiles"][-1]["when"] == {}


@pytest.mark.parametrize(
    ("scores", "facts", "code", "reason"),
    [
        ({"finances": 1, "mental": 4}, {}, "acuut", "finances ≤ 1"),
        ({"finances": 2, "mental": 2, "housing": 2}, {}, "meervoudig", "3 leefgebieden ≤ 2"),
        ({"relations": 3}, {"law": "jeugdwet"}, "gezin", "wet jeugdwet"),
        ({"relations": 3}, {"law": "wmo"}, "zelfredzaam", None),
        ({"finances": 2, "network": 2}, {}, "schulden", "finances = 2"),
        ({"physical": 3}, {"age": 82}, "oudere", "leeftijd 82"),
        ({"physical": 3}, {"age": 74}, "zelfredzaam", None),
        ({"work": 3}, {"age": 55}, "werk", "work = 3"),
        ({"work": 3}, {"age": 67}, "zelfredzaam", None),
        ({"network": 2, "work": None}, {}, "eenzaam", "network = 2"),
        ({}, {}, "zelfredzaam", None),
    ],
)
def test_first_matching_profile_with_reasons(scores, facts, code, reason):
    suggestion = suggest(DEMO, scores, facts)
    assert suggestion.code == code
    if reason:
        assert reason in suggestion.reasons


def test_a_domain_not_assessed_never_satisfies_a_condition():
    assert suggest(DEMO, {"finances": None}, {}).code == "zelfredzaam"


@pytest.mark.django_db
def test_the_demo_set_is_loaded_and_in_use_after_migrating():
    assert ProfileRuleSet.objects.get(active=True).rules["version"] == "2026"


@pytest.mark.django_db
def test_a_new_version_is_loaded_from_a_file_and_can_replace_the_one_in_use(tmp_path):
    newer = {**DEMO, "version": "2027"}
    path = tmp_path / "profielen-2027.json"
    path.write_text(json.dumps(newer))
    call_command("load-profiles", str(path), "--activate")
    assert ProfileRuleSet.objects.get(active=True).version == "2027"
    assert ProfileRuleSet.objects.count() == 2, "the old version is kept"
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("load-profiles", str(path))


@pytest.mark.django_db
def test_a_bad_rule_set_is_refused_whole(tmp_path):
    bad = {
        **DEMO,
        "version": "9",
        "profiles": [*DEMO["profiles"], {"code": "x", "name": "X", "when": {"iq_below": 3}}],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(CommandError, match="onbekende voorwaarde"):
        call_command("load-profiles", str(path))
    assert not ProfileRuleSet.objects.filter(version="9").exists()
