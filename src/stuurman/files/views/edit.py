"""Creating and editing households, persons, memberships and the network. Views build forms and hand
the result to files.services, which saves through the people write path and logs the change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from stuurman.privacy.declarations import household_file, requires_permission

from .. import services
from ..forms import EndMembershipForm, HouseholdForm, MembershipForm, NetworkMemberForm, PersonForm


def _page(request, title, forms, *, cancel, submit="Opslaan", status=200, extra=None):
    context = {"title": title, "forms": forms, "cancel": cancel, "submit": submit, **(extra or {})}
    return render(request, "site/form_page.html", context, status=status)


def _saved(request, household, message):
    messages.success(request, message)
    return redirect("files:household", household_id=household.pk)


def _posted(request, *forms) -> bool:
    return request.method == "POST" and all(form.is_valid() for form in forms)


def _attempt(form, save):
    """Run a service; a validation error it raises goes back onto the form instead of a 500."""
    try:
        save()
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@requires_permission("people.add_household", "people.add_person")
def household_new(request):
    data = request.POST or None
    person = PersonForm(data, prefix="persoon")
    membership = MembershipForm(data, prefix="lid", initial={"role": "parent"})
    household = HouseholdForm(data, prefix="huishouden", municipality=request.user.municipality)
    household.fields["name"].required = False
    household.fields["name"].help_text = "Leeg laten: 'Huishouden' met de achternaam."
    forms = [person, membership, household]
    if request.method == "POST" and all(form.is_valid() for form in forms):
        home = household.save(commit=False)
        new_person = person.save(commit=False)
        home.name = home.name or f"Huishouden {new_person.surname}"
        role, since = membership.cleaned_data["role"], membership.cleaned_data["since"]
        if _attempt(person, lambda: services.register_household(request, home, new_person, role, since)):
            return _saved(
                request, home, f"{home.name} is geregistreerd. U bent nu betrokken bij dit huishouden."
            )
    return _page(
        request, "Nieuw huishouden", forms, cancel=reverse("files:search"), status=_status(request, forms)
    )


def _status(request, forms):
    return 400 if request.method == "POST" and any(form.errors for form in forms) else 200


@household_file("people.change_household")
def household_edit(request, household, grant):
    form = HouseholdForm(request.POST or None, instance=household, municipality=household.municipality)
    if _posted(request, form) and _attempt(
        form, lambda: services.save_household(request, form.save(commit=False), grant)
    ):
        return _saved(request, household, "Het huishouden is bijgewerkt.")
    return _page(
        request, f"{household} wijzigen", [form], cancel=_back(household), status=_status(request, [form])
    )


def _back(household):
    return reverse("files:household", kwargs={"household_id": household.pk})


@household_file("people.change_person")
def person_edit(request, household, grant, person_id):
    membership = get_object_or_404(
        household.memberships.select_related("person").filter(until__isnull=True), person_id=person_id
    )
    person = membership.person
    form = PersonForm(request.POST or None, instance=person)
    if _posted(request, form) and _attempt(
        form, lambda: services.save_person(request, household, form.save(commit=False), grant)
    ):
        return _saved(request, household, f"De gegevens van {person} zijn bijgewerkt.")
    history = person.history.select_related("history_user").order_by("-history_date")[:10]
    return _page(
        request,
        f"{person} wijzigen",
        [form],
        cancel=_back(household),
        status=_status(request, [form]),
        extra={"history": history},
    )


@household_file("people.add_person", "people.add_membership")
def member_new(request, household, grant):
    data = request.POST or None
    person = PersonForm(data, prefix="persoon", initial={"surname": "", "postcode": ""})
    membership = MembershipForm(data, prefix="lid", initial={"role": "child"})
    forms = [person, membership]
    if request.method == "POST" and all(form.is_valid() for form in forms):
        new_person = person.save(commit=False)
        role, since = membership.cleaned_data["role"], membership.cleaned_data["since"]
        if _attempt(person, lambda: services.add_member(request, household, new_person, role, since, grant)):
            return _saved(request, household, f"{new_person} is toegevoegd aan het huishouden.")
    return _page(
        request,
        f"Gezinslid toevoegen aan {household}",
        forms,
        cancel=_back(household),
        status=_status(request, forms),
    )


@household_file("people.change_membership")
def member_end(request, household, grant, person_id):
    membership = get_object_or_404(household.memberships.filter(until__isnull=True), person_id=person_id)
    form = EndMembershipForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        services.end_membership(request, household, membership, form.cleaned_data["until"], grant)
        return _saved(request, household, f"{membership.person} woont niet meer in dit huishouden.")
    return _page(
        request,
        f"{membership.person} vertrekt uit {household}",
        [form],
        cancel=_back(household),
        status=_status(request, [form]),
    )


@household_file("people.add_networkmember")
def network_new(request, household, grant):
    return _network_form(request, household, grant, None)


@household_file("people.change_networkmember")
def network_edit(request, household, grant, member_id):
    return _network_form(request, household, grant, get_object_or_404(household.network, pk=member_id))


def _network_form(request, household, grant, member):
    form = NetworkMemberForm(request.POST or None, instance=member, household=household)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if _attempt(
            form, lambda: services.save_network_member(request, household, saved, grant, member is None)
        ):
            return _saved(request, household, f"{saved.display_name} staat in het netwerk.")
    title = f"Netwerk van {household}: {'toevoegen' if member is None else member.display_name}"
    return _page(request, title, [form], cancel=_back(household), status=_status(request, [form]))


@require_POST
@household_file("people.delete_networkmember")
def network_delete(request, household, grant, member_id):
    member = get_object_or_404(household.network, pk=member_id)
    services.remove_network_member(request, household, member, grant)
    return _saved(request, household, f"{member.display_name} is uit het netwerk gehaald.")
