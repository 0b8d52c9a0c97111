"""The social map: public, without a login, and the same pages for staff. No personal data here."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from stuurman.privacy.declarations import no_personal_data

from ..forms import MapSearchForm
from ..search import current, page_of, providers_to_choose, social_map

PAGE_SIZE = 20


def _is_staff(user) -> bool:
    return user.is_authenticated and not user.is_inhabitant


@no_personal_data
def search(request):
    form = MapSearchForm(request.GET or None)
    query = form.query()
    page = page_of(social_map(query, timezone.localdate()), request.GET.get("pagina"), PAGE_SIZE)
    kept = request.GET.copy()
    kept.pop("pagina", None)
    context = {
        "form": form,
        "page": page,
        "query": kept.urlencode(),
        "searched": bool(request.GET),
        "place": query.area or query.municipality,
    }
    return render(request, "catalog/social_map.html", context)


@no_personal_data
def detail(request, service_id):
    today = timezone.localdate()
    service = current(today).select_related("municipality").filter(pk=service_id).first()
    if service is None:
        raise Http404("Deze voorziening staat niet (meer) op de sociale kaart.")
    context = {
        "service": service,
        "areas": service.areas.order_by("kind", "name"),
        "contracts": providers_to_choose(service, today),
        "staff": _is_staff(request.user),
        "back": request.GET.get("terug", ""),
    }
    return render(request, "catalog/service.html", context)
