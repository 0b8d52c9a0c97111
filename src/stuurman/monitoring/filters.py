"""The monitor's filters: municipality, area (kern or wijk), period and law, from the query string.

A value that does not exist gets a Dutch message naming it, and the page answers 400 without figures.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms

from stuurman.site.forms import Form
from stuurman.tenancy.models import Area, Municipality, Region

from . import indicators as ind
from .periods import Period, PeriodError, parse


@dataclass(frozen=True)
class Filter:
    region_id: int
    region_name: str
    municipality: tuple[int, str] | None  # (id, name)
    area: tuple[int, str, str] | None  # (id, kind, name)
    period: Period
    law: str  # "" for all laws

    @property
    def scope(self) -> str:
        if self.area:
            return f"A{self.area[0]}"
        if self.municipality:
            return f"M{self.municipality[0]}"
        return f"R{self.region_id}"

    @property
    def cache_key(self) -> str:
        return f"{self.scope}:{self.period.key}:{self.law or '*'}"

    @property
    def place(self) -> str:
        if self.area:
            return f"{self.area[1]} {self.area[2]}"
        return self.municipality[1] if self.municipality else self.region_name

    @property
    def law_label(self) -> str:
        return ind.LAW_LABELS[self.law] if self.law else "alle wetten"

    def describe(self) -> str:
        parts = [self.region_name]
        if self.municipality:
            parts.append(f"gemeente {self.municipality[1]}")
        if self.area:
            parts.append(f"{self.area[1]} {self.area[2]}")
        return " · ".join([*parts, self.period.label, self.law_label])

    def query(self, **changes) -> str:
        values = {
            "gemeente": str(self.municipality[0]) if self.municipality else "",
            "gebied": str(self.area[0]) if self.area else "",
            "periode": self.period.key,
            "wet": self.law,
            **changes,
        }
        return urlencode({key: value for key, value in values.items() if value})


@dataclass(frozen=True)
class AreaInfo:
    pk: int
    kind: str
    name: str
    parent_id: int | None
    municipality_id: int


@dataclass(frozen=True)
class Places:
    """The region's municipalities, kernen and wijken as plain values: read once per refresh and
    cached with it (cache.places), so a cached page asks the database nothing about them."""

    region_id: int
    region_name: str
    municipalities: dict[int, str]
    areas: dict[int, AreaInfo]

    @classmethod
    def load(cls, region) -> "Places":
        region = Region.objects.get(pk=region.pk)
        municipalities = dict(
            Municipality.objects.filter(region=region).order_by("name").values_list("pk", "name")
        )
        areas = Area.objects.filter(municipality__region=region, kind__in=["kern", "wijk"]).order_by(
            "municipality__name", "kind", "name"
        )
        found = {
            a.pk: AreaInfo(a.pk, a.kind, a.name, a.parent_id, a.municipality_id)
            for a in areas.only("pk", "kind", "name", "parent_id", "municipality_id")
        }
        return cls(region.pk, region.name, municipalities, found)


def _area_label(area: AreaInfo, kern_names: dict[int, str]) -> str:
    if area.kind == "wijk" and area.parent_id in kern_names:
        return f"wijk {area.name} (kern {kern_names[area.parent_id]})"
    return f"{area.kind} {area.name}"


class FilterForm(Form):
    gemeente = forms.TypedChoiceField(label="Gemeente", coerce=int, required=False, empty_value=None)
    gebied = forms.TypedChoiceField(
        label="Gebied (kern of wijk)", coerce=int, required=False, empty_value=None
    )
    periode = forms.CharField(label="Periode", widget=forms.Select)
    wet = forms.ChoiceField(label="Wet", required=False)

    def __init__(self, data, *, places: Places, periods: list[Period], default: Period):
        super().__init__(data, initial={"periode": default.key})
        self.places = places
        self.municipalities = places.municipalities
        self.areas = places.areas
        areas = list(places.areas.values())
        kern_names = {a.pk: a.name for a in areas if a.kind == "kern"}
        grouped = []
        for pk, name in self.municipalities.items():
            mine = [a for a in areas if a.municipality_id == pk]
            grouped.append((name, [(a.pk, _area_label(a, kern_names)) for a in mine]))
        self.fields["gemeente"].choices = [("", "Hele regio"), *self.municipalities.items()]
        self.fields["gebied"].choices = [("", "Alle gebieden"), *grouped]
        newest_first = sorted(periods, key=Period.sort_key, reverse=True)
        self.fields["periode"].widget.choices = [(p.key, p.label) for p in newest_first]
        self.fields["wet"].choices = [("", "Alle wetten"), *ind.LAW_LABELS.items()]
        self.fields["gemeente"].error_messages["invalid_choice"] = (
            "Gemeente '%(value)s' hoort niet bij deze regio. Kies een gemeente uit de lijst."
        )
        self.fields["gebied"].error_messages["invalid_choice"] = (
            "Gebied '%(value)s' bestaat niet in deze regio (alleen kernen en wijken). "
            "Kies een gebied uit de lijst."
        )
        self.fields["wet"].error_messages["invalid_choice"] = (
            "'%(value)s' is geen wet in de monitor. Kies Wmo 2015, Jeugdwet, Participatiewet of schuldhulp."
        )
        self.known_periods = {p.key for p in periods}

    def clean_periode(self):
        try:
            period = parse(self.cleaned_data["periode"])
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from None
        if period.key not in self.known_periods:
            raise forms.ValidationError(
                f"Voor {period.label} zijn er geen cijfers. Kies een periode uit de lijst."
            )
        return period

    def clean(self):
        data = super().clean()
        municipality, area = data.get("gemeente"), data.get("gebied")
        if area is not None and municipality is not None and self.areas[area].municipality_id != municipality:
            area_obj = self.areas[area]
            raise forms.ValidationError(
                f"{area_obj.kind.capitalize()} {area_obj.name} ligt niet in gemeente "
                f"{self.municipalities[municipality]}. "
                "Kies een gebied in die gemeente, of 'Alle gebieden'."
            )
        return data

    def fields_for_page(self) -> list[dict]:
        """The fields as plain options: a loop in the template renders them many times faster than
        Django's select widgets, which matters on a page meant to answer in 50 ms when cached."""
        found = []
        for name in ("gemeente", "gebied", "periode", "wet"):
            bound = self[name]
            chosen = str(bound.value() or "")
            field = self.fields[name]
            choices = field.widget.choices if name == "periode" else field.choices
            groups, loose = [], []
            for value, label in choices:
                if isinstance(label, (list, tuple)):
                    options = [{"value": v, "label": text, "selected": str(v) == chosen} for v, text in label]
                    groups.append({"label": value, "options": options})
                else:
                    loose.append({"value": value, "label": label, "selected": str(value) == chosen})
            found.append(
                {
                    "name": name,
                    "id": bound.auto_id,
                    "label": field.label,
                    "errors": bound.errors,
                    "options": loose,
                    "groups": groups,
                }
            )
        return found

    def result(self) -> Filter:
        data = self.cleaned_data
        area = self.areas.get(data.get("gebied")) if data.get("gebied") else None
        municipality_id = area.municipality_id if area else data.get("gemeente")
        return Filter(
            region_id=self.places.region_id,
            region_name=self.places.region_name,
            municipality=(municipality_id, self.municipalities[municipality_id]) if municipality_id else None,
            area=(area.pk, area.kind, area.name) if area else None,
            period=data["periode"],
            law=data.get("wet") or "",
        )


def from_request(
    params, *, places: Places, periods: list[Period], default: Period
) -> tuple[FilterForm, Filter | None]:
    """The bound form and the filter, or None with the form's Dutch errors when a value is wrong."""
    data = params.copy()
    if not data.get("periode"):
        data["periode"] = default.key
    form = FilterForm(data, places=places, periods=periods, default=default)
    return form, (form.result() if form.is_valid() else None)
