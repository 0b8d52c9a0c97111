"""Following plans up: holding a review, the team's follow-up list with "pick up", and the coordinator's
own plans. Lists are filtered and paginated in the database."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from stuurman import drafts
from stuurman.people.models import Membership
from stuurman.privacy import log
from stuurman.privacy.declarations import household_file, requires_permission

from .. import follow_up_signals, reviewing
from ..follow_up_forms import PickUpForm, ReviewForm
from ..models import Coordination, FollowUpSignal, GoalResult, Plan
from .common import CHANGE, COORDINATE, attempt, open_plan, plan_of, read_form

PAGE_SIZE = 25
# Reviews due this soon already show on the follow-up list, so they can be planned.
SOON = timedelta(days=14)


@household_file(CHANGE)
def review(request, household, grant, plan_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    if (answer := drafts.autosave(request, household, grant)) is not None:
        return answer
    today = timezone.localdate()
    goals = list(plan.goals.select_related("person").order_by("person__birth_date", "domain", "pk"))
    domains = reviewing.plan_domains(plan)
    people = {
        m.person_id: m.person
        for m in household.memberships.filter(person_id__in=domains).select_related("person")
    }
    previous = {pid: reviewing.previous(pid, codes, today) for pid, codes in domains.items()}
    last = plan.reviews.order_by("-held_on", "-pk").first()
    latest = {r.goal_id: r for r in GoalResult.objects.filter(review=last)} if last else {}
    form = ReviewForm(
        request.POST or None,
        plan=plan,
        goals=goals,
        domains=domains,
        people=people,
        previous=previous,
        latest=latest,
    )
    draft = drafts.restore(request, form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        known = set(plan.signals.values_list("pk", flat=True))
        held = attempt(
            form,
            lambda: reviewing.hold(
                request,
                plan,
                data["version"],
                held_on=data["held_on"],
                results=form.results(),
                scores=form.scores(),
                summary=data["summary"],
            ),
        )
        if held is not None:
            drafts.discard(request, grant=grant)
            plan.refresh_from_db()
            messages.success(
                request,
                f"De evaluatie van {held.held_on:%d-%m-%Y} is vastgelegd. "
                f"De volgende is gepland op {plan.next_review_on:%d-%m-%Y}.",
            )
            for signal in plan.signals.exclude(pk__in=known).order_by("pk"):
                messages.warning(
                    request, f"Signaal voor het team: {signal.get_kind_display()} — {signal.detail}"
                )
            return redirect(f"{reverse('plans:plan', args=[household.pk, plan.pk])}#evaluaties")
    read_form(request, grant, household, plan, "evaluatie van het plan")
    context = {"household": household, "plan": plan, "form": form, "draft": draft, "today": today}
    return render(request, "plans/review.html", context, status=400 if form.errors else 200)


def _teams(user) -> list[int]:
    return list(user.teams.values_list("pk", flat=True))


def _log_list(request, purpose, household_ids) -> None:
    persons = Membership.objects.filter(household_id__in=household_ids, until__isnull=True).values_list(
        "person_id", flat=True
    )
    log.record(request, log.Action.READ, purpose=purpose, persons=list(persons), object_type="plan")


@requires_permission("plans.view_follow_up")
def team_list(request):
    """Open signals of the user's teams, and reviews due (soon) of plans coordinated in those teams."""
    teams, today = _teams(request.user), timezone.localdate()
    failed = None
    if request.method == "POST":
        signal = get_object_or_404(
            FollowUpSignal.objects.select_related("plan"),
            pk=request.POST.get("signaal"),
            team_id__in=teams,
        )
        form = PickUpForm(request.POST, prefix=f"signaal-{signal.pk}")
        if form.is_valid():
            try:
                follow_up_signals.pick_up(request, signal, form.cleaned_data["note"])
            except ValidationError as error:
                # Someone was first: the signal is off the list, so say it above the list instead.
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, f"U heeft het signaal opgepakt: {form.cleaned_data['note']}")
            return redirect(request.get_full_path())
        failed = (signal.pk, form)
    signals = (
        FollowUpSignal.objects.filter(team_id__in=teams, handled_at__isnull=True)
        .select_related("plan__household")
        .order_by("-raised_at", "-pk")
    )
    coordinated = Coordination.objects.filter(
        plan=OuterRef("pk"), until__isnull=True, coordinator__teams__in=teams
    )
    due = (
        Plan.objects.exclude(status=Plan.Status.ENDED)
        .filter(next_review_on__lte=today + SOON)
        .filter(Exists(coordinated))
        .select_related("household")
        .order_by("next_review_on", "pk")
    )
    signal_page = Paginator(signals, PAGE_SIZE).get_page(request.GET.get("signalen"))
    review_page = Paginator(due, PAGE_SIZE).get_page(request.GET.get("evaluaties"))
    for signal in signal_page.object_list:
        if failed and failed[0] == signal.pk:
            signal.form = failed[1]
        else:
            signal.form = PickUpForm(prefix=f"signaal-{signal.pk}")
    households = {s.plan.household_id for s in signal_page} | {p.household_id for p in review_page}
    _log_list(request, "Opvolglijst van het team", households)
    context = {
        "signal_page": signal_page,
        "review_page": review_page,
        "today": today,
        "teams": request.user.teams.order_by("name"),
    }
    return render(request, "plans/follow_up.html", context, status=400 if failed else 200)


@requires_permission(COORDINATE)
def mine(request):
    """The plans the user coordinates now, next review first, with their open signals."""
    coordinating = Coordination.objects.filter(
        plan=OuterRef("pk"), until__isnull=True, coordinator=request.user
    )
    plans = (
        Plan.objects.exclude(status=Plan.Status.ENDED)
        .filter(Exists(coordinating))
        .select_related("household")
        .annotate(open_signals=Count("signals", filter=Q(signals__handled_at__isnull=True)))
        .order_by(F("next_review_on").asc(nulls_last=True), "pk")
    )
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("pagina"))
    _log_list(request, "Mijn plannen", {plan.household_id for plan in page})
    return render(request, "plans/mine.html", {"page": page, "today": timezone.localdate()})
