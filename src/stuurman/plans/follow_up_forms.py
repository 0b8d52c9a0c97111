"""Forms for carrying a plan on: coordination and escalation, holding a review, picking up a signal,
and the municipality's budgets. Like forms.py, everything that changes a plan carries its version."""

from django import forms
from django.utils import timezone

from stuurman.intake.models import LIFE_DOMAINS
from stuurman.site.forms import Form

from .forms import DATE, TEXT, CoordinatorChoice, Versioned
from .models import LAWS, Review

DOMAIN_NAMES = dict(LIFE_DOMAINS)


class HandOverForm(Versioned, Form):
    to_user = CoordinatorChoice(label="Nieuwe regisseur", queryset=None)
    reason = forms.CharField(label="Waarom", max_length=300)

    def __init__(self, *args, coordinators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_user"].queryset = coordinators


class TemporaryForm(Versioned, Form):
    organisation = forms.CharField(
        label="Organisatie",
        max_length=150,
        help_text="Bijvoorbeeld de gecertificeerde instelling of Veilig Thuis.",
    )
    reason = forms.CharField(
        label="Waarom, en tot wanneer ongeveer",
        max_length=300,
        help_text="Bijvoorbeeld: ondertoezichtstelling van Roos, tot de kinderrechter anders beslist.",
    )


class TakeBackForm(Versioned, Form):
    coordinator = CoordinatorChoice(label="Regisseur vanaf nu", queryset=None)
    reason = forms.CharField(
        label="Waarom", max_length=300, help_text="Bijvoorbeeld: de maatregel is beëindigd."
    )

    def __init__(self, *args, coordinators, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators
        if user.has_perm("plans.coordinate_plan"):
            self.fields["coordinator"].initial = user.pk


class EscalationForm(Versioned, Form):
    against = forms.CharField(label="Wie levert niet", max_length=150, help_text="Een aanbieder of partner.")
    what = forms.CharField(label="Wat er niet gebeurt", widget=forms.Textarea(attrs=TEXT))
    doorzettingsmacht = forms.BooleanField(
        label="De doorzettingsmacht van de gemeente is ingezet",
        required=False,
        help_text="De gemeente besluit dan zelf wat er gebeurt, ook als partners het oneens zijn.",
    )


class ResolveForm(Versioned, Form):
    outcome = forms.CharField(label="Uitkomst", widget=forms.Textarea(attrs=TEXT))


class ReviewForm(Versioned, Form):
    """Per goal: reached, partly or not, with a note; per person with goals: a new score on each of the
    plan's domains for them (blank: not scored again); the date and a summary."""

    held_on = forms.DateField(label="Gehouden op", widget=DATE)
    summary = forms.CharField(label="Samenvatting", widget=forms.Textarea(attrs=TEXT), required=False)

    def __init__(self, *args, goals, domains, people, previous, latest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate
        self.goals, self.people, self.domains, self.previous, self.latest = (
            goals,
            people,
            domains,
            previous,
            latest,
        )
        for goal in goals:
            self.fields[f"result_{goal.pk}"] = forms.ChoiceField(
                label="Resultaat",
                choices=Review.Result.choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Geef aan of dit doel bereikt is."},
            )
            self.fields[f"note_{goal.pk}"] = forms.CharField(
                label="Toelichting", max_length=300, required=False
            )
        scale = [("", "niet opnieuw gescoord"), *((str(n), str(n)) for n in range(1, 6))]
        for person_id, codes in domains.items():
            for code in codes:
                self.fields[f"score_{person_id}_{code}"] = forms.TypedChoiceField(
                    label=f"{DOMAIN_NAMES.get(code, code)} ({people[person_id].first_names})",
                    choices=scale,
                    coerce=int,
                    empty_value=None,
                    required=False,
                )

    def goal_rows(self):
        return [
            (goal, self[f"result_{goal.pk}"], self[f"note_{goal.pk}"], self.latest.get(goal.pk))
            for goal in self.goals
        ]

    def person_rows(self):
        return [
            (
                self.people[person_id],
                [
                    (
                        DOMAIN_NAMES.get(code, code),
                        self[f"score_{person_id}_{code}"],
                        self.previous.get(person_id, {}).get(code),
                    )
                    for code in codes
                ],
            )
            for person_id, codes in self.domains.items()
        ]

    def results(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {goal.pk: (data[f"result_{goal.pk}"], data.get(f"note_{goal.pk}", "")) for goal in self.goals}

    def scores(self) -> dict[int, dict[str, int]]:
        found: dict[int, dict[str, int]] = {}
        for person_id, codes in self.domains.items():
            given = {
                code: self.cleaned_data[f"score_{person_id}_{code}"]
                for code in codes
                if self.cleaned_data.get(f"score_{person_id}_{code}") is not None
            }
            if given:
                found[person_id] = given
        return found


class PickUpForm(Form):
    note = forms.CharField(
        label="Wat er gebeurt", max_length=300, help_text="Bijvoorbeeld: regisseur belt Els deze week."
    )


class BudgetForm(Form):
    law = forms.ChoiceField(label="Wet", choices=LAWS)
    year = forms.IntegerField(label="Jaar", min_value=2000, max_value=2100)
    amount = forms.DecimalField(label="Budget (€)", min_value=0, max_digits=14, decimal_places=2)
    household_norm = forms.DecimalField(
        label="Norm per huishouden per jaar (€)",
        min_value=0,
        max_digits=10,
        decimal_places=2,
        required=False,
        help_text="Het bedrag waarboven een plan opvalt; leeg: geen norm.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
