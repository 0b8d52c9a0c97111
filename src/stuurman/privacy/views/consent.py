"""Consent and sharing decisions for the persons of a household file."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import consent as service
from .. import log
from ..declarations import household_file
from ..forms import ConsentForm, SharingForm, WithdrawForm
from ..models import Consent, SharingDecision
from ..policy import purpose_of

PERMISSION = "privacy.record_consent"


def _page(request, household, grant, consent_form=None, sharing_form=None, status=200):
    members = list(service.current_member_ids(household))
    consents = Consent.objects.filter(person__in=members).select_related("person")
    sharings = SharingDecision.objects.filter(person__in=members).select_related("person", "consent")
    log.record(
        request,
        log.Action.READ,
        purpose=f"Toestemming en gegevensdeling ingezien ({purpose_of(grant)})",
        persons=members,
        objects=[household],
        object_type="household",
        grant=grant,
    )
    context = {
        "household": household,
        "consents": consents.order_by("-given_on", "-pk"),
        "sharings": sharings.order_by("-decided_on", "-pk"),
        "consent_form": consent_form or ConsentForm(household=household, prefix="toestemming"),
        "sharing_form": sharing_form or SharingForm(household=household, prefix="delen"),
        "withdraw_form": WithdrawForm(),
    }
    return render(request, "privacy/consents.html", context, status=status)


def _done(request, household, message):
    messages.success(request, message)
    return redirect("privacy:consents", household_id=household.pk)


@household_file(PERMISSION)
def consents(request, household, grant):
    return _page(request, household, grant)


@require_POST
@household_file(PERMISSION)
def consent_new(request, household, grant):
    form = ConsentForm(request.POST, household=household, prefix="toestemming")
    if form.is_valid():
        try:
            service.record_consent(request, household, form.save(commit=False), grant)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, household, "De toestemming is vastgelegd.")
    return _page(request, household, grant, consent_form=form, status=400)


@require_POST
@household_file(PERMISSION)
def consent_withdraw(request, household, grant, consent_id):
    consent = get_object_or_404(Consent, pk=consent_id, person__in=service.current_member_ids(household))
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            service.withdraw_consent(request, household, consent, form.cleaned_data["withdrawn_on"], grant)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return _done(request, household, f"De toestemming voor {consent.organisation} is ingetrokken.")
    else:
        messages.error(request, "Vul een geldige datum van intrekken in.")
    return redirect("privacy:consents", household_id=household.pk)


@require_POST
@household_file(PERMISSION)
def sharing_new(request, household, grant):
    form = SharingForm(request.POST, household=household, prefix="delen")
    if form.is_valid():
        try:
            service.record_sharing(request, household, form.save(commit=False), grant)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, household, "Het besluit over het delen van gegevens is vastgelegd.")
    return _page(request, household, grant, sharing_form=form, status=400)
