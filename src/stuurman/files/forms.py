"""Forms for finding and editing household files. Ask only what the case needs: little is required."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from stuurman.people.models import Household, Membership, NetworkMember, Person
from stuurman.people.search import surname_starts_with
from stuurman.site.forms import BsnField, Form, ModelForm, PostcodeField
from stuurman.tenancy.models import Area

from .documents import check_upload
from .models import TimelineEntry

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SearchForm(Form):
    bsn = BsnField(required=False)
    name = forms.CharField(label="Achternaam (begin)", required=False, max_length=150)
    postcode = PostcodeField(required=False)
    house_number = forms.IntegerField(label="Huisnummer", required=False, min_value=1)
    birth_date = forms.DateField(label="Geboortedatum", required=False, widget=_DATE)

    def clean(self):
        data = super().clean()
        if data.get("house_number") and not data.get("postcode"):
            self.add_error("postcode", "Vul bij een huisnummer ook de postcode in.")
        if not self.errors and not any(data.get(field) for field in self.fields):
            raise ValidationError("Vul minstens één zoekveld in: BSN, achternaam, postcode of geboortedatum.")
        return data

    def filter(self, persons):
        data = self.cleaned_data
        if data["bsn"]:
            persons = persons.filter(bsn=data["bsn"])
        if data["postcode"]:
            persons = persons.filter(postcode=data["postcode"])
        if data["house_number"]:
            persons = persons.filter(house_number=data["house_number"])
        if data["birth_date"]:
            persons = persons.filter(birth_date=data["birth_date"])
        if data["name"]:
            return surname_starts_with(persons, data["name"])
        return persons.order_by("surname", "first_names", "pk")


class KnownPersonForm(Form):
    bsn = BsnField(required=False)
    surname = forms.CharField(label="Achternaam", required=False, max_length=150)
    birth_date = forms.DateField(label="Geboortedatum", required=False, widget=_DATE)

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("bsn") and not (data.get("surname") and data.get("birth_date")):
            raise ValidationError("Vul een BSN in, of een achternaam met geboortedatum.")
        return data


class PersonForm(ModelForm):
    bsn = BsnField(
        required=False,
        empty_value=None,
        error_messages={"unique": "Deze persoon is al bekend bij de gemeente (dit BSN bestaat al)."},
    )
    postcode = PostcodeField(required=False)

    class Meta:
        model = Person
        fields = [
            "first_names",
            "prefix",
            "surname",
            "bsn",
            "birth_date",
            "sex",
            "phone",
            "email",
            "street",
            "house_number",
            "house_letter",
            "house_number_suffix",
            "postcode",
            "city",
        ]
        widgets = {"birth_date": _DATE}
        error_messages = {
            "bsn": {"unique": "Deze persoon is al bekend bij de gemeente (dit BSN bestaat al)."}
        }

    def clean_birth_date(self):
        value = self.cleaned_data.get("birth_date")
        if value and value > timezone.localdate():
            raise ValidationError("Een geboortedatum ligt niet in de toekomst.")
        return value


class HouseholdForm(ModelForm):
    class Meta:
        model = Household
        fields = ["name", "area"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(municipality=municipality, kind="buurt").order_by(
            "name"
        )


class MembershipForm(Form):
    role = forms.ChoiceField(label="Rol in het huishouden", choices=Membership.Role.choices)
    since = forms.DateField(label="Sinds", widget=_DATE, initial=timezone.localdate)


class EndMembershipForm(Form):
    until = forms.DateField(label="Woont hier niet meer sinds", widget=_DATE, initial=timezone.localdate)

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until < self.membership.since:
            raise ValidationError(
                f"De einddatum ligt vóór het begin van het lidmaatschap ({self.membership.since:%d-%m-%Y})."
            )
        return until


class NetworkMemberForm(ModelForm):
    class Meta:
        model = NetworkMember
        fields = [
            "name",
            "relation",
            "circle",
            "for_person",
            "phone",
            "email",
            "does",
            "could_do",
            "availability",
        ]
        widgets = {"does": forms.Textarea(attrs={"rows": 2}), "could_do": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"circle": "Leeg laten: de gebruikelijke kring bij deze relatie."}

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.household = household
        self.fields["name"].required = True
        self.fields["circle"].required = False
        current = Membership.objects.filter(household=household, until__isnull=True).values("person_id")
        self.fields["for_person"].queryset = Person.objects.filter(pk__in=current).order_by("first_names")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (the pattern from Django's documentation)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class TimelineForm(ModelForm):
    attachments = MultipleFileField(
        label="Bijlagen", required=False, help_text="PDF, PNG, JPEG of Word (.docx), elk hoogstens 10 MB."
    )

    class Meta:
        model = TimelineEntry
        fields = ["kind", "happened_at", "text"]
        widgets = {
            "happened_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "text": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["happened_at"].initial = lambda: timezone.localtime().replace(second=0, microsecond=0)

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        self.content_types = [check_upload(upload) for upload in files]
        return files


class CorrectionForm(Form):
    text = forms.CharField(label="Correctie", widget=forms.Textarea(attrs={"rows": 2}))
