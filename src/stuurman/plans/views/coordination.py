"""Who coordinates the plan: hand over for good, hand over temporarily to an organisation (a certified
institution, Veilig Thuis) and take back; escalations and their outcome. Coordinators and team leads."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from stuurman.privacy.declarations import household_file

from .. import coordination
from ..follow_up_forms import EscalationForm, HandOverForm, ResolveForm, TakeBackForm, TemporaryForm
from .common import CHANGE, COORDINATE, attempt, form_page, open_plan, plan_of, read_form

# action (the submit button's value) → heading and button of its form
SECTIONS = {
    "overdragen": ("Regie overdragen aan een collega", "Overdragen"),
    "tijdelijk": ("Regie tijdelijk overdragen aan een organisatie", "Tijdelijk overdragen"),
    "terugnemen": ("Regie terugnemen", "Terugnemen"),
}


def _choosable(request, plan):
    """Coordinators of the user's own teams in the plan's municipality."""
    teams = request.user.teams.filter(municipality=plan.municipality)
    return coordination.coordinators(plan.municipality, teams=teams)


def _forms(request, plan, now, posted) -> dict:
    choosable = _choosable(request, plan)

    def bound(action):
        return request.POST if posted == action else None

    if now is not None and now.temporary:
        return {
            "terugnemen": TakeBackForm(
                bound("terugnemen"), plan=plan, coordinators=choosable, user=request.user, prefix="terug"
            )
        }
    return {
        "overdragen": HandOverForm(
            bound("overdragen"), plan=plan, coordinators=choosable, prefix="overdracht"
        ),
        "tijdelijk": TemporaryForm(bound("tijdelijk"), plan=plan, prefix="tijdelijk"),
    }


def _switch(request, plan, action, data):
    if action == "overdragen":
        return coordination.hand_over(request, plan, data["version"], data["to_user"], data["reason"])
    if action == "tijdelijk":
        return coordination.hand_over_temporarily(
            request, plan, data["version"], data["organisation"], data["reason"]
        )
    return coordination.take_back(request, plan, data["version"], data["coordinator"], data["reason"])


@household_file(CHANGE, COORDINATE)
def coordinate(request, household, grant, plan_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    now = coordination.current(plan)
    posted = request.POST.get("actie") if request.method == "POST" else None
    forms = _forms(request, plan, now, posted)
    form = forms.get(posted)
    if form is not None and form.is_valid():
        moved = attempt(form, lambda: _switch(request, plan, posted, form.cleaned_data))
        if moved is not None:
            messages.success(request, f"De regie ligt nu bij {moved}.")
            return redirect("plans:plan", household_id=household.pk, plan_id=plan.pk)
    read_form(request, grant, household, plan, "regie over het plan")
    temporary = " (tijdelijk overgedragen)" if now and now.temporary else ""
    return form_page(
        request,
        title="Regie over het plan",
        intro=f"Nu: {now or 'niemand'}{temporary}. Er is altijd precies één regisseur.",
        forms=list(forms.values()),
        cancel=reverse("plans:plan", args=[household.pk, plan.pk]),
        submit="",
        plan=plan,
        sections=[(action, *SECTIONS[action], form) for action, form in forms.items()],
    )


@household_file(CHANGE, COORDINATE)
def escalate(request, household, grant, plan_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    form = EscalationForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        raised = attempt(
            form,
            lambda: coordination.escalate(
                request, plan, data["version"], data["against"], data["what"], data["doorzettingsmacht"]
            ),
        )
        if raised is not None:
            messages.success(request, f"Escalatie vastgelegd: {raised.against}.")
            return redirect(f"{reverse('plans:plan', args=[household.pk, plan.pk])}#escalaties")
    read_form(request, grant, household, plan, "escalatie")
    return form_page(
        request,
        title="Escalatie vastleggen",
        intro="Een aanbieder of partner levert niet wat is afgesproken. Leg vast wat er niet gebeurt; de "
        "uitkomst volgt later.",
        forms=[form],
        cancel=reverse("plans:plan", args=[household.pk, plan.pk]),
        submit="Escalatie vastleggen",
        plan=plan,
    )


@household_file(CHANGE, COORDINATE)
def resolve(request, household, grant, plan_id, escalation_id):
    plan = plan_of(household, plan_id)
    escalation = get_object_or_404(plan.escalations, pk=escalation_id, resolved_on__isnull=True)
    form = ResolveForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form, lambda: coordination.resolve(request, escalation, data["version"], data["outcome"])
        )
        if done is not None:
            messages.success(request, f"De escalatie over {escalation.against} is afgehandeld.")
            return redirect(f"{reverse('plans:plan', args=[household.pk, plan.pk])}#escalaties")
    read_form(request, grant, household, plan, "uitkomst van een escalatie")
    return form_page(
        request,
        title=f"Uitkomst van de escalatie over {escalation.against}",
        intro=f"Wat er niet gebeurde: {escalation.what}",
        forms=[form],
        cancel=reverse("plans:plan", args=[household.pk, plan.pk]),
        submit="Uitkomst vastleggen",
        plan=plan,
    )
