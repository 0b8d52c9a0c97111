"""Import and export of the catalogue as CSV or XLSX, and the learning assortment's proposals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from stuurman.privacy.declarations import requires_permission

from .. import imports, proposals, tabular
from ..forms import DecisionForm, ImportForm
from ..models import AssortmentProposal
from .manage import MANAGE

_NAMES = {"services": "voorzieningen", "providers": "aanbieders", "contracts": "contracten"}
_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@requires_permission(MANAGE)
def import_page(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > tabular.MAX_BYTES:
            form.add_error("file", f"Het bestand is groter dan {tabular.MAX_BYTES // (1024 * 1024)} MB.")
        else:
            what = form.cleaned_data["what"]
            report = imports.import_file(request.user, what, upload.name, upload.read())
            if report.ok:
                messages.success(
                    request,
                    f"{_NAMES[what].capitalize()} geïmporteerd: "
                    f"{report.created} nieuw, {report.updated} gewijzigd.",
                )
                return redirect("catalog:import")
    status = 400 if form.errors or (report and not report.ok) else 200
    context = {"form": form, "report": report, "exports": _NAMES}
    return render(request, "catalog/import.html", context, status=status)


@requires_permission(MANAGE)
def export(request, what, extension):
    if what not in _NAMES or extension not in _TYPES:
        raise Http404("Deze export bestaat niet.")
    header, rows = imports.export_rows(what, request.user.municipality)
    if extension == "csv":
        content = tabular.write_csv(header, rows)
    else:
        content = tabular.write_xlsx(_NAMES[what], header, rows)
    response = HttpResponse(content, content_type=_TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="{_NAMES[what]}.{extension}"'
    return response


@requires_permission(MANAGE)
def proposal_list(request):
    rows = AssortmentProposal.objects.filter(municipality=request.user.municipality).select_related(
        "decided_by", "service"
    )
    context = {
        "open": rows.filter(state=AssortmentProposal.State.PROPOSED),
        "decided": rows.exclude(state=AssortmentProposal.State.PROPOSED).order_by("-decided_at")[:50],
        "form": DecisionForm(auto_id="besluit-%s"),
    }
    return render(request, "catalog/proposals.html", context)


@require_POST
@requires_permission(MANAGE)
def proposal_decide(request, proposal_id, accept):
    proposal = get_object_or_404(AssortmentProposal, pk=proposal_id, municipality=request.user.municipality)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Schrijf kort op waarom u het voorstel aanneemt of afwijst.")
        return redirect("catalog:proposals")
    try:
        if accept:
            decided = proposals.accept(request.user, proposal, form.cleaned_data["note"])
            messages.success(request, f"Aangenomen: '{decided.service}' staat als concept in het aanbod.")
            return redirect("catalog:service_edit", service_id=decided.service_id)
        proposals.reject(request.user, proposal, form.cleaned_data["note"])
        messages.success(request, f"Het voorstel '{proposal}' is afgewezen.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("catalog:proposals")
