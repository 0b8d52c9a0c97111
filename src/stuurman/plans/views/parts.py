"""Goals and contributions, and the decision and assignment that follow a tailored contribution.

The goal and contribution forms are long and typed at the kitchen table: they keep drafts as you type
(docs/adr/0007-drafts.md). The contribution form first asks the tier (a plain list of links, no script),
then shows only what that tier needs.
"""

from decimal import Decimal

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from stuurman import drafts
from stuurman.privacy.declarations import household_file

from .. import decisions, services, tiers
from ..forms import AssignmentForm, ContributionForm, DecisionForm, GoalForm
from ..models import Contribution, Goal
from .common import CHANGE, attempt, form_page, open_plan, plan_of, read_form

TIER_HELP = {
    tiers.Tier.SELF: "Wat iemand van het huishouden zelf doet.",
    tiers.Tier.HOUSEHOLD: "Wat huisgenoten of naaste familie doen, zoals een broer of zus.",
    tiers.Tier.INFORMAL: "Vrienden, buren, kennissen.",
    tiers.Tier.VOLUNTEERS: "Een vrijwilligersorganisatie of lokaal initiatief uit de sociale kaart.",
    tiers.Tier.GENERAL: "Een algemene voorziening: zonder beschikking, voor iedereen.",
    tiers.Tier.TAILORED: "Een maatwerkvoorziening met beschikking; eerst elke lagere trede overwegen.",
    tiers.Tier.SPECIALIST: "Specialistische of langdurige zorg; eerst elke lagere trede overwegen.",
}


def _back(household, plan) -> str:
    return reverse("plans:plan", args=[household.pk, plan.pk])


def _goal(request, household, grant, plan, goal):
    if (answer := drafts.autosave(request, household, grant)) is not None:
        return answer
    form = GoalForm(request.POST or None, instance=goal, plan=plan, user=request.user)
    draft = drafts.restore(request, form)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            form,
            lambda: services.save_goal(request, plan, form.cleaned_data["version"], form.save(commit=False)),
        )
        if saved is not None:
            drafts.discard(request, grant=grant)
            messages.success(request, f"Het doel van {saved.person.first_names} is vastgelegd.")
            return redirect(f"{_back(household, plan)}#doelen")
    read_form(request, grant, household, plan, "doel van het plan")
    return form_page(
        request,
        title="Doel wijzigen" if goal.pk else "Doel toevoegen",
        intro="Per persoon en leefgebied, in de woorden van de inwoner. Alleen wie, het leefgebied en het "
        "doel zijn nodig.",
        forms=[form],
        cancel=_back(household, plan),
        submit="Doel opslaan",
        autosave=True,
        draft=draft,
        plan=plan,
    )


@household_file(CHANGE)
def goal_new(request, household, grant, plan_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    return _goal(request, household, grant, plan, Goal(plan=plan))


@household_file(CHANGE)
def goal_edit(request, household, grant, plan_id, goal_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    return _goal(request, household, grant, plan, get_object_or_404(plan.goals, pk=goal_id))


def _tier(request, contribution) -> tiers.Tier | None:
    chosen = request.GET.get("trede") or request.POST.get("trede")
    if chosen and chosen.isdigit() and int(chosen) in tiers.Tier._value2member_map_:
        return tiers.Tier(int(chosen))
    return tiers.Tier(contribution.tier) if contribution.pk else None


def _contribution(request, household, grant, plan, contribution):
    tier = _tier(request, contribution)
    if tier is None:
        context = {
            "household": household,
            "plan": plan,
            "tiers": [(tier, tier.label, TIER_HELP[tier]) for tier in tiers.Tier],
        }
        return render(request, "plans/choose_tier.html", context)
    if (answer := drafts.autosave(request, household, grant)) is not None:
        return answer
    contribution.tier = tier.value
    form = ContributionForm(request.POST or None, instance=contribution, plan=plan, tier=tier)
    draft = drafts.restore(request, form)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            form,
            lambda: services.save_contribution(
                request, plan, form.cleaned_data["version"], form.save(commit=False), form.considered()
            ),
        )
        if saved is not None:
            drafts.discard(request, grant=grant)
            messages.success(request, f"De inzet is vastgelegd ({tier.label}): {saved.what}.")
            return redirect(f"{_back(household, plan)}#inzet")
    context = {
        "household": household,
        "plan": plan,
        "form": form,
        "tier": tier,
        "tier_help": TIER_HELP[tier],
        "draft": draft,
        "editing": contribution.pk is not None,
    }
    read_form(request, grant, household, plan, "inzet in het plan")
    return render(request, "plans/contribution.html", context, status=400 if form.errors else 200)


@household_file(CHANGE)
def contribution_new(request, household, grant, plan_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    return _contribution(request, household, grant, plan, Contribution(plan=plan))


def _one(plan, contribution_id) -> Contribution:
    return get_object_or_404(
        plan.contributions.select_related("service", "provider", "decision"), pk=contribution_id
    )


@household_file(CHANGE)
def contribution_edit(request, household, grant, plan_id, contribution_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    return _contribution(request, household, grant, plan, _one(plan, contribution_id))


@household_file(CHANGE)
def decision(request, household, grant, plan_id, contribution_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    contribution = _one(plan, contribution_id)
    form = DecisionForm(request.POST or None, plan=plan, contribution=contribution)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        decided = attempt(
            form,
            lambda: decisions.decide(
                request,
                contribution,
                data["version"],
                granted=data["granted"],
                decided_on=data["decided_on"],
                made_known_on=data["made_known_on"],
                legal_ground=data["legal_ground"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
            ),
        )
        if decided is not None:
            outcome = "toegekend" if decided.granted else "afgewezen"
            messages.success(
                request,
                f"Beschikking vastgelegd: {decided.product} {outcome}. "
                f"Bezwaar kan tot en met {decided.objection_due:%d-%m-%Y}.",
            )
            return redirect(f"{_back(household, plan)}#besluiten")
    read_form(request, grant, household, plan, "beschikking")
    return form_page(
        request,
        title=f"Beschikking: {contribution.service or contribution.what}",
        intro=f"Voor de inzet “{contribution.what}”. De bezwaartermijn wordt berekend.",
        forms=[form],
        cancel=_back(household, plan),
        submit="Beschikking vastleggen",
        plan=plan,
    )


@household_file(CHANGE)
def assignment(request, household, grant, plan_id, contribution_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    contribution = _one(plan, contribution_id)
    form = AssignmentForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        budget = data["budget"]
        cents = int((budget * 100).quantize(Decimal(1))) if budget is not None else None
        made = attempt(
            form, lambda: decisions.assign(request, contribution, data["version"], budget_cents=cents)
        )
        if made is not None:
            messages.success(request, f"Toewijzing {made.number} aan {made.provider} is vastgelegd.")
            return redirect(f"{_back(household, plan)}#besluiten")
    read_form(request, grant, household, plan, "toewijzing")
    volume = ""
    if contribution.volume is not None:
        volume = (
            f"{contribution.volume.normalize():f} ({contribution.unit}, frequentie {contribution.frequency})"
        )
    return form_page(
        request,
        title=f"Toewijzing aan {contribution.provider or 'de aanbieder'}",
        intro=f"Voor “{contribution.what}”. Omvang uit de inzet: {volume or 'geen'}. Laat het budget leeg om "
        "de omvang toe te wijzen.",
        forms=[form],
        cancel=_back(household, plan),
        submit="Toewijzen",
        plan=plan,
    )
