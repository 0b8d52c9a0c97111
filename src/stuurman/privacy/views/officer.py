"""The privacy officer's pages: searching the access log (itself logged) and judging emergency access."""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from .. import emergency, log
from ..declarations import requires_permission
from ..forms import LogSearchForm, VerdictForm
from ..models import AccessLog, EmergencyAccess

PAGE_SIZE = 50


def _filtered(form):
    rows = AccessLog.objects.order_by("-at", "-id")
    data = form.cleaned_data
    if data.get("bsn"):
        rows = rows.filter(log.mentioning(form.person.pk))
    if data.get("username"):
        rows = rows.filter(username__iexact=data["username"].strip())
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
    form = LogSearchForm(request.GET or {})
    page = None
    if form.is_valid():
        page = Paginator(_filtered(form), PAGE_SIZE).get_page(request.GET.get("pagina"))
        page.object_list = list(page.object_list)
        searched = [form.person] if form.cleaned_data.get("bsn") else []
        log.record(
            request,
            log.Action.READ,
            purpose="Toegangslog ingezien",
            persons=searched,
            object_type="accesslog",
        )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "privacy/log.html", {"form": form, "page": page, "query": query.urlencode()})


@requires_permission("privacy.review_emergency_access")
def emergency_queue(request):
    page = Paginator(emergency.pending_reviews(), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "privacy/emergency_queue.html", {"page": page, "form": VerdictForm()})


@require_POST
@requires_permission("privacy.review_emergency_access")
def review_emergency(request, access_id):
    access = get_object_or_404(EmergencyAccess.objects.select_related("user", "household"), pk=access_id)
    form = VerdictForm(request.POST)
    if form.is_valid():
        try:
            emergency.review(request, access, form.cleaned_data["verdict"], form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Oordeel over de noodtoegang van {access.user} vastgelegd.")
            return redirect("privacy:emergency_queue")
    page = Paginator(emergency.pending_reviews(), PAGE_SIZE).get_page(1)
    context = {"page": page, "form": VerdictForm(), "failed": access.pk, "failed_form": form}
    return render(request, "privacy/emergency_queue.html", context, status=400)
