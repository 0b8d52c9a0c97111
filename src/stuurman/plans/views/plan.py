"""The plan itself: the household's way in, starting a plan, the plan page, its period and status,
the agreement, the agreed versions as they were agreed, the full history, and the PDF."""

from django.contrib import messages
from django.contrib.auth.context_processors import PermWrapper
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from stuurman.privacy import log
from stuurman.privacy.declarations import household_file

from .. import coordination, letter, page, page_cache, services, snapshot
from ..forms import AgreementForm, PlanForm, StartForm
from ..models import Plan
from .common import ADD, CHANGE, VIEW, attempt, form_page, members, open_plan, plan_of, read, read_form


@household_file(VIEW)
def household(request, household, grant):
    """From the household page: its open plan, or the plans it had and the way to start one."""
    plans = list(household.plans.order_by("-starts_on", "-pk"))
    running = next((plan for plan in plans if plan.status != Plan.Status.ENDED), None)
    if running is not None:
        return redirect("plans:plan", household_id=household.pk, plan_id=running.pk)
    log.record(
        request,
        log.Action.READ,
        purpose="Plannen van het huishouden",
        persons=members(household),
        objects=plans,
        object_type="plan",
        grant=grant,
    )
    return render(request, "plans/household.html", {"household": household, "plans": plans})


@household_file(ADD)
def start(request, household, grant):
    running = household.plans.exclude(status=Plan.Status.ENDED).first()
    if running is not None:  # one household, one plan
        return redirect("plans:plan", household_id=household.pk, plan_id=running.pk)
    user = request.user
    teams = user.teams.filter(municipality=household.municipality)
    choosable = coordination.coordinators(household.municipality, teams=teams)
    form = StartForm(request.POST or None, household=household, user=user, coordinators=choosable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = attempt(
            form,
            lambda: services.start(
                request,
                household,
                coordinator=data["coordinator"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                conversations=data.get("conversations", []),
                requests=data.get("requests", []),
            ),
        )
        if plan is not None:
            messages.success(
                request,
                f"Het plan is opgesteld. De eerste evaluatie is gepland op {plan.next_review_on:%d-%m-%Y}.",
            )
            return redirect("plans:plan", household_id=household.pk, plan_id=plan.pk)
    read_form(request, grant, household, None, "plan opstellen")
    return form_page(
        request,
        title=f"Plan opstellen voor {household.name}",
        intro="Eén huishouden, één plan, één regisseur. Doelen en inzet voegt u daarna toe.",
        forms=[form],
        cancel=reverse("files:household", args=[household.pk]),
        submit="Plan opstellen",
    )


@household_file(VIEW)
def detail(request, household, grant, plan_id):
    plan = plan_of(household, plan_id)
    user, today = request.user, timezone.localdate()

    def rendered() -> dict:
        editable = user.has_perm(CHANGE) and plan.status != Plan.Status.ENDED
        context = {"household": household, "perms": PermWrapper(user)}
        context.update(page.context(plan, today, editable=editable))
        return {
            "coordination": context["coordination"],
            "body": render_to_string("plans/_plan_body.html", context),  # safe HTML
        }

    shown = page_cache.body(plan, household, today, user, rendered)
    read(request, grant, plan, "plan")
    return render(
        request,
        "plans/plan.html",
        {
            "household": household,
            "plan": plan,
            "signals": page.signals(plan),
            **page.review_due(plan, today),
            **shown,
        },
    )


@household_file(CHANGE)
def edit(request, household, grant, plan_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    form = PlanForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changed = attempt(
            form,
            lambda: services.change(
                request,
                plan,
                data["version"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                status=data["status"],
            ),
        )
        if changed is not None:
            messages.success(request, f"Het plan is gewijzigd ({changed.get_status_display()}).")
            return redirect("plans:plan", household_id=household.pk, plan_id=plan.pk)
    read_form(request, grant, household, plan, "periode en status van het plan")
    return form_page(
        request,
        title="Periode en status van het plan",
        intro="Een plan loopt pas als de inwoner ermee akkoord is. Een beëindigd plan verandert niet meer.",
        forms=[form],
        cancel=reverse("plans:plan", args=[household.pk, plan.pk]),
        submit="Opslaan",
        plan=plan,
    )


@household_file(CHANGE)
def agreement(request, household, grant, plan_id):
    plan = plan_of(household, plan_id)
    open_plan(plan)
    form = AgreementForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agreed = attempt(
            form,
            lambda: services.agree(
                request,
                plan,
                data["version"],
                agreed=data["agreed"],
                on=data["on"],
                how=data["how"],
                words=data["words"],
            ),
        )
        if agreed is not None:
            done = "akkoord" if agreed.agreed else "niet akkoord, in eigen woorden vastgelegd"
            messages.success(request, f"Versie {agreed.number} van het plan: {done}.")
            return redirect("plans:plan", household_id=household.pk, plan_id=plan.pk)
    read_form(request, grant, household, plan, "akkoord van de inwoner")
    return form_page(
        request,
        title="Akkoord van de inwoner",
        intro="Het plan zoals het nu is wordt bewaard als afgesproken versie; de inwoner krijgt het als PDF.",
        forms=[form],
        cancel=reverse("plans:plan", args=[household.pk, plan.pk]),
        submit="Vastleggen",
        plan=plan,
    )


def _version(plan, number):
    return get_object_or_404(plan.agreed_versions.select_related("recorded_by"), number=number)


@household_file(VIEW)
def agreed_version(request, household, grant, plan_id, number):
    plan = plan_of(household, plan_id)
    version = _version(plan, number)
    shown = page.readable(version.content)
    page.with_facts(shown["goals"])
    read(request, grant, plan, f"afgesproken versie {version.number}")
    context = {
        "household": household,
        "plan": plan,
        "version": version,
        "content": shown,
        "goals_by_person": page.by_person(shown["goals"]),
        "contributions_by_tier": page.by_tier(shown["contributions"]),
    }
    return render(request, "plans/agreed_version.html", context)


@household_file(VIEW)
def history(request, household, grant, plan_id):
    """Everything the plan page leaves out as the years go by: ended contributions, every review,
    agreed version, hand-over and escalation, and every change (paginated)."""
    plan = plan_of(household, plan_id)
    events = Paginator(plan.events.select_related("by").order_by("-version"), 50).get_page(
        request.GET.get("pagina")
    )
    read(request, grant, plan, "geschiedenis van het plan")
    context = {
        "household": household,
        "plan": plan,
        "page": events,
        **page.history(plan, timezone.localdate()),
    }
    return render(request, "plans/history.html", context)


def _pdf(request, grant, plan, content, version=None) -> HttpResponse:
    pdf = letter.pdf(plan, content, version)
    log.record(
        request,
        log.Action.PRINT,
        purpose=f"Plan als PDF{f' (versie {version.number})' if version else ''}",
        persons=members(plan.household),
        objects=[plan],
        object_type="plan",
        grant=grant,
    )
    name = f"plan-versie-{version.number}" if version else f"plan-{timezone.localdate():%Y-%m-%d}"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@household_file(VIEW)
def plan_pdf(request, household, grant, plan_id):
    plan = plan_of(household, plan_id)
    return _pdf(request, grant, plan, snapshot.content(plan))


@household_file(VIEW)
def version_pdf(request, household, grant, plan_id, number):
    plan = plan_of(household, plan_id)
    version = _version(plan, number)
    return _pdf(request, grant, plan, version.content, version)
