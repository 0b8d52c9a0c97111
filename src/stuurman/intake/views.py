"""Request pages: register, the request itself, the team's work queue, and warm hand-over."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from stuurman.privacy import log
from stuurman.privacy.declarations import household_file, requires_permission
from stuurman.tenancy.models import Area

from . import deadlines, moves, outreach, receipt, services
from .access import team_queue, visible_requests
from .forms import (
    AnalysisForm,
    ExtensionForm,
    HandOverForm,
    LinkPersonForm,
    MoveForm,
    OutreachForm,
    RefuseForm,
    RegisterForm,
    SafetyStepForm,
)
from .models import Request, TeamAlert, Transfer

WORK = "intake.work_requests"


@requires_permission("intake.register_request")
def register(request):
    form = RegisterForm(
        request.POST or None, municipality=request.user.municipality, initial={"channel": "phone"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.register(request, form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if saved.safety_concern:
                messages.warning(
                    request, f"Crisis: {saved.responsible_team} is gealarmeerd. Volg de meldcode."
                )
            else:
                messages.success(
                    request, f"Melding geregistreerd; verantwoordelijk: {saved.responsible_team}."
                )
            return redirect("intake:detail", request_id=saved.pk)
    return render(request, "intake/register.html", {"form": form}, status=400 if form.errors else 200)


def _deadlines(item: Request):
    if item.law == Request.Law.WMO:
        return deadlines.wmo_after_melding(item.received_on)
    return []


@requires_permission("intake.register_request")
def detail(request, request_id):
    item = get_object_or_404(
        visible_requests(request.user).select_related("person", "household", "responsible_team"),
        pk=request_id,
    )
    mine = request.user.teams.filter(pk=item.responsible_team_id).exists()
    pending = (
        item.transfers.filter(state=Transfer.State.PENDING).select_related("to_team", "from_team").first()
    )
    log.record(
        request,
        log.Action.READ,
        purpose=f"Melding {item.pk} ingezien",
        persons=[item.person_id] if item.person_id else [],
        objects=[item],
        object_type="request",
    )
    context = {
        "item": item,
        "deadlines": _deadlines(item),
        "mine": mine,
        "pending": pending,
        "offered_to_me": pending is not None and request.user.teams.filter(pk=pending.to_team_id).exists(),
        "transfers": item.transfers.select_related("from_team", "to_team").order_by("-sent_at"),
        "safety_steps": item.safety_steps.select_related("done_by"),
        "hand_over_form": HandOverForm(request=item, auto_id="overdracht-%s"),
        "refuse_form": RefuseForm(auto_id="weigering-%s"),
        "safety_form": SafetyStepForm(auto_id="meldcode-%s"),
        "analysis_form": AnalysisForm(initial={"law": item.law}, auto_id="analyse-%s"),
        "link_form": LinkPersonForm(municipality=item.municipality, auto_id="koppel-%s"),
        "outreach_form": OutreachForm(auto_id="bemoeizorg-%s"),
        "extension_form": ExtensionForm(auto_id="verlenging-%s"),
        "extensions": item.extensions.order_by("-extended_at"),
        "outreach_decisions": item.outreach_decisions.select_related("decided_by").order_by("-decided_at"),
    }
    return render(request, "intake/detail.html", context)


def _visible(user, request_id):
    return get_object_or_404(visible_requests(user), pk=request_id)


@require_POST
@requires_permission(WORK)
def hand_over(request, request_id):
    item = _visible(request.user, request_id)
    form = HandOverForm(request.POST, request=item)
    if not request.user.teams.filter(pk=item.responsible_team_id).exists():
        messages.error(request, "Alleen het verantwoordelijke team kan overdragen.")
    elif form.is_valid():
        try:
            services.hand_over(request, item, form.cleaned_data["to_team"], form.cleaned_data["reason"])
            messages.success(request, f"Overdracht aan {form.cleaned_data['to_team']} wacht op acceptatie.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, "Kies een team en geef een reden.")
    return redirect("intake:detail", request_id=item.pk)


def _offered(user, transfer_id):
    return get_object_or_404(
        Transfer.objects.select_related("request", "to_team"),
        pk=transfer_id,
        state=Transfer.State.PENDING,
        to_team__members=user,
    )


@require_POST
@requires_permission(WORK)
def accept(request, transfer_id):
    transfer = _offered(request.user, transfer_id)
    services.accept(request, transfer)
    messages.success(
        request, f"{transfer.to_team} is nu verantwoordelijk voor melding {transfer.request_id}."
    )
    return redirect("intake:detail", request_id=transfer.request_id)


@require_POST
@requires_permission(WORK)
def refuse(request, transfer_id):
    transfer = _offered(request.user, transfer_id)
    form = RefuseForm(request.POST)
    if form.is_valid():
        services.refuse(request, transfer, form.cleaned_data["reason"])
        messages.success(request, "De overdracht is geweigerd; de melding blijft bij het versturende team.")
        return redirect("intake:queue")
    messages.error(request, "Geef een reden voor de weigering.")
    return redirect("intake:detail", request_id=transfer.request_id)


@require_POST
@requires_permission("intake.register_request")
def safety_step(request, request_id):
    item = _visible(request.user, request_id)
    form = SafetyStepForm(request.POST)
    if form.is_valid():
        try:
            services.record_safety_step(request, item, form.cleaned_data["step"], form.cleaned_data["note"])
            messages.success(request, "De stap van de meldcode is vastgelegd.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, "Kies een stap en beschrijf wat er is gedaan.")
    return redirect("intake:detail", request_id=item.pk)


def _posted_form(request, form, action, done):
    """Run a service with a valid form; say what went wrong otherwise; back to the request either way."""
    if form.is_valid():
        try:
            action()
            messages.success(request, done)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))


@require_POST
@requires_permission("intake.register_request")
def analyse(request, request_id):
    item = _visible(request.user, request_id)
    form = AnalysisForm(request.POST)
    _posted_form(
        request,
        form,
        lambda: services.analyse(
            request,
            item,
            form.cleaned_data["outcome"],
            form.cleaned_data["motivation"],
            form.cleaned_data["law"],
        ),
        "De vraagverheldering is vastgelegd.",
    )
    return redirect("intake:detail", request_id=item.pk)


@require_POST
@requires_permission("intake.register_request", "privacy.check_known_person")
def link_person(request, request_id):
    item = _visible(request.user, request_id)
    form = LinkPersonForm(request.POST, municipality=item.municipality)
    _posted_form(
        request,
        form,
        lambda: services.link_person(request, item, form.person),
        "De melding is aan de persoon gekoppeld.",
    )
    return redirect("intake:detail", request_id=item.pk)


@require_POST
@requires_permission(WORK)
def extend(request, request_id):
    item = _visible(request.user, request_id)
    form = ExtensionForm(request.POST)
    if not request.user.teams.filter(pk=item.responsible_team_id).exists():
        messages.error(request, "Alleen het verantwoordelijke team kan een termijn verlengen.")
    else:
        _posted_form(
            request,
            form,
            lambda: services.extend_deadline(
                request, item, form.cleaned_data["new_due"], form.cleaned_data["reason"]
            ),
            "De termijn is verlengd.",
        )
    return redirect("intake:detail", request_id=item.pk)


@require_POST
@requires_permission(WORK)
def decide_outreach(request, request_id):
    item = _visible(request.user, request_id)
    form = OutreachForm(request.POST)
    _posted_form(
        request,
        form,
        lambda: outreach.decide(
            request,
            item,
            form.cleaned_data["choice"],
            form.cleaned_data["grounds"],
            competent=form.cleaned_data["competent"],
            risk=form.cleaned_data["risk"],
            review_on=form.cleaned_data["review_on"],
        ),
        "Het besluit over bemoeizorg is vastgelegd.",
    )
    return redirect("intake:detail", request_id=item.pk)


@require_POST
@requires_permission(WORK)
def acknowledge(request, alert_id):
    alert = get_object_or_404(TeamAlert, pk=alert_id, team__members=request.user)
    services.acknowledge(request, alert)
    return redirect("intake:queue")


LINES = [("0", "0e lijn"), ("1", "1e lijn"), ("2", "2e lijn")]


def _filters(request, rows):
    """The queue's filters as (name, title, options, chosen); rows narrowed in the database."""
    wijken = Area.objects.filter(municipality=request.user.municipality, kind="wijk").order_by("name")
    spec = [
        ("law", "Wet", Request.Law.choices, "law"),
        ("status", "Status", Request.Status.choices, "status"),
        ("urgency", "Urgentie", Request.Urgency.choices, "urgency"),
        ("line", "Lijn", LINES, "line"),
        ("wijk", "Wijk", [(str(w.pk), w.name) for w in wijken], "household__area__parent_id"),
    ]
    filters = []
    for name, title, options, lookup in spec:
        chosen = request.GET.get(name, "")
        if chosen in {value for value, _ in options}:
            rows = rows.filter(**{lookup: chosen})
        else:
            chosen = ""
        filters.append((name, title, options, chosen))
    return rows, filters


def _list_page(request, rows, *, title, purpose, team_view):
    rows, filters = _filters(request, rows)
    today = timezone.localdate()
    counts = rows.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(next_due__lt=today)),
        this_week=Count("pk", filter=Q(next_due__gte=today, next_due__lte=today + timedelta(days=7))),
    )
    paginator = Paginator(rows, 25)
    paginator.count = counts["total"]  # counted above already; spare the database a second count
    page = paginator.get_page(request.GET.get("pagina"))
    page.object_list = list(page.object_list)
    log.record(
        request,
        log.Action.READ,
        purpose=purpose,
        persons=[r.person_id for r in page.object_list if r.person_id],
        object_type="request",
    )
    context = {
        "title": title,
        "page": page,
        "counts": counts,
        "filters": filters,
        "today": today,
        "week": today + timedelta(days=7),
        "query": "&".join(f"{name}={chosen}" for name, _, _, chosen in filters if chosen),
        "team_view": team_view,
    }
    if team_view:
        teams = request.user.teams.all()
        pending = Transfer.objects.filter(state=Transfer.State.PENDING)
        context |= {
            "sent": pending.filter(from_team__in=teams).select_related("to_team"),
            "incoming": pending.filter(to_team__in=teams).select_related("from_team"),
            "alerts": TeamAlert.objects.filter(team__in=teams, acknowledged_at__isnull=True),
        }
    return render(request, "intake/queue.html", context)


@requires_permission(WORK)
def queue(request):
    return _list_page(
        request,
        team_queue(request.user),
        title="Werkvoorraad",
        purpose="Werkvoorraad van het team",
        team_view=True,
    )


@requires_permission("intake.register_request")
def registered(request):
    rows = team_queue(request.user, registered_by_me=True)
    return _list_page(
        request, rows, title="Door mij geregistreerd", purpose="Eigen registraties", team_view=False
    )


def _wmo_request(user, request_id) -> Request:
    item = get_object_or_404(visible_requests(user).select_related("person", "municipality"), pk=request_id)
    if item.law != Request.Law.WMO:
        raise Http404("Een ontvangstbevestiging hoort bij een Wmo-melding.")
    return item


@requires_permission("intake.register_request")
def receipt_letter(request, request_id):
    item = _wmo_request(request.user, request_id)
    content = receipt.pdf(item)
    log.record(
        request,
        log.Action.PRINT,
        purpose="Ontvangstbevestiging (brief)",
        persons=[item.person_id] if item.person_id else [],
        objects=[item],
        object_type="request",
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="ontvangstbevestiging-{item.pk}.pdf"'
    return response


@requires_permission("intake.register_request")
def receipt_email(request, request_id):
    item = _wmo_request(request.user, request_id)
    return HttpResponse(receipt.email_text(item), content_type="text/plain; charset=utf-8")


@household_file("people.change_household", "intake.work_requests")
def move(request, household, grant):
    form = MoveForm(request.POST or None, household=household)
    if request.method == "POST" and form.is_valid():
        try:
            moved = moves.move_household(
                request, household, to_area=form.to_area, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if moved.closed:
                messages.success(
                    request, f"Verhuisd buiten de regio: {moved.closed} open melding(en) afgesloten."
                )
            else:
                messages.success(
                    request, f"Verhuizing vastgelegd; {moved.handed_over} melding(en) aangeboden."
                )
            return redirect("intake:queue")
    cancel = reverse("files:household", kwargs={"household_id": household.pk})
    context = {"title": f"{household.name} verhuist", "forms": [form], "cancel": cancel}
    return render(
        request,
        "site/form_page.html",
        {**context, "submit": "Verhuizing vastleggen"},
        status=400 if form.errors else 200,
    )
