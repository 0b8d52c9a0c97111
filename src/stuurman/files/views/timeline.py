"""The household's timeline: contacts and notes with attachments, corrections as new entries, and
attachments served only to whoever may open the file."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from stuurman import drafts
from stuurman.privacy import log
from stuurman.privacy.declarations import household_file
from stuurman.privacy.policy import purpose_of

from .. import services
from ..forms import CorrectionForm, TimelineForm
from ..models import Attachment


def _entries(household):
    return (
        household.timeline.select_related("author", "corrects")
        .prefetch_related("attachments")
        .order_by("-happened_at", "-pk")
    )


@household_file("privacy.view_files")
def timeline(request, household, grant):
    can_write = request.user.has_perm("people.change_household")
    if (answer := drafts.autosave(request, household, grant, allowed=can_write)) is not None:
        return answer
    form = TimelineForm(request.POST or None, request.FILES or None)
    draft = drafts.restore(request, form) if can_write else None
    if request.method == "POST" and can_write and form.is_valid():
        entry = form.save(commit=False)
        services.record_entry(
            request, household, entry, form.cleaned_data["attachments"], form.content_types, grant
        )
        drafts.discard(request, grant=grant)
        messages.success(request, "Vastgelegd op de tijdlijn.")
        return redirect("files:timeline", household_id=household.pk)
    page = Paginator(_entries(household), 20).get_page(request.GET.get("pagina"))
    page.object_list = list(page.object_list)
    if request.method == "GET":
        log.record(
            request,
            log.Action.READ,
            purpose=purpose_of(grant),
            persons=household.memberships.filter(until__isnull=True).values_list("person_id", flat=True),
            objects=[household],
            object_type="timeline",
            grant=grant,
        )
    context = {
        "household": household,
        "page": page,
        "form": form if can_write else None,
        "draft": draft,
    }
    return render(request, "files/timeline.html", context, status=400 if form.errors else 200)


@require_POST
@household_file("people.change_household")
def correct(request, household, grant, entry_id):
    original = get_object_or_404(household.timeline, pk=entry_id)
    form = CorrectionForm(request.POST)
    if form.is_valid():
        services.correct_entry(request, household, original, form.cleaned_data["text"], grant)
        messages.success(request, "De correctie staat op de tijdlijn; het oorspronkelijke blijft zichtbaar.")
    else:
        messages.error(request, "Schrijf wat er gecorrigeerd moet worden.")
    return redirect("files:timeline", household_id=household.pk)


@household_file("privacy.view_files")
def attachment(request, household, grant, attachment_id):
    document = get_object_or_404(
        Attachment.objects.select_related("entry"), pk=attachment_id, entry__household=household
    )
    log.record(
        request,
        log.Action.READ,
        purpose=purpose_of(grant),
        persons=household.memberships.filter(until__isnull=True).values_list("person_id", flat=True),
        objects=[document],
        object_type="attachment",
        grant=grant,
    )
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)
    response["Content-Type"] = document.content_type
    response["X-Content-Type-Options"] = "nosniff"
    return response
