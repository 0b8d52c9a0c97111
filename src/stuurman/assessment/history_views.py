"""A person's ZRM history in one household, and two moments compared per domain (issue 5).

The page reads a bounded number of rows whatever the history's length: one page of moments for the
table, at most CHOICES moments to choose from, the two chosen, the domains ever scored, and the
instrument structure. Justitie is left out in the database for users without the permission for it.
"""

import base64
from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from stuurman import charts
from stuurman.privacy import log
from stuurman.privacy.declarations import household_file
from stuurman.privacy.policy import purpose_of
from stuurman.site.forms import Form

from . import history
from .history_chart import comparison_spec
from .models import Assessment, Domain, Level, Score

INSTRUMENT = "zrm"
PAGE_SIZE = 10
CHOICES = 60  # moments offered for the comparison, newest first; years of twice-yearly measuring


class CompareForm(Form):
    van = forms.TypedChoiceField(label="Van (eerder moment)", coerce=int)
    tot = forms.TypedChoiceField(label="Tot (later moment)", coerce=int)

    def __init__(self, *args, moments, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(pk, f"{held_on:%d-%m-%Y} ({name})") for pk, held_on, name in moments]
        for name in ("van", "tot"):
            self.fields[name].choices = choices
            self.fields[name].error_messages["invalid_choice"] = "Kies een moment uit de lijst."

    def clean(self):
        data = super().clean()
        if data.get("van") is not None and data.get("van") == data.get("tot"):
            raise forms.ValidationError("Kies twee verschillende momenten.")
        return data


@dataclass(frozen=True)
class Scale:
    """Scale labels per instrument version, read once."""

    labels: dict

    def text(self, version, chosen: bool, score):
        if not chosen:
            return None  # the template shows a dash with "niet gekozen" for screen readers
        if score is None:
            return "niet beoordeeld"
        label = self.labels.get((version, score), "")
        return f"{score} {label}".strip()


def _lineage() -> history.Lineage:
    domains = Domain.objects.filter(version__instrument=INSTRUMENT).select_related(
        "version", "continues__version"
    )
    by_version: dict[str, list] = {}
    for domain in domains.order_by("version__version", "order"):
        previous = domain.continues
        by_version.setdefault(domain.version.version, []).append(
            history.DomainInfo(
                code=domain.code,
                name=domain.name,
                order=domain.order,
                continues=(previous.version.version, previous.code) if previous else None,
                sensitive=domain.sensitive,
            )
        )
    # Versions are years ("2010", "2013", "2017"), so their text order is their age.
    return history.Lineage([history.VersionInfo(key, domains) for key, domains in sorted(by_version.items())])


def _moment(assessment) -> history.Moment:
    return history.Moment(
        key=assessment.pk,
        on=assessment.conversation.held_on,
        version=assessment.version.version,
        scores={score.domain.code: score.score for score in assessment.scores.all()},
    )


def _alt(rows, before, after) -> str:
    said = [
        f"Grafiek: per leefgebied de score op {before.on:%d-%m-%Y} (open cirkel) en op "
        f"{after.on:%d-%m-%Y} (gevulde ruit), op de schaal van 1 tot 5."
    ]
    for change in (history.IMPROVED, history.STABLE, history.DECLINED):
        names = [row.name for row in rows if row.change == change]
        if names:
            said.append(f"{change.capitalize()}: {', '.join(names)}.")
    said.append("De tabel naast de grafiek geeft dezelfde gegevens.")
    return " ".join(said)


def _comparison(before, after, lineage, scale):
    before, after = history.ordered(before, after)
    rows = history.compare_moments(before, after, lineage)
    spec = comparison_spec(rows, f"van: {before.on:%d-%m-%Y}", f"tot: {after.on:%d-%m-%Y}")
    svg = charts.svg(spec)
    return {
        "before": before,
        "after": after,
        "rows": [
            {
                "row": row,
                "before": scale.text(before.version, row.before_chosen, row.before),
                "after": scale.text(after.version, row.after_chosen, row.after),
            }
            for row in rows
        ],
        "summary": history.summary(rows),
        "chart": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
        "alt": _alt(rows, before, after),
    }


@household_file("assessment.view_conversation")
@never_cache
def person_history(request, household, grant, person_id):
    membership = (
        household.memberships.select_related("person").filter(person_id=person_id).order_by("-since").first()
    )
    if membership is None:
        raise Http404("Deze persoon hoort niet bij dit huishouden.")
    person = membership.person
    scores = Score.objects.select_related("domain").order_by("domain__order")
    if not request.user.has_perm("assessment.view_sensitive_scores"):
        scores = scores.exclude(domain__sensitive=True)
    moments = (
        Assessment.objects.filter(person=person, conversation__household=household)
        .filter(version__instrument=INSTRUMENT)
        .order_by("-conversation__held_on", "-pk")
    )
    with_scores = moments.select_related("conversation", "version").prefetch_related(
        Prefetch("scores", queryset=scores)
    )
    page = Paginator(with_scores, PAGE_SIZE).get_page(request.GET.get("pagina"))
    page.object_list = list(page.object_list)
    lineage = _lineage()
    scale = Scale(
        {
            (version, score): label
            for version, score, label in Level.objects.filter(
                version__instrument=INSTRUMENT, domain__isnull=True
            ).values_list("version__version", "score", "label")
        }
    )
    scored = scores.filter(assessment__in=moments).order_by().distinct()
    columns = history.columns(scored.values_list("domain__version__version", "domain__code"), lineage)
    table = [
        {
            "assessment": assessment,
            "cells": [scale.text(assessment.version.version, chosen, score) for chosen, score in row.cells],
        }
        for assessment, row in zip(
            page.object_list,
            history.history([_moment(a) for a in page.object_list], columns, lineage),
            strict=True,
        )
    ]

    choices = list(moments.values_list("pk", "conversation__held_on", "version__name")[:CHOICES])
    form, comparison = None, None
    if len(choices) >= 2:
        asked = "van" in request.GET or "tot" in request.GET
        initial = {"van": choices[1][0], "tot": choices[0][0]}
        form = CompareForm(request.GET if asked else None, initial=initial, moments=choices)
        chosen = form.cleaned_data if asked and form.is_valid() else (initial if not asked else None)
        if chosen:
            picked = {a.pk: a for a in with_scores.filter(pk__in=[chosen["van"], chosen["tot"]])}
            comparison = _comparison(
                _moment(picked[chosen["van"]]), _moment(picked[chosen["tot"]]), lineage, scale
            )
    shown = {a.pk for a in page.object_list}
    if comparison:
        shown |= {comparison["before"].key, comparison["after"].key}
    log.record(
        request,
        log.Action.READ,
        purpose=f"{purpose_of(grant)}: ZRM-verloop",
        persons=[person],
        objects=sorted(shown),
        object_type="assessment",
        grant=grant,
    )
    context = {
        "household": household,
        "person": person,
        "membership": membership,
        "page": page,
        "query": _query(request),
        "columns": columns,
        "table": table,
        "count": page.paginator.count,
        "form": form,
        "comparison": comparison,
        "choices_limit": CHOICES,
    }
    return render(request, "assessment/history.html", context, status=400 if form and form.errors else 200)


def _query(request) -> str:
    """The chosen moments, kept when paging through the table."""
    kept = request.GET.copy()
    kept.pop("pagina", None)
    return kept.urlencode()
