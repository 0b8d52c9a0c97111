"""Getting access: a team lead assigns households to their team; anyone allowed can break the glass."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import emergency, involvements, log
from ..declarations import requires_permission
from ..forms import BreakGlassForm, TeamAssignForm
from ..models import EmergencyAccess

PAGE_SIZE = 50


@requires_permission("privacy.assign_households")
def team(request):
    form = TeamAssignForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            involvements.assign_to_team(
                request, form.cleaned_data["team"], form.household, form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{form.household} is toegewezen aan {form.cleaned_data['team']}.")
            return redirect("privacy:team")
    page = Paginator(involvements.involvements_of_teams(request.user), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    page.object_list = list(page.object_list)
    if page.object_list:
        # The list names households: a read of personal data, so one log row for the page.
        log.record(
            request,
            log.Action.READ,
            purpose="Overzicht huishoudens van het team",
            objects=[involvement.household_id for involvement in page.object_list],
            object_type="household",
        )
    status = 400 if form.errors else 200
    return render(request, "privacy/team.html", {"form": form, "page": page}, status=status)


@require_POST
@requires_permission("privacy.assign_households")
def end_involvement(request, involvement_id):
    involvement = get_object_or_404(involvements.involvements_of_teams(request.user), pk=involvement_id)
    try:
        involvements.end_involvement(request, involvement)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{involvement.team} is niet meer betrokken bij {involvement.household}.")
    return redirect("privacy:team")


@requires_permission("privacy.break_glass")
def break_glass(request):
    form = BreakGlassForm(request.POST or None, municipality=request.user.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            access = emergency.break_glass(
                request, form.household, form.cleaned_data["reason"], form.cleaned_data["hours"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # No message: the banner on every page says until when the access runs.
            return redirect("files:household", household_id=access.household_id)
    return render(request, "privacy/break_glass.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
@requires_permission("privacy.break_glass")
def end_emergency(request, access_id):
    # Only one's own access: another user's id answers 404, as if it did not exist.
    mine = EmergencyAccess.objects.filter(user=request.user).select_related("household")
    access = get_object_or_404(mine, pk=access_id)
    emergency.end(request, access)
    messages.success(request, f"De noodtoegang tot {access.household} is beëindigd.")
    return redirect("home")
