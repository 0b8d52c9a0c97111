"""The draft protocol on a form page: the page's own URL answers draft saves and discards.

``autosave`` runs first thing inside a view that is already guarded by its access policy
(``household_file``), so a draft can only be saved where the user may open the household, and a
user who may not gets the same 404 as for the page itself.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect

from . import services

HEADER = "X-Stuurman-Draft"


def autosave(request, household, grant, *, key: str | None = None, allowed: bool = True):
    """Answer a draft request, or return None so the view carries on with its own work.

    ``allowed=False`` (the user may open the page but not submit its form) refuses draft requests
    with 403: a draft of a form one cannot send has no use.

    - POST with ``X-Stuurman-Draft: save``: store the posted fields; 200 ``{"saved_at": ISO}``,
      413 when the draft is too large.
    - POST with ``X-Stuurman-Draft: discard``: delete the draft; 204.
    - POST without the header but with ``stuurman-draft=discard`` (the discard button without
      script): delete the draft and show the page again.
    """
    if request.method != "POST":
        return None
    action = request.headers.get(HEADER)
    if action is None:
        if not allowed or request.POST.get(services.DISCARD_FIELD) != "discard":
            return None
        services.discard(request, key, grant=grant)
        messages.info(request, "Het concept is weggegooid.")
        return redirect(request.get_full_path())
    if not allowed:
        return JsonResponse({"error": "U kunt op deze pagina geen concept opslaan."}, status=403)
    if action == "save":
        return _save(request, household, grant, key or services.key_for(request))
    if action == "discard":
        services.discard(request, key, grant=grant)
        messages.info(request, "Het concept is weggegooid.")
        return HttpResponse(status=204)
    return JsonResponse({"error": f"Onbekende opdracht voor een concept: {action[:40]}"}, status=400)


def _save(request, household, grant, key):
    limit = settings.DRAFT_MAX_BYTES
    # Refuse a body far over the limit before parsing it; field names and multipart framing make a
    # body somewhat larger than the draft it carries, hence the margin.
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > 2 * limit + 10_000:
        return JsonResponse({"error": str(services.DraftTooLarge(length, limit))}, status=413)
    try:
        draft = services.save(request, household, grant, key, request.POST)
    except services.DraftTooLarge as error:
        return JsonResponse({"error": str(error)}, status=413)
    return JsonResponse({"saved_at": draft.saved_at_iso})
