"""The registration form (a phone melding: four required answers and a way to find or reach the
person) and the small forms of the request page."""

from django import forms
from django.core.exceptions import ValidationError

from stuurman.accounts.models import Team
from stuurman.people.models import Person
from stuurman.site.forms import BsnField, Form, ModelForm
from stuurman.tenancy.models import Area

from .models import LIFE_DOMAINS, OutreachDecision, Request, SafetyStep

_YES_NO = [(True, "ja"), (False, "nee")]


class RegisterForm(ModelForm):
    bsn = BsnField(label="BSN (als bekend)", required=False)
    safety_concern = forms.TypedChoiceField(
        label="Is iemand nu in acuut gevaar, of krijgen kinderen geen basiszorg?",
        choices=_YES_NO,
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
    )
    life_domains = forms.MultipleChoiceField(
        label="Leefgebieden", choices=LIFE_DOMAINS, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Request
        fields = [
            "channel",
            "reporter",
            "question",
            "safety_concern",
            "bsn",
            "unknown_name",
            "unknown_contact",
            "reporter_name",
            "reporter_organisation",
            "reporter_contact",
            "person_knows",
            "person_agrees",
            "life_domains",
            "law",
            "urgency",
        ]
        widgets = {"question": forms.Textarea(attrs={"rows": 4})}
        labels = {"unknown_name": "Naam van de persoon", "unknown_contact": "Telefoon, e-mail of adres"}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["urgency"].required = False

    def clean_urgency(self):
        return self.cleaned_data["urgency"] or Request.Urgency.NORMAL

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"]
        if bsn:
            self.instance.person = Person.objects.filter(municipality=self.municipality, bsn=bsn).first()
            if self.instance.person is None:
                raise ValidationError(
                    "Geen persoon met dit BSN bekend in uw gemeente; vul naam en contact in."
                )
        return bsn

    def clean(self):
        data = super().clean()
        if not data.get("bsn") and not (
            data.get("unknown_name", "").strip() or data.get("unknown_contact", "").strip()
        ):
            raise ValidationError(
                "Vul iets in waarmee we de persoon kunnen vinden of bereiken: "
                "BSN, naam of telefoon/e-mail/adres."
            )
        return data


class HandOverForm(Form):
    to_team = forms.ModelChoiceField(label="Naar team", queryset=Team.objects.none())
    reason = forms.CharField(label="Waarom", max_length=300)

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_team"].queryset = Team.objects.filter(municipality=request.municipality).exclude(
            pk=request.responsible_team_id
        )


class RefuseForm(Form):
    reason = forms.CharField(label="Reden van weigering", max_length=300)


class SafetyStepForm(ModelForm):
    class Meta:
        model = SafetyStep
        fields = ["step", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class AnalysisForm(Form):
    outcome = forms.ChoiceField(label="Uitkomst", choices=Request.Outcome.choices, widget=forms.RadioSelect)
    law = forms.ChoiceField(
        label="Wet", choices=[("", "nog niet bepaald"), *Request.Law.choices], required=False
    )
    motivation = forms.CharField(label="Motivering", widget=forms.Textarea(attrs={"rows": 3}))


class LinkPersonForm(Form):
    bsn = BsnField(label="BSN van de persoon")

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"]
        self.person = Person.objects.filter(municipality=self.municipality, bsn=bsn).first()
        if self.person is None:
            raise ValidationError(
                "Geen persoon met dit BSN bekend in deze gemeente. Registreer het huishouden eerst."
            )
        return bsn


_UNKNOWN_YES_NO = [("", "onbekend"), ("yes", "ja"), ("no", "nee")]


def _tri(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class OutreachForm(Form):
    choice = forms.ChoiceField(
        label="Besluit", choices=OutreachDecision.Choice.choices, widget=forms.RadioSelect
    )
    grounds = forms.CharField(label="Gronden", widget=forms.Textarea(attrs={"rows": 3}))
    competent = forms.TypedChoiceField(
        label="Is de persoon wilsbekwaam voor deze beslissing?",
        choices=_UNKNOWN_YES_NO,
        coerce=_tri,
        required=False,
    )
    risk = forms.TypedChoiceField(
        label="Is er gevaar voor de persoon of anderen?", choices=_UNKNOWN_YES_NO, coerce=_tri, required=False
    )
    review_on = forms.DateField(
        label="Opnieuw bekijken op",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Verplicht bij handelen zonder hulpvraag.",
    )


class ExtensionForm(Form):
    new_due = forms.DateField(
        label="Nieuwe datum", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    reason = forms.CharField(label="Reden van de verlenging", max_length=300)


OUTSIDE_REGION = "buiten"


class MoveForm(Form):
    destination = forms.ChoiceField(label="Verhuist naar")
    note = forms.CharField(
        label="Overdrachtsnotitie",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wat moet het nieuwe team weten? Gaat mee met elke open melding.",
    )

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        buurten = (
            Area.objects.filter(kind="buurt", municipality__region_id=household.municipality.region_id)
            .select_related("municipality")
            .order_by("municipality__name", "name")
        )
        self.areas = {str(area.pk): area for area in buurten}
        self.fields["destination"].choices = [
            ("", "kies…"),
            *((pk, f"{area.municipality.name} — {area.name}") for pk, area in self.areas.items()),
            (OUTSIDE_REGION, "buiten de regio"),
        ]

    def clean_destination(self):
        value = self.cleaned_data["destination"]
        self.to_area = self.areas.get(value)
        return value
