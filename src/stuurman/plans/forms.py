"""Forms of the plan: start, period and status, goals, contributions by tier, decisions, agreement.

Every form that changes a plan carries the plan version the user saw (a hidden field); the write path
refuses the change when the plan moved on since (versioning.py). Ask only what the case needs: the
contribution form shows only the "who" fields of the tier chosen, and little is required anywhere.
"""

from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils import timezone

from stuurman.catalog.models import Contract, Provider, Service
from stuurman.catalog.rules import Kind
from stuurman.intake.models import LIFE_DOMAINS
from stuurman.istandaarden import choices, frequencies, units
from stuurman.people.models import Person
from stuurman.site.forms import Form, ModelForm

from . import costs, tiers
from .models import LAWS, AgreedVersion, Contribution, Goal, Plan
from .services import Considered

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = {"rows": 3}
KIND_OF_TIER = {
    tiers.Tier.VOLUNTEERS: Kind.LOCAL_INITIATIVE,
    tiers.Tier.GENERAL: Kind.GENERAL,
    tiers.Tier.TAILORED: Kind.TAILORED,
    tiers.Tier.SPECIALIST: Kind.SPECIALIST,
}
# The legal ground a decision usually rests on, per law: prefilled, the professional may change it.
LEGAL_GROUNDS = {
    "wmo": "Wet maatschappelijke ondersteuning 2015, artikel 2.3.5",
    "jeugdwet": "Jeugdwet, artikel 2.3",
    "participatiewet": "Participatiewet, artikel 7",
    "debt": "Wet gemeentelijke schuldhulpverlening, artikel 4a",
}


class Versioned:
    """Adds the plan version the form was opened on; see versioning.py."""

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, initial=plan.version)

    def move_to_version(self, version: int) -> None:
        """After a conflict: keep what was typed, but on the version the user has now been shown."""
        data = self.data.copy()
        data[self.add_prefix("version")] = str(version)
        self.data = data


def current_members(household):
    members = household.memberships.filter(until__isnull=True).values("person_id")
    return Person.objects.filter(pk__in=members).order_by("birth_date", "first_names")


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return person.full_name


class CoordinatorChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.username


class StartForm(Form):
    coordinator = CoordinatorChoice(label="Regisseur", queryset=None)
    starts_on = forms.DateField(label="Start van het plan", widget=DATE)
    ends_on = forms.DateField(
        label="Einde van het plan", widget=DATE, required=False, help_text="Leeg: het plan loopt door."
    )
    conversations = forms.ModelMultipleChoiceField(
        label="Gesprekken waarop het plan voortbouwt",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    requests = forms.ModelMultipleChoiceField(
        label="Meldingen die het plan beantwoordt",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, household, user, coordinators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators
        if user.has_perm("plans.coordinate_plan"):
            self.fields["coordinator"].initial = user.pk
            self.fields["coordinator"].help_text = "U voert zelf de regie, of kies een collega."
        elif coordinators.count() == 1:
            self.fields["coordinator"].initial = coordinators.first().pk
        elif not coordinators.exists():
            self.fields[
                "coordinator"
            ].help_text = "In uw team is niemand die regie kan voeren; vraag uw teamleider om een regisseur."
        self.fields["starts_on"].initial = timezone.localdate
        conversations = household.conversations.order_by("-held_on", "-pk")
        self.fields["conversations"].queryset = conversations
        self.fields["conversations"].label_from_instance = lambda c: f"Gesprek van {c.held_on:%d-%m-%Y}"
        self.fields["requests"].queryset = household.requests.order_by("-received_on", "-pk")
        self.fields["requests"].label_from_instance = lambda r: (
            f"Melding {r.pk} van {r.received_on:%d-%m-%Y}: {r.question[:80]}"
        )
        recent = list(conversations.values_list("pk", flat=True)[:1])
        self.fields["conversations"].initial = recent
        self.fields["requests"].initial = list(
            household.requests.exclude(status="closed").values_list("pk", flat=True)
        )
        if not conversations.exists():
            del self.fields["conversations"]
        if not household.requests.exists():
            del self.fields["requests"]

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "Het plan kan niet eindigen vóór het begint.")
        return data


class PlanForm(Versioned, Form):
    starts_on = forms.DateField(label="Start van het plan", widget=DATE)
    ends_on = forms.DateField(
        label="Einde van het plan", widget=DATE, required=False, help_text="Leeg: het plan loopt door."
    )
    status = forms.ChoiceField(label="Status", choices=Plan.Status.choices)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        for name in ("starts_on", "ends_on", "status"):
            self.fields[name].initial = getattr(plan, name)


def domain_choices(user) -> list[tuple[str, str]]:
    # Justitie is criminal-offence data (GDPR art. 10): only for the roles that see those scores.
    sensitive = user.has_perm("assessment.view_sensitive_scores")
    return [(code, name) for code, name in LIFE_DOMAINS if sensitive or code != "justice"]


class GoalForm(Versioned, ModelForm):
    target_score = forms.TypedChoiceField(
        label="Streefscore ZRM",
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", "geen"), *((str(n), str(n)) for n in range(1, 6))],
    )
    target_rung = forms.TypedChoiceField(
        label="Streeftrede participatieladder",
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", "geen"), *((str(n), str(n)) for n in range(1, 7))],
    )

    class Meta:
        model = Goal
        fields = [
            "person",
            "domain",
            "wording",
            "own_words",
            "described_by",
            "strengths",
            "concerns",
            "observed_by",
            "target_score",
            "target_rung",
            "target_date",
        ]
        labels = {
            "person": "Voor wie",
            "wording": "Het doel",
            "own_words": "Dit zijn de woorden van de inwoner zelf",
            "described_by": "Wie heeft het doel verwoord",
            "strengths": "Wat goed gaat",
            "concerns": "Zorgen",
            "observed_by": "Wie beschreef wat goed gaat en de zorgen",
        }
        help_texts = {
            "wording": "Het liefst letterlijk zoals de inwoner het zegt: het staat zo in het plan.",
            "observed_by": "Bijvoorbeeld: Jan zelf, Els, de consulent.",
        }
        widgets = {
            "wording": forms.Textarea(attrs=TEXT),
            "strengths": forms.Textarea(attrs=TEXT),
            "concerns": forms.Textarea(attrs=TEXT),
            "described_by": forms.RadioSelect,
            "target_date": DATE,
        }

    def __init__(self, *args, plan, user, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["person"] = PersonChoice(label="Voor wie", queryset=current_members(plan.household))
        self.fields["domain"] = forms.ChoiceField(
            label="Leefgebied", choices=[("", "— kies —"), *domain_choices(user)]
        )
        self.fields["described_by"].choices = Goal.Described.choices
        if not self.initial.get("described_by"):
            self.initial["described_by"] = Goal.Described.INHABITANT
        self.order_fields(self.Meta.fields)


class ContributionForm(Versioned, ModelForm):
    """One contribution of the chosen tier: only the fields that tier needs, and for tailored and
    specialist help one row per lower tier (considered, and why it does not suffice)."""

    cost_per_month = forms.DecimalField(
        label="Kosten per maand (€)",
        min_value=0,
        max_digits=10,
        decimal_places=2,
        required=False,
        help_text="Leeg: berekend uit het contract met de aanbieder als dat kan, anders € 0.",
    )

    class Meta:
        model = Contribution
        fields = [
            "goal",
            "person",
            "network_member",
            "service",
            "provider",
            "what",
            "volume",
            "unit",
            "frequency",
            "starts_on",
            "ends_on",
            "law",
            "delivery",
            "cost_per_month",
        ]
        labels = {
            "goal": "Voor welk doel",
            "person": "Wie doet het",
            "network_member": "Wie uit het netwerk",
            "service": "Welke voorziening",
            "provider": "Welke aanbieder",
            "what": "Wat",
            "volume": "Hoeveel",
            "starts_on": "Van",
            "ends_on": "Tot",
            "law": "Wet",
            "delivery": "Vorm",
        }
        help_texts = {
            "what": "Wat er gebeurt, in gewone woorden.",
            "ends_on": "Leeg: zolang het nodig is.",
        }
        widgets = {"starts_on": DATE, "ends_on": DATE, "delivery": forms.RadioSelect}

    def __init__(self, *args, plan, tier: tiers.Tier, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.tier = tier
        household = plan.household
        self.fields["goal"].queryset = plan.goals.select_related("person").order_by("person__first_names")
        self.fields["goal"].label_from_instance = lambda g: f"{g.person.first_names}: {g.wording[:70]}"
        self.fields["person"] = PersonChoice(
            label="Wie doet het",
            queryset=current_members(household),
            required=False,
        )
        self.fields["network_member"].queryset = household.network.select_related("person").order_by(
            "circle", "name"
        )
        self.fields["network_member"].label_from_instance = lambda m: (
            f"{m.display_name} ({m.get_circle_display()})"
        )
        self.fields["unit"] = forms.ChoiceField(
            label="Eenheid", choices=[("", "—"), *choices(units())], required=False
        )
        self.fields["frequency"] = forms.ChoiceField(
            label="Per", choices=[("", "—"), *choices(frequencies())], required=False
        )
        self.fields["law"].choices = [("", "—"), *LAWS]
        self.fields["delivery"].choices = [("", "nog niet bekend"), *Contribution.Delivery.choices]
        if self.instance.pk:
            self.fields["unit"].initial = self.instance.unit
            self.fields["frequency"].initial = self.instance.frequency
        else:
            # The instance's empty values are the form's initial ones: fill in what is known here.
            self.initial["starts_on"] = max(plan.starts_on, timezone.localdate())
        kind = KIND_OF_TIER.get(tier)
        if kind is not None:
            self.fields["service"].queryset = _services(plan, kind)
        self.fields["provider"].queryset = Provider.objects.visible_in(plan.municipality).order_by("name")
        for name in self._not_for(tier):
            del self.fields[name]
        who = [name for name in ("person", "network_member", "service") if name in self.fields]
        if len(who) == 1:
            self.fields[who[0]].required = True
        else:
            self.fields[who[0]].help_text = "Kies dit of het volgende veld."
        self.lower = tiers.lower_tiers(tier) if tier in tiers.NEEDS_CONSIDERATION else []
        kept = {c.tier: c for c in self.instance.considerations.all()} if self.instance.pk else {}
        for lower in self.lower:
            given = kept.get(lower)
            self.fields[f"considered_{lower.value}"] = forms.BooleanField(
                label=f"{lower.label.capitalize()} is overwogen",
                required=False,
                initial=given.considered if given else False,
            )
            self.fields[f"why_{lower.value}"] = forms.CharField(
                label=f"Waarom volstaat {lower.label} niet?",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=2000,
                initial=given.why_not_enough if given else "",
            )

    @staticmethod
    def _not_for(tier) -> list[str]:
        keep = {
            tiers.Tier.SELF: {"person"},
            tiers.Tier.HOUSEHOLD: {"person", "network_member"},
            tiers.Tier.INFORMAL: {"network_member"},
            tiers.Tier.VOLUNTEERS: {"network_member", "service"},
            tiers.Tier.GENERAL: {"service", "law", "cost_per_month"},
            tiers.Tier.TAILORED: {"service", "provider", "law", "delivery", "cost_per_month"},
            tiers.Tier.SPECIALIST: {"service", "provider", "law", "delivery", "cost_per_month"},
        }[tier]
        optional = {"person", "network_member", "service", "provider", "law", "delivery", "cost_per_month"}
        return sorted(optional - keep)

    def main_fields(self):
        """Everything but the version and the lower-tier rows, in order."""
        skip = ("version", "considered_", "why_")
        return [self[name] for name in self.fields if not name.startswith(skip)]

    def rows(self):
        """The lower tiers with their two fields, for the template."""
        return [
            (lower, self[f"considered_{lower.value}"], self[f"why_{lower.value}"]) for lower in self.lower
        ]

    def considered(self) -> list[Considered]:
        return [
            Considered(
                lower.value,
                bool(self.cleaned_data.get(f"considered_{lower.value}")),
                self.cleaned_data.get(f"why_{lower.value}") or "",
            )
            for lower in self.lower
        ]

    def clean(self):
        data = super().clean()
        who = [name for name in ("person", "network_member", "service") if name in self.fields]
        if who and not any(data.get(name) for name in who):
            names = {
                "person": "wie het doet",
                "network_member": "wie uit het netwerk",
                "service": "voorziening",
            }
            self.add_error(who[0], f"Kies {' of '.join(names[name] for name in who)}.")
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "De inzet kan niet eindigen vóór ze begint.")
        if (data.get("volume") is None) != (not data.get("unit")):
            self.add_error("unit", "Geef bij een omvang ook de eenheid, of laat beide leeg.")
        service = data.get("service")
        if service is not None and "law" in self.fields and not data.get("law"):
            data["law"] = service.law  # prefill what is known: the service says which law it falls under
        self._check_provider(data)
        if "cost_per_month" in self.fields and data.get("cost_per_month") is None:
            data["cost_per_month"] = Decimal(0)
        self._check_considerations()
        return data

    def _check_provider(self, data) -> None:
        service, provider = data.get("service"), data.get("provider")
        if service is None or provider is None or not data.get("starts_on"):
            return
        day = data["starts_on"]
        contract = (
            Contract.objects.filter(service=service, provider=provider, starts_on__lte=day)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
            .first()
        )
        if contract is None:
            self.add_error(
                "provider",
                f"{provider} heeft op {day:%d-%m-%Y} geen contract voor {service}; kies een andere.",
            )
            return
        if data.get("cost_per_month") is None and contract.unit == data.get("unit"):
            data["cost_per_month"] = costs.monthly(data.get("volume"), data.get("frequency"), contract.tariff)

    def _check_considerations(self) -> None:
        if not self.lower:
            return
        given = [
            tiers.Consideration(tiers.Tier(c.tier), c.considered, c.why_not_enough) for c in self.considered()
        ]
        missing = tiers.problems_by_tier(self.tier, given)
        for lower, message in missing.items():
            self.add_error(f"why_{lower.value}", message)
        if missing:
            self.add_error(
                None,
                f"{self.tier.label.capitalize()} kan pas worden vastgelegd als elke lagere trede is "
                f"overwogen. Nog niet gedaan: {', '.join(lower.label for lower in missing)}.",
            )


def _services(plan, kind):
    """Published, current services of this kind for the household's area (or the whole municipality)."""
    today = timezone.localdate()
    rows = (
        Service.objects.visible_in(plan.municipality)
        .filter(kind=kind, status=Service.Status.PUBLISHED)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
    )
    area = plan.household.area
    if area is not None:
        here = [a.pk for a in area.path()]
        rows = rows.filter(Q(areas__isnull=True) | Q(areas__in=here))
    return rows.distinct().order_by("name")


class DecisionForm(Versioned, Form):
    granted = forms.TypedChoiceField(
        label="Besluit",
        choices=[("True", "toegekend"), ("False", "afgewezen")],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        initial="True",
    )
    decided_on = forms.DateField(label="Besluitdatum", widget=DATE)
    made_known_on = forms.DateField(
        label="Bekendgemaakt op",
        widget=DATE,
        help_text="Vanaf deze dag loopt de bezwaartermijn van zes weken.",
    )
    legal_ground = forms.CharField(label="Wettelijke grondslag", max_length=200)
    starts_on = forms.DateField(label="Ingangsdatum", widget=DATE)
    ends_on = forms.DateField(label="Einddatum", widget=DATE, required=False)

    def __init__(self, *args, plan, contribution, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        today = timezone.localdate()
        self.fields["decided_on"].initial = today
        self.fields["made_known_on"].initial = today
        self.fields["legal_ground"].initial = LEGAL_GROUNDS.get(contribution.law, "")
        self.fields["starts_on"].initial = contribution.starts_on
        self.fields["ends_on"].initial = contribution.ends_on


class AssignmentForm(Versioned, Form):
    budget = forms.DecimalField(
        label="Budget (€)",
        min_value=0,
        max_digits=10,
        decimal_places=2,
        required=False,
        help_text="Alleen voor een toewijzing met een budget in plaats van een omvang.",
    )


class AgreementForm(Versioned, Form):
    agreed = forms.TypedChoiceField(
        label="Gaat de inwoner akkoord met het plan?",
        choices=[("True", "ja, akkoord"), ("False", "nee, niet akkoord")],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
    )
    on = forms.DateField(label="Datum", widget=DATE)
    how = forms.ChoiceField(label="Hoe", choices=AgreedVersion.How.choices, widget=forms.RadioSelect)
    words = forms.CharField(
        label="Wat de inwoner zegt, in eigen woorden",
        widget=forms.Textarea(attrs=TEXT),
        required=False,
        help_text="Nodig als de inwoner niet akkoord gaat: waarmee niet, zoals de inwoner het zegt.",
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["on"].initial = timezone.localdate
        self.fields["how"].initial = AgreedVersion.How.VERBAL

    def clean(self):
        data = super().clean()
        if data.get("agreed") is False and not (data.get("words") or "").strip():
            self.add_error("words", "Schrijf op waarmee de inwoner het niet eens is, in diens eigen woorden.")
        return data
