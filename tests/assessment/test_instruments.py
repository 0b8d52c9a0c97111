"""Instruments as versioned data: the shipped versions, the mapping between ZRM versions, and loading
a (licensed) text set from a file without code changes."""

import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from stuurman.assessment.loading import BUILTIN_DIR, carried_over
from stuurman.assessment.models import Domain, InstrumentVersion

pytestmark = pytest.mark.django_db


def version(instrument, number):
    return InstrumentVersion.objects.get(instrument=instrument, version=number)


def test_the_shipped_versions_are_loaded_after_migrating_with_domains_in_order():
    assert list(version("zrm", "2017").domains.values_list("name", flat=True)) == [
        "Financiën",
        "Werk en opleiding",
        "Tijdsbesteding",
        "Huisvesting",
        "Huiselijke relaties",
        "Geestelijke gezondheid",
        "Lichamelijke gezondheid",
        "Middelengebruik",
        "Basale ADL",
        "Instrumentele ADL",
        "Sociaal netwerk",
        "Maatschappelijke participatie",
        "Justitie",
    ]
    assert version("zrm", "2010").domains.count() == version("zrm", "2013").domains.count() == 11
    assert list(version("zrm", "2017").levels.filter(domain=None).values_list("score", "label")) == [
        (1, "acute problematiek"),
        (2, "niet zelfredzaam"),
        (3, "beperkt zelfredzaam"),
        (4, "voldoende zelfredzaam"),
        (5, "volledig zelfredzaam"),
    ]
    ladder = version("participatieladder", "2008")
    assert (ladder.scale_min, ladder.scale_max) == (1, 6)
    assert ladder.levels.get(score=6).label == "betaald werk"
    assert set(Domain.objects.filter(sensitive=True).values_list("code", flat=True)) == {"justice"}


@pytest.mark.parametrize(
    ("old_version", "old_code", "new_version", "new_code"),
    [
        ("2010", "income", "2013", "finances"),
        ("2010", "family", "2013", "relations"),
        ("2013", "daytime", "2017", "work"),
        ("2013", "addiction", "2017", "substances"),
        ("2013", "physical", "2017", "physical"),
        ("2013", "adl", "2017", None),  # the ADL split: the old score stays on the old domain
    ],
)
def test_mapping_between_zrm_versions(old_version, old_code, new_version, new_code):
    old = version("zrm", old_version).domains.get(code=old_code)
    found = carried_over(old, version("zrm", new_version))
    assert (found.code if found else None) == new_code


def test_a_licensed_text_set_replaces_a_version_from_a_file(tmp_path, capsys):
    data = json.loads((BUILTIN_DIR / "zrm-2017.json").read_text())
    data["text_source"] = "GGD Amsterdam, licentie gemeente Waalkant 2026"
    data["domains"][0]["levels"] = {"1": "Officiële tekst niveau 1 (licentie)"}
    path = tmp_path / "zrm-2017-licensed.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="bestaat al; gebruik --replace"):
        call_command("load-instrument", str(path))
    call_command("load-instrument", str(path), "--replace")
    assert "Geladen: Zelfredzaamheid-Matrix 2017 (13 leefgebieden)" in capsys.readouterr().out
    replaced = version("zrm", "2017")
    assert replaced.text_source.startswith("GGD Amsterdam")
    assert replaced.domains.get(code="finances").levels.get(score=1).description.endswith("(licentie)")


def test_a_new_version_is_a_file_not_code(tmp_path):
    data = json.loads((BUILTIN_DIR / "participatieladder-2008.json").read_text())
    data["version"] = "2030"
    path = tmp_path / "ladder-2030.json"
    path.write_text(json.dumps(data))
    call_command("load-instrument", str(path))
    assert version("participatieladder", "2030").levels.filter(domain=None).count() == 6


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("domains"), "'domains' ontbreekt"),
        (lambda d: d["scale"]["labels"].pop("3"), "mist score(s) 3"),
        (lambda d: d["domains"].append(dict(d["domains"][0])), "Dubbele code(s): finances"),
        (
            lambda d: d["domains"][1].update(continues={"version": "1999", "code": "x"}),
            "Laad de oudere versie",
        ),
    ],
)
def test_a_bad_file_names_the_problem_and_changes_nothing(tmp_path, change, message):
    data = json.loads((BUILTIN_DIR / "zrm-2017.json").read_text())
    data["version"] = "2099"
    change(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("load-instrument", str(path))
    assert not InstrumentVersion.objects.filter(version="2099").exists()


def test_replacing_the_texts_keeps_the_scores_given_and_the_links_from_later_versions(tmp_path):
    from django.test import RequestFactory

    from stuurman.accounts.models import User
    from stuurman.assessment import scoring
    from stuurman.assessment.models import Conversation, Score
    from stuurman.demo.loader import load_region
    from stuurman.people.models import Household, Person

    load_region(date(2026, 12, 1))
    household = Household.objects.get(name="Huishouden De Vries")
    http = RequestFactory().post("/")
    http.user = User.objects.get(username="consulent")
    conversation = Conversation.objects.create(
        municipality=household.municipality,
        household=household,
        held_on=date(2026, 11, 1),
        recorded_by=http.user,
    )
    zrm2013 = version("zrm", "2013")
    jan = Person.objects.get(first_names="Jan", surname="Vries")
    scoring.record(http, conversation, jan, zrm2013, [scoring.Choice("finances", 2, "Schulden")])
    data = json.loads((BUILTIN_DIR / "zrm-2013.json").read_text())
    data["text_source"] = "GGD Amsterdam, licentie"
    data["domains"][0]["name"] = "Financiën (officieel)"
    path = tmp_path / "zrm-2013-licensed.json"
    path.write_text(json.dumps(data))
    call_command("load-instrument", str(path), "--replace")
    assert Score.objects.get().domain.name == "Financiën (officieel)"
    assert version("zrm", "2017").domains.get(code="finances").continues.version == zrm2013

    data["domains"].pop()
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="dezelfde volgorde"):
        call_command("load-instrument", str(path), "--replace")
    assert version("zrm", "2013").domains.count() == 11
