"""Finding persons: the search and its export (only what the policy lets the user see), and the
known-person check (whether someone exists at all, without showing anything of the file)."""

import csv

from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import StreamingHttpResponse
from django.shortcuts import render

from stuurman.people.models import Membership, Person
from stuurman.privacy import log
from stuurman.privacy.declarations import requires_permission
from stuurman.privacy.policy import visible_households, visible_persons

from ..forms import KnownPersonForm, SearchForm

PAGE_SIZE = 25
KNOWN_PURPOSE = "Nagaan of een persoon al bekend is (dubbele registratie voorkomen)"


def _results(request, form):
    user = request.user
    household = Membership.objects.filter(
        person=OuterRef("pk"), until__isnull=True, household__in=visible_households(user).values("pk")
    ).values("household_id")[:1]
    return form.filter(visible_persons(user)).annotate(household_id=Subquery(household))


@requires_permission("privacy.view_files")
def search(request):
    form = SearchForm(request.GET or None)
    page = None
    if form.is_bound and form.is_valid():
        page = Paginator(_results(request, form), PAGE_SIZE).get_page(request.GET.get("pagina"))
        page.object_list = list(page.object_list)
        log.record(request, log.Action.SEARCH, purpose="Persoon zoeken", persons=page.object_list)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "files/search.html", {"form": form, "page": page, "query": query.urlencode()})


class _Echo:
    def write(self, value):
        return value


EXPORT_COLUMNS = (
    ("BSN", "bsn"),
    ("Voornamen", "first_names"),
    ("Voorvoegsel", "prefix"),
    ("Achternaam", "surname"),
    ("Geboortedatum", "birth_date"),
    ("Straat", "street"),
    ("Huisnummer", "house_number"),
    ("Postcode", "postcode"),
    ("Woonplaats", "city"),
)


@requires_permission("privacy.view_files")
def search_export(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "files/search.html", {"form": form, "page": None, "query": ""}, status=400)
    persons = form.filter(visible_persons(request.user))
    ids = list(persons.values_list("pk", flat=True))
    log.record(request, log.Action.EXPORT, purpose="Zoekresultaat geëxporteerd (CSV)", persons=ids)
    writer = csv.writer(_Echo(), delimiter=";")
    fields = [field for _, field in EXPORT_COLUMNS]

    def rows():
        yield "\ufeff" + writer.writerow([label for label, _ in EXPORT_COLUMNS])
        for values in (
            Person.objects.filter(pk__in=ids).order_by("surname", "first_names").values_list(*fields)
        ):
            yield writer.writerow(["" if value is None else value for value in values])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="personen.csv"'
    return response


@requires_permission("privacy.check_known_person")
def known_check(request):
    form = KnownPersonForm(request.GET or None)
    known = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        people = Person.objects.filter(municipality=request.user.municipality)
        if data["bsn"]:
            people = people.filter(bsn=data["bsn"])
        else:
            people = people.filter(surname__iexact=data["surname"].strip(), birth_date=data["birth_date"])
        matched = list(people.values_list("pk", flat=True)[:10])
        known = bool(matched)
        log.record(request, log.Action.SEARCH, purpose=KNOWN_PURPOSE, persons=matched)
    return render(request, "files/known_check.html", {"form": form, "known": known})
