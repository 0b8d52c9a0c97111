"""No lost updates: every change of a plan or its parts names the plan version it was made on. If
someone else changed the plan since, the change is refused with what they changed; otherwise the
version goes up by one and the change is kept as a PlanEvent."""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from stuurman.privacy import log

from .models import Plan, PlanEvent


class Conflict(ValidationError):
    """The plan changed since the version the user started from; ``events`` says what changed."""

    def __init__(self, plan: Plan, since: int):
        self.plan = plan
        self.events = list(plan.events.filter(version__gt=since).select_related("by").order_by("version"))
        changes = "; ".join(
            f"{event.at:%H:%M} {event.by.get_full_name() or event.by}: {event.summary}"
            for event in self.events
        )
        super().__init__(
            "Iemand anders heeft dit plan intussen gewijzigd, uw wijziging is niet opgeslagen. "
            f"Gewijzigd: {changes or 'onbekend'}. Bekijk het plan opnieuw en breng uw wijziging dan aan."
        )


def bump(http, plan: Plan, expected_version: int, summary: str) -> Plan:
    """Raise the version from the one the user saw, or refuse with what changed since."""
    if not Plan.objects.filter(pk=plan.pk, version=expected_version).update(version=F("version") + 1):
        raise Conflict(plan, expected_version)
    plan.version = expected_version + 1
    PlanEvent.objects.create(
        plan=plan, version=plan.version, at=timezone.now(), by=http.user, summary=summary[:300]
    )
    return plan


def record(http, plan: Plan, action: str, purpose: str, persons=None) -> None:
    """The access log for a plan: the household's current members unless named."""
    if persons is None:
        persons = plan.household.memberships.filter(until__isnull=True).values_list("person_id", flat=True)
    log.record(http, action, purpose=purpose, persons=persons, objects=[plan], object_type="plan")
