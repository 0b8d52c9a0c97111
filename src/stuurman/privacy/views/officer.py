"""The privacy officer's pages: searching the access log (itself logged) and judging emergency access.

The officer sees who accessed which persons (ids), never the files themselves, and only the log and
emergency accesses of their own municipality.
"""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from stuurman.people.models import Membership

from .. import emergency, log
from ..declarations import requires_permission
from ..forms import LogSearchForm, VerdictForm
from ..models import AccessLog, EmergencyAccess

PAGE_SIZE = 50


def _filtered(form, municipality_id):
    rows = AccessLog.objects.filter(municipality_id=municipality_id).order_by("-at", "-id")
    data = form.cleaned_data
    if form.person is not None:
        rows = rows.filter(log.mentioning(form.person.pk))
    if username := data.get("username", "").strip():
        # By user id where the account still exists, so the (user_id, at) index does the work;
        # the name kept in the row covers accounts removed since.
        user_id = (
            get_user_model().objects.filter(username__iexact=username).values_list("pk", flat=True).first()
        )
        rows = rows.filter(user_id=user_id) if user_id else rows.filter(username__iexact=username)
    if data.get("action"):
        rows = rows.filter(action=data["action"])
    zone = timezone.get_current_timezone()
    if data.get("start"):
        rows = rows.filter(at__gte=datetime.combine(data["start"], time.min, zone))
    if data.get("end"):
        rows = rows.filter(at__lt=datetime.combine(data["end"] + timedelta(days=1), time.min, zone))
    return rows


@requires_permission("privacy.view_accesslog")
def access_log(request):
    form = LogSearchForm(request.GET or {}, municipality=request.user.municipality)
    page = None
    if form.is_valid():
        page = Paginator(_filtered(form, request.user.municipality_id), PAGE_SIZE).get_page(
            request.GET.get("pagina")
        )
        page.object_list = list(page.object_list)
        # Access to the log is itself logged (NEN 7513): one row per page, naming the searched person.
        log.record(
            request,
            log.Action.READ,
            purpose="Toegangslog ingezien",
            persons=[form.person] if form.person is not None else [],
            objects=[row.pk for row in page.object_list],
            object_type="accesslog",
        )
    query = request.GET.copy()
    query.pop("pagina", None)
    status = 400 if form.errors else 200
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "privacy/log.html", context, status=status)


def _queue(request, context=None, status=200):
    page = Paginator(emergency.pending_reviews(request.user), PAGE_SIZE).get_page(request.GET.get("pagina"))
    page.object_list = list(page.object_list)
    if page.object_list:
        # The queue names households and reasons: the members see in their own log that it was read.
        households = {access.household_id for access in page.object_list}
        log.record(
            request,
            log.Action.READ,
            purpose="Noodtoegang beoordelen",
            persons=Membership.objects.filter(
                Q(until__isnull=True) | Q(until__gte=timezone.localdate()), household_id__in=households
            ).values_list("person_id", flat=True),
            objects=[access.pk for access in page.object_list],
            object_type="emergencyaccess",
        )
    context = {"page": page, "form": VerdictForm(), "now": timezone.now(), **(context or {})}
    return render(request, "privacy/emergency_queue.html", context, status=status)


@requires_permission("privacy.review_emergency_access")
def emergency_queue(request):
    return _queue(request)


@require_POST
@requires_permission("privacy.review_emergency_access")
def review_emergency(request, access_id):
    access = get_object_or_404(
        EmergencyAccess.objects.select_related("user", "household"),
        pk=access_id,
        municipality_id=request.user.municipality_id,
    )
    form = VerdictForm(request.POST)
    if form.is_valid():
        try:
            emergency.review(request, access, form.cleaned_data["verdict"], form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Oordeel over de noodtoegang van {access.user} vastgelegd.")
            return redirect("privacy:emergency_queue")
    return _queue(request, {"failed": access.pk, "failed_form": form}, status=400)
