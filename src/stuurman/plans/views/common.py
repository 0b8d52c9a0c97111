"""What the plan pages share: finding the plan in the household, logging a read, and running a write
path so that what it refuses lands on the form with everything the user typed still in it."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from stuurman.privacy import log
from stuurman.privacy.policy import purpose_of

from ..models import Plan
from ..versioning import Conflict

VIEW, CHANGE, ADD, COORDINATE = (
    "plans.view_plan",
    "plans.change_plan",
    "plans.add_plan",
    "plans.coordinate_plan",
)


def plan_of(household, plan_id) -> Plan:
    """The household's plan; another household's plan answers 404 like one that does not exist."""
    plan = get_object_or_404(Plan.objects.filter(household=household), pk=plan_id)
    plan.household = household  # already read by the access policy
    return plan


def open_plan(plan: Plan) -> None:
    """Pages that change a plan are not there for an ended one."""
    if plan.status == Plan.Status.ENDED:
        raise Http404("Een beëindigd plan verandert niet meer.")


def members(household) -> list[int]:
    return list(household.memberships.filter(until__isnull=True).values_list("person_id", flat=True))


def read(request, grant, plan: Plan, purpose: str, persons=None) -> None:
    log.record(
        request,
        log.Action.READ,
        purpose=f"{purpose_of(grant)}: {purpose}",
        persons=members(plan.household) if persons is None else persons,
        objects=[plan],
        object_type="plan",
        grant=grant,
    )


def read_form(request, grant, household, plan, purpose: str) -> None:
    """A form page shows the plan's personal data too (names, goals, scores): its showing is a read."""
    log.record(
        request,
        log.Action.READ,
        purpose=f"{purpose_of(grant)}: {purpose}",
        persons=members(household),
        objects=[plan] if plan is not None else [household],
        object_type="plan" if plan is not None else "household",
        grant=grant,
    )


def attempt(form, action):
    """Run a write path. A conflict or a refusal is put on the form, which keeps what was typed; a
    conflict also moves the form to the plan's current version, so the user can look at what changed
    and then save deliberately (never silently over someone else's change). None when refused."""
    try:
        return action()
    except Conflict as conflict:
        form.add_error(None, conflict.messages)
        form.move_to_version(Plan.objects.values_list("version", flat=True).get(pk=conflict.plan.pk))
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            form.add_error(None, error.messages)
    return None


def form_page(request, *, title, forms, cancel, submit, intro="", draft=None, autosave=False, **extra):
    context = {
        "title": title,
        "intro": intro,
        "forms": forms,
        "cancel": cancel,
        "submit": submit,
        "autosave": autosave,
        "draft": draft,
        **extra,
    }
    failed = any(form.errors for form in forms)
    return render(request, "plans/form_page.html", context, status=400 if failed else 200)
