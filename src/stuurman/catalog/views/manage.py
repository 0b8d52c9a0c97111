"""Catalogue management for functional admins: services, providers and contracts.

Lists show what the admin's municipality maintains plus what the region shares with it; only its own
records open for editing. Views validate forms and hand the result to catalog.services.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from stuurman.privacy.declarations import requires_permission

from .. import services
from ..forms import ContractForm, ProviderForm, RetireForm, ServiceForm
from ..models import Contract, Provider, Service

MANAGE = "catalog.manage_catalog"
PAGE_SIZE = 25


def _form_page(request, form, *, title, submit, cancel, history=None):
    context = {"title": title, "forms": [form], "submit": submit, "cancel": cancel, "history": history}
    return render(request, "site/form_page.html", context, status=400 if form.errors else 200)


def _apply(form, action) -> bool:
    """Run a service with a valid form; put what the service refused back on the form's fields."""
    if not form.is_valid():
        return False
    try:
        action()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            form.add_error(None, error)
        return False
    return True


def _page(request, rows):
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))


@requires_permission(MANAGE)
def services_list(request):
    today = timezone.localdate()
    rows = Service.objects.visible_in(request.user.municipality).select_related("municipality")
    text = request.GET.get("q", "").strip()
    if text:
        rows = rows.filter(Q(name__icontains=text) | Q(code__icontains=text))
    state = request.GET.get("staat", "")
    if state == "concept":
        rows = rows.filter(status=Service.Status.DRAFT)
    elif state == "beeindigd":
        rows = rows.filter(end_date__lt=today)
    elif state == "actueel":
        rows = rows.filter(status=Service.Status.PUBLISHED).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )
    context = {
        "page": _page(request, rows.order_by("name", "pk")),
        "q": text,
        "state": state,
        "today": today,
        "query": "&".join(f"{k}={v}" for k, v in (("q", text), ("staat", state)) if v),
    }
    return render(request, "catalog/manage_services.html", context)


def _own(model, user, pk):
    return get_object_or_404(model, pk=pk, municipality=user.municipality)


@requires_permission(MANAGE)
def service_form(request, service_id=None):
    municipality = request.user.municipality
    instance = _own(Service, request.user, service_id) if service_id else Service(municipality=municipality)
    form = ServiceForm(request.POST or None, instance=instance, municipality=municipality)
    if request.method == "POST" and _apply(
        form,
        lambda: services.save_service(request.user, form.save(commit=False), form.cleaned_data["areas"]),
    ):
        messages.success(request, f"'{form.instance}' is opgeslagen.")
        return redirect("catalog:manage_services")
    title = f"{instance} wijzigen" if service_id else "Nieuwe voorziening"
    history = instance.history.select_related("history_user")[:5] if service_id else None
    cancel = reverse("catalog:manage_services")
    return _form_page(request, form, title=title, submit="Opslaan", cancel=cancel, history=history)


@requires_permission(MANAGE)
def service_retire(request, service_id):
    service = _own(Service, request.user, service_id)
    form = RetireForm(request.POST or None, initial={"end_date": service.end_date or timezone.localdate()})
    if request.method == "POST" and _apply(
        form, lambda: services.retire_service(request.user, service, form.cleaned_data["end_date"])
    ):
        messages.success(
            request, f"'{service}' staat na {service.end_date:%d-%m-%Y} niet meer op de sociale kaart."
        )
        return redirect("catalog:manage_services")
    return _form_page(
        request,
        form,
        title=f"{service} beëindigen",
        submit="Beëindigen",
        cancel=reverse("catalog:manage_services"),
    )


@requires_permission(MANAGE)
def providers_list(request):
    rows = Provider.objects.visible_in(request.user.municipality).select_related("municipality")
    text = request.GET.get("q", "").strip()
    if text:
        rows = rows.filter(Q(name__icontains=text) | Q(agb_code=text))
    context = {
        "page": _page(request, rows.order_by("name", "pk")),
        "q": text,
        "query": f"q={text}" if text else "",
    }
    return render(request, "catalog/manage_providers.html", context)


@requires_permission(MANAGE)
def provider_form(request, provider_id=None):
    municipality = request.user.municipality
    instance = (
        _own(Provider, request.user, provider_id) if provider_id else Provider(municipality=municipality)
    )
    form = ProviderForm(request.POST or None, instance=instance)
    if request.method == "POST" and _apply(
        form, lambda: services.save_provider(request.user, form.save(commit=False))
    ):
        messages.success(request, f"{form.instance} is opgeslagen.")
        return redirect("catalog:manage_providers")
    title = f"{instance} wijzigen" if provider_id else "Nieuwe aanbieder"
    history = instance.history.select_related("history_user")[:5] if provider_id else None
    cancel = reverse("catalog:manage_providers")
    return _form_page(request, form, title=title, submit="Opslaan", cancel=cancel, history=history)


@requires_permission(MANAGE)
def contracts_list(request):
    rows = Contract.objects.visible_in(request.user.municipality).select_related(
        "provider", "service", "municipality"
    )
    text = request.GET.get("q", "").strip()
    if text:
        rows = rows.filter(
            Q(provider__name__icontains=text) | Q(service__name__icontains=text) | Q(reference=text)
        )
    context = {
        "page": _page(request, rows.order_by("service__name", "provider__name", "starts_on", "pk")),
        "q": text,
        "query": f"q={text}" if text else "",
    }
    return render(request, "catalog/manage_contracts.html", context)


@requires_permission(MANAGE)
def contract_form(request, contract_id=None):
    municipality = request.user.municipality
    instance = (
        _own(Contract, request.user, contract_id) if contract_id else Contract(municipality=municipality)
    )
    form = ContractForm(request.POST or None, instance=instance, municipality=municipality)
    if request.method == "POST" and _apply(
        form, lambda: services.save_contract(request.user, form.save(commit=False))
    ):
        messages.success(request, f"Het contract {form.instance} is opgeslagen.")
        return redirect("catalog:manage_contracts")
    title = f"Contract {instance} wijzigen" if contract_id else "Nieuw contract"
    history = instance.history.select_related("history_user")[:5] if contract_id else None
    cancel = reverse("catalog:manage_contracts")
    return _form_page(request, form, title=title, submit="Opslaan", cancel=cancel, history=history)
