"""Conversation pages: record the kitchen-table conversation and download its report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from stuurman.privacy import log
from stuurman.privacy.declarations import household_file

from . import report, scoring
from .forms import ConversationForm, ScoringForm
from .models import InstrumentVersion, ProfileRuleSet


def _members(household):
    return household.memberships.filter(until__isnull=True).values_list("person_id", flat=True)


@household_file("assessment.add_conversation")
def new(request, household, grant):
    form = ConversationForm(request.POST or None, household=household)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            conversation = form.save(commit=False)
            conversation.municipality, conversation.household = household.municipality, household
            conversation.recorded_by = request.user
            conversation.save()
            form.save_m2m()
            log.record(
                request,
                log.Action.CREATE,
                purpose="Gesprek vastgelegd",
                persons=_members(household),
                objects=[conversation],
                object_type="conversation",
                grant=grant,
            )
        messages.success(request, "Het gesprek is vastgelegd; het verslag staat onder Gesprekken.")
        return redirect("files:household", household_id=household.pk)
    cancel = reverse("files:household", kwargs={"household_id": household.pk})
    context = {
        "title": f"Gesprek met {household.name}",
        "forms": [form],
        "cancel": cancel,
        "submit": "Opslaan",
    }
    return render(request, "site/form_page.html", context, status=400 if form.errors else 200)


@household_file("assessment.view_conversation")
def report_pdf(request, household, grant, conversation_id):
    conversation = get_object_or_404(household.conversations, pk=conversation_id)
    content = report.pdf(conversation)
    log.record(
        request,
        log.Action.PRINT,
        purpose="Verslag van het gesprek",
        persons=_members(household),
        objects=[conversation],
        object_type="conversation",
        grant=grant,
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="verslag-{conversation.held_on:%Y-%m-%d}.pdf"'
    return response


@household_file("assessment.add_conversation")
def score(request, household, grant, conversation_id):
    conversation = get_object_or_404(household.conversations, pk=conversation_id)
    version = InstrumentVersion.objects.filter(instrument="zrm").order_by("-version").first()
    form = ScoringForm(
        request.POST or None,
        household=household,
        version=version,
        law=request.GET.get("wet", ""),
        show_sensitive=request.user.has_perm("assessment.view_sensitive_scores"),
    )
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            assessment = scoring.record(request, conversation, person, version, form.choices())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            rules = ProfileRuleSet.objects.filter(active=True).first()
            suggested = scoring.suggestions(assessment, {}, rules)
            for kind, value in suggested.items():
                scoring.decide(request, assessment, kind, value, value, rule_set=str(rules or ""))
            summary = "; ".join(f"{kind}: {value}" for kind, value in suggested.items()) or "geen suggesties"
            messages.success(request, f"Scores van {person} vastgelegd. Suggesties: {summary}.")
            return redirect("files:household", household_id=household.pk)
    context = {"household": household, "conversation": conversation, "form": form, "version": version}
    return render(request, "assessment/score.html", context, status=400 if form.errors else 200)
