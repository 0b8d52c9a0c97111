"""Policy advisors and council members see aggregates only: every page a policy advisor can open,
every chart and every export, is walked, and none names a person or a household or shows a BSN."""

import io
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import load_workbook
from pypdf import PdfReader

from stuurman.accounts.models import User
from stuurman.demo.generator import generate_households
from stuurman.monitoring.refresh import refresh
from stuurman.people.models import Household, Person
from stuurman.tenancy.models import Area

pytestmark = pytest.mark.django_db


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def urls(candidates: dict[str, list[str]]):
    """Every route with its converters filled in with a few real values."""
    for route in walk(get_resolver().url_patterns):
        route = route.lstrip("^").rstrip("$")
        parts = re.split(r"(<[^>]+>)", route)
        filled = [""]
        for part in parts:
            if part.startswith("<"):
                kind = part[1:-1].split(":")[0] if ":" in part else "str"
                filled = [done + value for done in filled for value in candidates.get(kind, ["x"])]
            else:
                filled = [done + part for done in filled]
        yield from ("/" + url for url in filled)


def readable(response) -> str:
    content_type = response.get("Content-Type", "")
    if "spreadsheetml" in content_type:
        workbook = load_workbook(io.BytesIO(response.content))
        return " ".join(
            str(v) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
        )
    if content_type == "application/pdf":
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    return response.content.decode("utf-8-sig", errors="replace")


def test_no_page_a_policy_advisor_can_open_shows_a_person(client, demo_region):
    generate_households(150, seed=21, progress=False)
    refresh(trigger="test")
    advisor = User.objects.get(username="beleid")
    assert not advisor.has_perm("privacy.view_files")
    client.force_login(advisor)
    household = Household.objects.filter(name="Huishouden De Vries").order_by("pk").first()
    ids = [str(household.pk), str(Person.objects.order_by("pk").first().pk), "1"]
    sections = ["reach", "zrm", "costs", "stacking", "deadlines", "x"]
    pages = list(urls({"int": ids, "slug": sections, "str": ["x"], "path": ["x"]}))
    areas = Area.objects.filter(kind__in=["kern", "wijk"])
    pages += [f"/monitor/?gebied={area.pk}" for area in areas]
    pages += [
        f"/monitor/{kind}?gebied={area.pk}" for area in areas[:3] for kind in ("export.csv", "export.xlsx")
    ]
    pages += ["/monitor/rapport.pdf", "/monitor/?wet=wmo", "/monitor/?wet=jeugdwet&periode=2025"]
    pages += [f"/monitor/grafiek/{section}.svg?gebied={areas[0].pk}" for section in sections[:-1]]

    secrets = set(Person.objects.exclude(bsn=None).values_list("bsn", flat=True))
    staff = {user.get_full_name() for user in User.objects.all()}
    names = {person.full_name for person in Person.objects.all()} - staff
    names |= set(Household.objects.values_list("name", flat=True))
    opened = []
    for url in pages:
        response = client.get(url)
        if response.status_code != 200:
            continue
        opened.append(url)
        text = readable(response)
        assert not (found := [bsn for bsn in secrets if bsn in text]), f"{url} shows BSN {found[:3]}"
        assert not (found := [name for name in names if name in text]), f"{url} names {found[:3]}"
    assert len(opened) > len(areas) + 10, opened
    assert "/monitor/export.xlsx" in " ".join(opened)
    assert "/monitor/rapport.pdf" in opened
