"""The monitor for policy advisors and the council: indicators per municipality, area, period and law,
with a chart and a table per indicator, CSV and XLSX exports and the half-year report as PDF. Nothing
here shows a person: the pages read only the suppressed aggregates (report.py)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from stuurman.privacy import log
from stuurman.privacy.declarations import requires_permission
from stuurman.tenancy.models import Region

from . import cache, exports, filters, periods
from .refresh import TRIGGER_PAGE, RefreshBusy, refresh, start_in_background, state
from .report import period_choices

VIEW = "monitoring.view_indicators"


def _region(request):
    municipality = request.user.municipality
    if municipality is None:
        raise PermissionDenied("De monitor hoort bij de regio van uw gemeente; u werkt voor geen gemeente.")
    return Region(pk=municipality.region_id)  # its name comes with the cached places


def _resolve(request):
    """(refresh, form, filter): the filter is None when the query string holds a value that does not
    exist, and refresh is None before the first computation."""
    run, busy = state()
    request.monitor_running = busy
    if run is None:
        return None, None, None
    choices = period_choices(run)
    default = periods.default(timezone.localdate())
    if default.key not in run.periods:
        halves = [p for p in choices if not p.is_year]
        default = max(halves or choices, key=periods.Period.sort_key)
    places = cache.places(run, _region(request))
    form, flt = filters.from_request(request.GET, places=places, periods=choices, default=default)
    return run, form, flt


def _page(request, run, form, flt):
    context = {
        "refresh": run,
        "form": form,
        "fields": form.fields_for_page() if form and flt is None else [],
        "filter": flt,
        "may_refresh": request.user.has_perm("monitoring.refresh_indicators"),
        "running": getattr(request, "monitor_running", None),
    }
    if run is None:
        return render(request, "monitoring/indicators.html", context)
    if flt is None:
        return render(request, "monitoring/indicators.html", context, status=400)
    context["query"] = flt.query()

    def figures():
        report = cache.report(run, flt)
        charts = flt.query(v=run.token[:12])
        sections = [
            {
                "section": s,
                "chart_url": f"{reverse('monitoring:chart', args=[s.id])}?{charts}" if s.chart else "",
            }
            for s in report.sections
        ]
        context = {"report": report, "filter": flt, "query": flt.query(), "sections": sections}
        selection = render_to_string(
            "monitoring/_filters.html", {"form": form, "fields": form.fields_for_page()}
        )
        return selection + render_to_string("monitoring/_report.html", context)

    # Our own templates' output, cached per refresh and filter: no user and no token in it.
    context["report_html"] = mark_safe(cache.fragment(run, flt, figures))
    return render(request, "monitoring/indicators.html", context)


@requires_permission(VIEW)
def indicators(request):
    run, form, flt = _resolve(request)
    response = _page(request, run, form, flt)
    response["Cache-Control"] = "private, no-cache"
    return response


@requires_permission(VIEW)
def chart(request, section):
    run, _form, flt = _resolve(request)
    if run is None or flt is None:
        raise Http404("Er is geen grafiek voor deze selectie.")
    svg = cache.chart_svg(run, flt, section)
    if svg is None:
        raise Http404("Dit onderdeel heeft geen grafiek.")
    response = HttpResponse(svg, content_type="image/svg+xml")
    # The URL names the refresh: the same URL is the same picture until the next refresh.
    response["Cache-Control"] = "private, max-age=86400"
    return response


def _download(request, kind: str):
    run, form, flt = _resolve(request)
    if run is None or flt is None:
        return _page(request, run, form, flt) if run else redirect("monitoring:indicators")
    report = cache.report(run, flt)
    name = f"monitor-{flt.period.key}-{flt.scope.lower()}{'-' + flt.law if flt.law else ''}"
    if kind == "pdf":
        svgs = {s.id: cache.chart_svg(run, flt, s.id) for s in report.sections if s.chart}
        body, content_type, action = exports.pdf_bytes(report, svgs), "application/pdf", log.Action.PRINT
    elif kind == "xlsx":
        body = exports.xlsx_bytes(report)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        action = log.Action.EXPORT
    else:
        body, content_type, action = exports.csv_bytes(report), "text/csv; charset=utf-8", log.Action.EXPORT
    # Aggregates only, but an export leaves the system: it is logged like every other export.
    log.record(
        request,
        action,
        purpose=f"Monitor ({kind.upper()}): {flt.describe()}",
        objects=[run.pk],
        object_type="monitoring.refresh",
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    response["Cache-Control"] = "private, no-store"
    return response


@requires_permission(VIEW)
def export_csv(request):
    return _download(request, "csv")


@requires_permission(VIEW)
def export_xlsx(request):
    return _download(request, "xlsx")


@requires_permission(VIEW)
def report_pdf(request):
    return _download(request, "pdf")


@requires_permission("monitoring.refresh_indicators")
@require_POST
def refresh_now(request):
    if state()[1] is not None:
        messages.info(
            request, "De monitor wordt al opnieuw berekend. De nieuwe cijfers staan er zodra dat klaar is."
        )
    elif settings.MONITORING_REFRESH_IN_BACKGROUND:
        start_in_background(request.user.get_username())
        messages.info(
            request,
            "De monitor wordt opnieuw berekend; voor een hele regio duurt dat enkele minuten. "
            "Tot dan blijven de huidige cijfers staan. Laad de pagina daarna opnieuw.",
        )
    else:
        try:
            run = refresh(trigger=TRIGGER_PAGE, by=request.user.get_username())
        except RefreshBusy as busy:
            messages.error(request, str(busy))
        else:
            messages.success(request, f"De monitor is opnieuw berekend in {run.seconds:.0f} seconden.")
    query = request.POST.get("query", "")
    target = reverse("monitoring:indicators")
    return redirect(f"{target}?{query}" if query and "\n" not in query else target)
