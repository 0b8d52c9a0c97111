"""The conversation form: ask what the question needs; nothing but the date is required."""

from django import forms
from django.utils import timezone

from stuurman.people.models import Person
from stuurman.site.forms import ModelForm

from .models import Conversation

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
