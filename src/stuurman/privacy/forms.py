"""Forms of the privacy pages. Dutch messages; household lookup by BSN within the user's municipality."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from stuurman.people.models import Membership, Person
from stuurman.site.forms import BsnField, Form, ModelForm

from .consent import check_sharing
from .emergency import DEFAULT_HOURS, HOURS, MINIMUM_REASON
from .models import AccessLog, Consent, EmergencyAccess, SharingDecision

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HouseholdByBsnForm(Form):
    """Finds the current household of the person with this BSN, in the user's own municipality."""

    bsn = BsnField(label="BSN van een gezinslid")

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"]
        membership = (
            Membership.objects.filter(
                person__bsn=bsn, person__municipality=self.municipality, until__isnull=True
            )
            .select_related("household")
            .order_by("-since")
            .first()
        )
        if membership is None:
            raise ValidationError(
                "Er woont in uw gemeente geen persoon met dit BSN in een bekend huishouden."
            )
        self.household = membership.household
        return bsn


class TeamAssignForm(HouseholdByBsnForm):
    team = forms.ModelChoiceField(label="Team", queryset=None, empty_label=None)
    reason = forms.CharField(
        label="Reden", max_length=300, help_text="Bijvoorbeeld de melding of het signaal."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, municipality=user.municipality, **kwargs)
        self.fields["team"].queryset = user.teams.order_by("name")
        self.order_fields(["team", "bsn", "reason"])


class BreakGlassForm(HouseholdByBsnForm):
    reason = forms.CharField(
        label="Reden",
        min_length=MINIMUM_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "Waarom kan dit niet wachten op betrokkenheid via uw team? De privacyfunctionaris beoordeelt dit."
        ),
        error_messages={"min_length": f"Beschrijf de reden in minstens {MINIMUM_REASON} tekens."},
    )
    hours = forms.TypedChoiceField(
        label="Duur", coerce=int, choices=[(h, f"{h} uur") for h in HOURS], initial=DEFAULT_HOURS
    )


class LogSearchForm(Form):
    bsn = BsnField(label="BSN van de persoon", required=False)
    username = forms.CharField(label="Gebruikersnaam medewerker", required=False, max_length=150)
    start = forms.DateField(label="Vanaf", required=False, widget=_DATE)
    end = forms.DateField(label="Tot en met", required=False, widget=_DATE)
    action = forms.ChoiceField(
        label="Handeling", required=False, choices=[("", "alle"), *AccessLog.Action.choices]
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        # The officer watches their own municipality's log; a region shares one installation.
        self.municipality = municipality
        self.person = None

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"]
        if not bsn:
            return bsn
        self.person = Person.objects.filter(bsn=bsn, municipality=self.municipality).first()
        if self.person is None:
            raise ValidationError("Er is in uw gemeente geen persoon met dit BSN bekend.")
        return bsn

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "De einddatum ligt vóór de begindatum.")
        return data


class VerdictForm(Form):
    verdict = forms.ChoiceField(
        label="Oordeel",
        widget=forms.RadioSelect,
        choices=[
            (EmergencyAccess.Verdict.JUSTIFIED, "terecht"),
            (EmergencyAccess.Verdict.UNJUSTIFIED, "onterecht"),
        ],
    )
    note = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht bij onterecht.",
    )


def _current_members(household):
    ids = household.memberships.filter(until__isnull=True).values("person_id")
    return Person.objects.filter(pk__in=ids).order_by("first_names")


class ConsentForm(ModelForm):
    class Meta:
        model = Consent
        fields = ["person", "organisation", "purpose", "given_on"]
        widgets = {"given_on": _DATE}

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _current_members(household)
        self.fields["given_on"].initial = timezone.localdate


class WithdrawForm(Form):
    withdrawn_on = forms.DateField(label="Ingetrokken op", widget=_DATE, initial=timezone.localdate)


class SharingForm(ModelForm):
    class Meta:
        model = SharingDecision
        fields = [
            "person",
            "organisation",
            "data",
            "purpose",
            "necessity",
            "proportionality",
            "subsidiarity",
            "ground",
            "consent",
            "decided_on",
        ]
        widgets = {
            "decided_on": _DATE,
            "necessity": forms.Textarea(attrs={"rows": 2}),
            "proportionality": forms.Textarea(attrs={"rows": 2}),
            "subsidiarity": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"consent": "Alleen nodig bij de grondslag toestemming."}

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        members = _current_members(household)
        self.fields["person"].queryset = members
        self.fields["consent"].queryset = Consent.objects.filter(
            person__in=members, withdrawn_on__isnull=True
        ).select_related("person")
        self.fields["decided_on"].initial = timezone.localdate

    def clean(self):
        data = super().clean()
        # The same rule the service enforces, here first so the message sits at the consent field
        # (and Django's generic "constraint violated" text never reaches the user).
        if self.errors or not data.get("ground"):
            return data
        decision = SharingDecision(
            person=data.get("person"),
            organisation=data.get("organisation", ""),
            ground=data["ground"],
            consent=data.get("consent"),
            decided_on=data.get("decided_on"),
        )
        try:
            check_sharing(decision)
        except ValidationError as error:
            self.add_error(None, error)
        return data
