"""The conversation form: ask what the question needs; nothing but the date is required."""

from django import forms
from django.utils import timezone

from stuurman.people.models import Person
from stuurman.site.forms import ModelForm

from .defaults import defaults_for
from .models import Conversation
from .scoring import Choice

_TEXT = {"rows": 3}


class ConversationForm(ModelForm):
    class Meta:
        model = Conversation
        fields = [
            "held_on",
            "place",
            "members_present",
            "network_present",
            "professionals",
            "question_behind",
            "own_strength",
            "network_contribution",
            "reciprocity",
            "wishes",
            "agreements",
            "inhabitant_remarks",
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "members_present": forms.CheckboxSelectMultiple,
            "network_present": forms.CheckboxSelectMultiple,
            **{
                name: forms.Textarea(attrs=_TEXT)
                for name in (
                    "question_behind",
                    "own_strength",
                    "network_contribution",
                    "reciprocity",
                    "wishes",
                    "agreements",
                    "inhabitant_remarks",
                )
            },
        }

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        current = household.memberships.filter(until__isnull=True).values("person_id")
        self.fields["members_present"].queryset = Person.objects.filter(pk__in=current).order_by(
            "first_names"
        )
        self.fields["network_present"].queryset = household.network.order_by("circle", "name")
        self.fields["held_on"].initial = timezone.localdate
        # Only the date is needed to record that a conversation took place.
        for name, field in self.fields.items():
            field.required = name == "held_on"


class ScoringForm(forms.Form):
    """One row per domain: chosen or not, a reason (required when chosen), a score, a short note."""

    person = forms.ModelChoiceField(label="Voor wie", queryset=Person.objects.none())

    def __init__(self, *args, household, version, law="", show_sensitive=False, **kwargs):
        super().__init__(*args, **kwargs)
        current = household.memberships.filter(until__isnull=True).values("person_id")
        self.fields["person"].queryset = Person.objects.filter(pk__in=current).order_by("first_names")
        self.domains = [d for d in version.domains.order_by("order") if show_sensitive or not d.sensitive]
        labels = dict(version.levels.filter(domain=None).values_list("score", "label"))
        scores = [("", "niet beoordeeld"), *((str(n), f"{n} — {labels.get(n, '')}") for n in sorted(labels))]
        chosen = set(defaults_for(law))
        for domain in self.domains:
            self.fields[f"choose_{domain.code}"] = forms.BooleanField(
                label=f"{domain.name} scoren", required=False, initial=domain.code in chosen
            )
            self.fields[f"reason_{domain.code}"] = forms.CharField(
                label=f"Waarom {domain.name}", required=False, max_length=300
            )
            self.fields[f"score_{domain.code}"] = forms.ChoiceField(
                label=f"Score {domain.name}", choices=scores, required=False
            )

    def rows(self):
        return [
            (
                domain,
                self[f"choose_{domain.code}"],
                self[f"reason_{domain.code}"],
                self[f"score_{domain.code}"],
            )
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

    def choices(self):
        data = self.cleaned_data
        return [
            Choice(
                domain.code,
                int(data[f"score_{domain.code}"]) if data[f"score_{domain.code}"] else None,
                data[f"reason_{domain.code}"],
            )
            for domain in self.domains
            if data.get(f"choose_{domain.code}")
        ]
