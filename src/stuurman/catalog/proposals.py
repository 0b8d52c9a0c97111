"""The write path of the learning assortment: record proposals from usage, accept or reject them.

The plans app counts how often each tailored solution was arranged in a municipality's plans and calls
``record_proposals``; the functional admin decides. Accepting makes a draft general provision that the
admin completes and publishes like any other service.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import services
from .assortment import proposals_from_usage, solution_key
from .models import AssortmentProposal, Service


@transaction.atomic
def record_proposals(
    municipality, usage: dict[str, int], threshold: int | None = None
) -> list[AssortmentProposal]:
    """Propose every solution used in at least ``threshold`` plans (STUURMAN_ASSORTMENT_THRESHOLD).

    Idempotent: a solution is proposed once per municipality. Later counts update the number of plans,
    and a decided proposal stays decided — a rejection is not put before the admin again.
    Returns the proposals made by this call.
    """
    threshold = settings.ASSORTMENT_THRESHOLD if threshold is None else threshold
    now, made = timezone.now(), []
    for candidate in proposals_from_usage(usage, threshold):
        key = solution_key(candidate.solution)
        proposal = (
            AssortmentProposal.objects.select_for_update()
            .filter(municipality=municipality, solution_key=key)
            .first()
        )
        if proposal is None:
            made.append(
                AssortmentProposal.objects.create(
                    municipality=municipality,
                    solution=candidate.solution[:200],
                    solution_key=key[:200],
                    plans=candidate.plans,
                    proposed_at=now,
                    counted_at=now,
                )
            )
        else:
            proposal.plans, proposal.counted_at = candidate.plans, now
            proposal.save(update_fields=["plans", "counted_at"])
    return made


def _decide(user, proposal: AssortmentProposal, state: str, note: str) -> AssortmentProposal:
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Schrijf kort op waarom u het voorstel aanneemt of afwijst."})
    if proposal.municipality_id != user.municipality_id:
        raise ValidationError("Dit voorstel hoort bij een andere gemeente.")
    locked = AssortmentProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.state != AssortmentProposal.State.PROPOSED:
        raise ValidationError(f"Over dit voorstel is al besloten: {locked.get_state_display()}.")
    locked.state, locked.note = state, note
    locked.decided_by, locked.decided_at = user, timezone.now()
    return locked


@transaction.atomic
def accept(user, proposal: AssortmentProposal, note: str) -> AssortmentProposal:
    """Accept: a draft general provision named after the solution, for the admin to complete."""
    proposal = _decide(user, proposal, AssortmentProposal.State.ACCEPTED, note)
    draft = Service(
        municipality=proposal.municipality,
        code=_free_code(proposal),
        name=proposal.solution,
        kind=Service.Kind.GENERAL,
        summary=f"Voorgesteld omdat het in {proposal.plans} plannen als maatwerk werd ingezet.",
        description=proposal.note,
        status=Service.Status.DRAFT,
    )
    proposal.service = services.save_service(user, draft, areas=[])
    proposal.save()
    return proposal


@transaction.atomic
def reject(user, proposal: AssortmentProposal, note: str) -> AssortmentProposal:
    proposal = _decide(user, proposal, AssortmentProposal.State.REJECTED, note)
    proposal.save()
    return proposal


def _free_code(proposal: AssortmentProposal) -> str:
    base = f"VOORSTEL-{proposal.pk}"
    taken = set(
        Service.objects.filter(municipality=proposal.municipality, code__startswith=base).values_list(
            "code", flat=True
        )
    )
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}-{n}"
    return code
