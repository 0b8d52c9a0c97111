"""The one write path for the catalogue: services, providers and contracts.

Each function validates completely before it writes, so a refused change leaves nothing half-stored;
django-simple-history keeps every version. A municipality changes only what it maintains itself: a
regional entry is shared with the others, not theirs to edit. Nothing is deleted: services retire with
an end date, and plans and contracts keep referring to them.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from .models import Contract, Provider, Service


def _maintained_by(user, record) -> None:
    if user is not None and record.municipality_id != user.municipality_id:
        raise ValidationError(
            f"'{record}' wordt beheerd door {record.municipality}; alleen die gemeente kan het wijzigen."
        )


def area_problem(service: Service, areas) -> str:
    """Areas a service serves lie in its own municipality, or in its region when it is shared."""
    region_id = service.municipality.region_id
    for area in areas:
        if area.municipality_id == service.municipality_id:
            continue
        if service.shared_with_region and area.municipality.region_id == region_id:
            continue
        return f"{area} ligt niet in het werkgebied van deze voorziening."
    return ""


def service_errors(service: Service, areas) -> dict[str, list[str]]:
    """Every problem with a service as it would be saved, by field (the form and the import show them)."""
    errors: dict[str, list[str]] = {}
    try:
        service.full_clean(exclude=["search_vector"], validate_unique=False)
    except ValidationError as error:
        errors |= error.message_dict
    if service.municipality_id and service.code:
        same_code = Service.objects.filter(municipality_id=service.municipality_id, code=service.code)
        if same_code.exclude(pk=service.pk).exists():
            errors.setdefault("code", []).append(f"De code '{service.code}' is al in gebruik.")
    if service.municipality_id:
        problem = area_problem(service, areas)
        if problem:
            errors.setdefault("areas", []).append(problem)
    return errors


@transaction.atomic
def save_service(user, service: Service, areas=None) -> Service:
    """Create or change a service; ``areas`` (None: unchanged) is what it serves, empty for everywhere."""
    if service.pk:
        _maintained_by(user, Service.objects.get(pk=service.pk))
    elif user is not None:
        service.municipality = user.municipality
    areas = list(areas) if areas is not None else (list(service.areas.all()) if service.pk else [])
    errors = service_errors(service, areas)
    if errors:
        raise ValidationError(errors)
    service.save()
    service.areas.set(areas)
    return service


@transaction.atomic
def retire_service(user, service: Service, end_date: date) -> Service:
    """The service stops on ``end_date``; contracts and plans keep their reference to it."""
    _maintained_by(user, service)
    if end_date is None:
        raise ValidationError({"end_date": "Vul de laatste dag in waarop de voorziening er is."})
    service.end_date = end_date
    service.save(update_fields=["end_date", "updated_at"])
    return service


def provider_errors(provider: Provider) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        provider.full_clean(validate_unique=False)
    except ValidationError as error:
        errors |= error.message_dict
    if provider.municipality_id and provider.agb_code and "agb_code" not in errors:
        same = Provider.objects.filter(municipality_id=provider.municipality_id, agb_code=provider.agb_code)
        if same.exclude(pk=provider.pk).exists():
            errors["agb_code"] = [f"Er is al een aanbieder met AGB-code {provider.agb_code}."]
    return errors


@transaction.atomic
def save_provider(user, provider: Provider) -> Provider:
    if provider.pk:
        _maintained_by(user, Provider.objects.get(pk=provider.pk))
    elif user is not None:
        provider.municipality = user.municipality
    errors = provider_errors(provider)
    if errors:
        raise ValidationError(errors)
    provider.save()
    return provider


def overlapping(contract: Contract):
    """Contracts of the same provider for the same service whose period overlaps, in force in the same
    place: the same municipality, or anywhere in the region when either contract is shared with it."""
    same_place = Q(municipality_id=contract.municipality_id)
    if contract.shared_with_region:
        same_place |= Q(municipality__region=contract.municipality.region_id)
    else:
        same_place |= Q(shared_with_region=True, municipality__region=contract.municipality.region_id)
    rows = Contract.objects.filter(
        same_place, provider_id=contract.provider_id, service_id=contract.service_id
    )
    if contract.ends_on is not None:
        rows = rows.filter(starts_on__lte=contract.ends_on)
    rows = rows.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=contract.starts_on))
    return rows.exclude(pk=contract.pk) if contract.pk else rows


def overlap_message(contract: Contract, other: Contract) -> str:
    return (
        f"{contract.provider} heeft voor '{contract.service}' al een contract van {other.period}; "
        f"de periode {contract.period} overlapt daarmee."
    )


def contract_errors(contract: Contract) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        contract.full_clean(validate_unique=False)
    except ValidationError as error:
        errors |= error.message_dict
    if errors or not contract.municipality_id:
        return errors
    visible = Service.objects.visible_in(contract.municipality).filter(pk=contract.service_id)
    if not visible.exists():
        errors["service"] = [f"'{contract.service}' hoort niet bij het aanbod van {contract.municipality}."]
    if not Provider.objects.visible_in(contract.municipality).filter(pk=contract.provider_id).exists():
        errors["provider"] = [
            f"{contract.provider} staat niet bij de aanbieders van {contract.municipality}."
        ]
    other = overlapping(contract).select_related("provider", "service").first()
    if other is not None:
        errors["starts_on"] = [overlap_message(contract, other)]
    return errors


@transaction.atomic
def save_contract(user, contract: Contract) -> Contract:
    if contract.pk:
        _maintained_by(user, Contract.objects.get(pk=contract.pk))
    elif user is not None:
        contract.municipality = user.municipality
    errors = contract_errors(contract)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            contract.save()
    except IntegrityError as error:
        # The exclusion constraint caught an overlap that a concurrent save created after our check.
        if "contract_no_overlap" not in str(error):
            raise
        raise ValidationError(
            {
                "starts_on": [
                    f"{contract.provider} heeft voor deze periode al een contract voor deze voorziening."
                ]
            }
        ) from None
    return contract
