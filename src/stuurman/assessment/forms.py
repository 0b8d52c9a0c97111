"""The conversation and scoring forms: ask what the question needs; nothing but the date is required."""

from django import forms
from django.utils import timezone

from stuurman.people.models import Person
from stuurman.site.forms import Form, ModelForm

from . import scoring
from .conversations import open_requests
from .defaults import PROCESSES, defaults_for
from .models import Conversation

_TEXT = {"rows": 3}
_TEXTS = (
    "question_behind",
    "own_strength",
    "network_contribution",
    "reciprocity",
    "wishes",
    "agreements",
    "proposal",
    "inhabitant_remarks",
)


class RequestChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, request):
        law = f"{request.get_law_display()}, " if request.law else ""
        return f"Melding {request.pk} ({law}{request.received_on:%d-%m-%Y}): {request.question[:80]}"


def _current_members(household):
    current = household.memberships.filter(until__isnull=True).values("person_id")
    return Person.objects.filter(pk__in=current).order_by("first_names")


class ConversationForm(ModelForm):
    requests = RequestChoices(
        label="Beantwoordt de melding(en)",
        queryset=Conversation.requests.rel.model.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Conversation
        fields = [
            "held_on",
            "place",
            "requests",
            "members_present",
            "network_present",
            "professionals",
            *_TEXTS,
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "members_present": forms.CheckboxSelectMultiple,
            "network_present": forms.CheckboxSelectMultiple,
            **{name: forms.Textarea(attrs=_TEXT) for name in _TEXTS},
        }

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members_present"].queryset = _current_members(household)
        self.fields["network_present"].queryset = household.network.order_by("circle", "name")
        answerable = open_requests(household)
        if self.instance.pk:
            answerable = answerable | self.instance.requests.all()
        self.fields["requests"].queryset = answerable.distinct().order_by("-received_on", "-pk")
        if not self.instance.pk and answerable.count() == 1:
            self.initial["requests"] = list(answerable.values_list("pk", flat=True))
        if not self.instance.held_on:
            self.initial["held_on"] = timezone.localdate()
        # Only the date is needed to record that a conversation took place.
        for name, field in self.fields.items():
            field.required = name == "held_on"


class SignForm(Form):
    signed_on = forms.DateField(
        label="Ondertekend op", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    as_application = forms.BooleanField(
        label="Het ondertekende verslag geldt als aanvraag (Wmo)", required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signed_on"].initial = timezone.localdate


class ScoringForm(Form):
    """One row per domain: chosen or not, a reason (required when chosen), a score, a short note; and
    the optional participation ladder and work capacity."""

    person = forms.ModelChoiceField(label="Voor wie", queryset=Person.objects.none())
    law = forms.ChoiceField(label="Voor welk proces", choices=[("", "—"), *PROCESSES.items()], required=False)
    rung_now = forms.TypedChoiceField(
        label="Participatieladder: trede nu", coerce=int, empty_value=None, required=False
    )
    rung_attainable = forms.TypedChoiceField(
        label="Haalbare trede", coerce=int, empty_value=None, required=False
    )
    work_capacity_percent = forms.IntegerField(
        label="Arbeidsvermogen in procenten",
        help_text="Alleen voor de Participatiewet: hoeveel van een volledige werkweek iemand aankan.",
        min_value=0,
        max_value=100,
        required=False,
    )

    def __init__(self, *args, household, version, law="", show_sensitive=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _current_members(household)
        self.fields["law"].initial = law
        rungs = scoring.ladder()
        rung_choices = [("", "niet vastgelegd")]
        if rungs is not None:
            labels = dict(rungs.levels.filter(domain=None).values_list("score", "label"))
            rung_choices += [(str(n), f"{n} — {labels[n]}") for n in sorted(labels)]
        self.fields["rung_now"].choices = self.fields["rung_attainable"].choices = rung_choices
        self.domains = [d for d in version.domains.order_by("order") if show_sensitive or not d.sensitive]
        self.levels = list(version.levels.filter(domain=None).order_by("score"))
        scores = [
            ("", "niet beoordeeld"),
            *((str(lv.score), f"{lv.score} — {lv.label}") for lv in self.levels),
        ]
        chosen = set(defaults_for(law))
        for domain in self.domains:
            code, name = domain.code, domain.name
            self.fields[f"choose_{code}"] = forms.BooleanField(
                label=f"{name} scoren", required=False, initial=code in chosen
            )
            self.fields[f"reason_{code}"] = forms.CharField(
                label=f"Waarom {name}", required=False, max_length=300
            )
            self.fields[f"score_{code}"] = forms.ChoiceField(
                label=f"Score {name}", choices=scores, required=False
            )
            self.fields[f"evidence_{code}"] = forms.CharField(
                label=f"Onderbouwing {name}", required=False, max_length=500
            )

    def rows(self):
        return [
            (domain, *(self[f"{part}_{domain.code}"] for part in ("choose", "reason", "score", "evidence")))
            for domain in self.domains
        ]

    def clean(self):
        data = super().clean()
        for domain in self.domains:
            if data.get(f"choose_{domain.code}") and not data.get(f"reason_{domain.code}", "").strip():
                self.add_error(
                    f"reason_{domain.code}", f"Geef aan waarom {domain.name} voor deze vraag nodig is."
                )
        return data

    def choices(self) -> list[scoring.Choice]:
        data = self.cleaned_data
        return [
            scoring.Choice(
                domain.code,
                int(data[f"score_{domain.code}"]) if data[f"score_{domain.code}"] else None,
                data[f"reason_{domain.code}"],
                data[f"evidence_{domain.code}"],
            )
            for domain in self.domains
            if data.get(f"choose_{domain.code}")
        ]

    def facts(self) -> scoring.Facts:
        data = self.cleaned_data
        return scoring.Facts(
            law=data["law"],
            rung_now=data["rung_now"],
            rung_attainable=data["rung_attainable"],
            work_capacity_percent=data["work_capacity_percent"],
        )


class ChoiceForm(Form):
    """Choose a classification other than the suggestion, with the reason."""

    chosen = forms.ChoiceField(label="Uw keuze")
    reason = forms.CharField(label="Reden van afwijken", required=False, max_length=300)

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].choices = options
