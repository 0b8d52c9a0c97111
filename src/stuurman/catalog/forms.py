"""Forms of the social map and of catalogue management (NL Design System rendering via site.forms)."""

from django import forms
from django.db.models import Q

from stuurman.intake.models import LIFE_DOMAINS
from stuurman.istandaarden import Standard, choices, product_categories
from stuurman.site.forms import Form, ModelForm
from stuurman.tenancy.models import Area, Municipality

from .models import Contract, Provider, Service
from .search import MapQuery

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_ANY = [("", "alles")]


def _website():
    return forms.URLField(label="Website", required=False, assume_scheme="https", max_length=200)


def place_choices() -> list:
    """Per municipality: the whole municipality, then each kern with its wijken (grouped for a select)."""
    groups = []
    areas = Area.objects.filter(kind__in=["kern", "wijk"]).select_related("parent").order_by("name")
    by_municipality: dict[int, list[Area]] = {}
    for area in areas:
        by_municipality.setdefault(area.municipality_id, []).append(area)
    for municipality in Municipality.objects.order_by("name"):
        options = [(f"gemeente-{municipality.pk}", f"Heel {municipality.name}")]
        kernen = [area for area in by_municipality.get(municipality.pk, []) if area.kind == "kern"]
        for kern in kernen:
            options.append((str(kern.pk), f"{kern.name} (kern)"))
            wijken = [
                a for a in by_municipality[municipality.pk] if a.kind == "wijk" and a.parent_id == kern.pk
            ]
            options += [(str(wijk.pk), f"{kern.name}, wijk {wijk.name}") for wijk in wijken]
        groups.append((municipality.name, options))
    return groups


class MapSearchForm(Form):
    """What an inhabitant looks for, and where they live. Every field may stay empty."""

    q = forms.CharField(label="Waar zoekt u hulp bij?", required=False, max_length=200)
    waar = forms.ChoiceField(label="Waar woont u?", required=False)
    leefgebied = forms.ChoiceField(label="Onderwerp", required=False, choices=_ANY + list(LIFE_DOMAINS))
    soort = forms.ChoiceField(label="Soort hulp", required=False, choices=_ANY + list(Service.Kind.choices))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["waar"].choices = [("", "maakt niet uit"), *place_choices()]
        self.fields["q"].widget.attrs["type"] = "search"

    def query(self) -> MapQuery:
        if not self.is_valid():
            return MapQuery()
        data, municipality, area = self.cleaned_data, None, None
        place = data["waar"]
        if place.startswith("gemeente-"):
            municipality = Municipality.objects.filter(pk=place.removeprefix("gemeente-")).first()
        elif place:
            area = Area.objects.select_related("municipality", "parent__parent").filter(pk=place).first()
        return MapQuery(data["q"], municipality, area, data["leefgebied"], data["soort"])


def _grouped_categories() -> list:
    return [
        ("", "geen"),
        ("iWmo 3.2 (Wmo)", choices(product_categories(Standard.IWMO))),
        ("iJw 3.2 (Jeugdwet)", choices(product_categories(Standard.IJW))),
    ]


class ServiceForm(ModelForm):
    life_domains = forms.MultipleChoiceField(
        label="Leefgebieden", choices=LIFE_DOMAINS, required=False, widget=forms.CheckboxSelectMultiple
    )
    areas = forms.ModelMultipleChoiceField(
        label="Gebieden",
        queryset=Area.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Niets aangevinkt: de hele gemeente (of de hele regio als u de voorziening deelt).",
    )
    product_category = forms.ChoiceField(
        label="Productcategorie (iWmo/iJw)", required=False, choices=_grouped_categories
    )
    website = _website()

    class Meta:
        model = Service
        fields = [
            "code",
            "name",
            "kind",
            "law",
            "summary",
            "description",
            "for_whom",
            "conditions",
            "life_domains",
            "areas",
            "organisation",
            "phone",
            "email",
            "website",
            "address",
            "opening_hours",
            "inhabitant_cost",
            "municipality_unit",
            "municipality_tariff",
            "product_category",
            "product_code",
            "shared_with_region",
            "status",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "for_whom": forms.Textarea(attrs={"rows": 2}),
            "conditions": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = Area.objects.filter(
            Q(municipality=municipality), kind__in=["kern", "wijk", "buurt"]
        ).order_by("kind", "name")
        if self.instance.pk:
            self.fields["areas"].initial = list(self.instance.areas.all())


class RetireForm(Form):
    end_date = forms.DateField(label="Laatste dag", widget=_DATE)


class ProviderForm(ModelForm):
    website = _website()

    class Meta:
        model = Provider
        fields = [
            "name",
            "agb_code",
            "kvk_number",
            "phone",
            "email",
            "website",
            "address",
            "shared_with_region",
        ]


class ContractForm(ModelForm):
    class Meta:
        model = Contract
        fields = [
            "provider",
            "service",
            "reference",
            "financing_form",
            "unit",
            "tariff",
            "starts_on",
            "ends_on",
            "shared_with_region",
        ]
        widgets = {"starts_on": _DATE, "ends_on": _DATE}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Provider.objects.visible_in(municipality)
        self.fields["service"].queryset = Service.objects.visible_in(municipality)


class ImportForm(Form):
    what = forms.ChoiceField(
        label="Wat importeert u?",
        choices=[("services", "voorzieningen"), ("providers", "aanbieders"), ("contracts", "contracten")],
        widget=forms.RadioSelect,
    )
    file = forms.FileField(label="Bestand (CSV of XLSX)")


class DecisionForm(Form):
    note = forms.CharField(label="Toelichting", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
