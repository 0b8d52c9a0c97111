"""Conversation pages: record the kitchen-table conversation and download its report."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from stuurman.privacy import log
from stuurman.privacy.declarations import household_file

from . import report
from .forms import ConversationForm


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
