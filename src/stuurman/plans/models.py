"""One household, one plan, one coordinator (DESIGN.md §2.1-2.2).

The plan belongs to the household, not to a law or a provider. Its goals are per person and life
domain; its contributions carry a tier from the person outward; a tailored or specialist contribution
carries the consideration of every tier below it. One write path: plans/services.py and the modules it
names. Every change bumps the plan's version (optimistic locking) and is kept as a PlanEvent.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from stuurman.tenancy.models import MunicipalityOwned

from .tiers import LABELS, Tier

LAWS = (
    ("wmo", "Wmo 2015"),
    ("jeugdwet", "Jeugdwet"),
    ("participatiewet", "Participatiewet"),
    ("debt", "schuldhulp"),
    ("other", "anders"),
)
TIERS = [(tier.value, LABELS[tier]) for tier in Tier]


class Plan(MunicipalityOwned):
    class Status(models.TextChoices):
        DRAFT = "draft", "concept"
        AGREED = "agreed", "afgesproken"
        RUNNING = "running", "loopt"
        ENDED = "ended", "beëindigd"

    household = models.ForeignKey("people.Household", on_delete=models.PROTECT, related_name="plans")
    status = models.CharField("status", max_length=7, choices=Status.choices, default=Status.DRAFT)
    starts_on = models.DateField("start")
    ends_on = models.DateField("einde", null=True, blank=True)
    conversations = models.ManyToManyField("assessment.Conversation", blank=True, related_name="plans")
    requests = models.ManyToManyField("intake.Request", blank=True, related_name="plans")
    # Optimistic locking: every change of the plan or its parts raises this by one.
    version = models.PositiveIntegerField("versie", default=1)
    next_review_on = models.DateField("volgende evaluatie", null=True, blank=True)
    next_review_reason = models.CharField("reden evaluatie", max_length=100, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("aangemaakt")

    class Meta:
        verbose_name = "plan"
        verbose_name_plural = "plannen"
        permissions = [
            ("coordinate_plan", "Kan regie voeren over het plan van een huishouden"),
            ("view_follow_up", "Kan de opvolglijst van het eigen team zien"),
        ]
        constraints = [
            # One household, one plan: at most one that has not ended.
            models.UniqueConstraint(
                fields=["household"], condition=~Q(status="ended"), name="one_open_plan_per_household"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="plan_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["next_review_on"], condition=~Q(status="ended"), name="plan_review_due"),
        ]

    def __str__(self):
        return f"Plan van {self.household}"


class Coordination(models.Model):
    """Who coordinates the plan, over time. Exactly one row is open per plan (database constraint); a
    temporary hand-over (e.g. to a certified youth-protection institution while a measure runs) ends
    the open row and opens one for the organisation, and coming back does the reverse."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="coordinations")
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinations",
    )
    organisation = models.CharField("organisatie", max_length=150, blank=True)
    temporary = models.BooleanField("tijdelijk overgedragen", default=False)
    reason = models.CharField("reden", max_length=300)
    since = models.DateField("sinds")
    until = models.DateField("tot", null=True, blank=True)
    ended_reason = models.CharField("reden van einde", max_length=300, blank=True)

    class Meta:
        verbose_name = "regie"
        verbose_name_plural = "regie"
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=Q(until__isnull=True), name="one_active_coordinator"
            ),
            models.CheckConstraint(
                condition=(Q(coordinator__isnull=False) & Q(organisation=""))
                | (Q(coordinator__isnull=True) & ~Q(organisation="")),
                name="coordinator_is_a_person_or_an_organisation",
            ),
        ]
        indexes = [
            models.Index(fields=["coordinator"], condition=Q(until__isnull=True), name="coordination_open")
        ]

    def __str__(self):
        return self.organisation or str(self.coordinator)


class Escalation(models.Model):
    """A provider or partner does not deliver; the coordinator may use the municipality's
    doorzettingsmacht. Recorded with its outcome."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="escalations")
    against = models.CharField("wie levert niet", max_length=150)
    what = models.TextField("wat er niet gebeurt")
    doorzettingsmacht = models.BooleanField("doorzettingsmacht gebruikt", default=False)
    raised_on = models.DateField("datum")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    outcome = models.TextField("uitkomst", blank=True)
    resolved_on = models.DateField("afgehandeld op", null=True, blank=True)

    class Meta:
        verbose_name = "escalatie"
        verbose_name_plural = "escalaties"

    def __str__(self):
        return f"Escalatie: {self.against}"


class Goal(models.Model):
    class Described(models.TextChoices):
        INHABITANT = "inhabitant", "de inwoner zelf"
        NETWORK = "network", "iemand uit het netwerk"
        PROFESSIONAL = "professional", "de professional"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="goals")
    domain = models.CharField("leefgebied", max_length=30)  # a ZRM 2017 domain code
    wording = models.TextField("het doel")
    own_words = models.BooleanField("in de woorden van de inwoner", default=True)
    described_by = models.CharField("beschreven door", max_length=12, choices=Described.choices)
    strengths = models.TextField("wat goed gaat", blank=True)
    concerns = models.TextField("zorgen", blank=True)
    observed_by = models.CharField("sterke punten en zorgen beschreven door", max_length=150, blank=True)
    target_score = models.PositiveSmallIntegerField("streefscore ZRM", null=True, blank=True)
    target_rung = models.PositiveSmallIntegerField("streeftrede participatieladder", null=True, blank=True)
    target_date = models.DateField("streefdatum", null=True, blank=True)

    class Meta:
        verbose_name = "doel"
        verbose_name_plural = "doelen"
        constraints = [
            models.CheckConstraint(
                condition=Q(target_score__isnull=True) | Q(target_score__gte=1, target_score__lte=5),
                name="goal_target_score_on_the_scale",
            ),
            models.CheckConstraint(
                condition=Q(target_rung__isnull=True) | Q(target_rung__gte=1, target_rung__lte=6),
                name="goal_target_rung_on_the_ladder",
            ),
        ]

    def __str__(self):
        return self.wording[:60]


class Contribution(models.Model):
    """One part of the arrangement: who does what, how much, from when to when, and what it costs."""

    class Delivery(models.TextChoices):
        IN_KIND = "in_kind", "zorg in natura"
        PERSONAL_BUDGET = "pgb", "persoonsgebonden budget (pgb)"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="contributions")
    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, null=True, blank=True, related_name="contributions"
    )
    tier = models.PositiveSmallIntegerField("trede", choices=TIERS)
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="wie"
    )
    network_member = models.ForeignKey(
        "people.NetworkMember", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    service = models.ForeignKey(
        "catalog.Service", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    provider = models.ForeignKey(
        "catalog.Provider", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    what = models.CharField("wat", max_length=300)
    volume = models.DecimalField("omvang", max_digits=8, decimal_places=2, null=True, blank=True)
    unit = models.CharField("eenheid", max_length=2, blank=True)  # iWmo/iJw LDT_Eenheid code
    frequency = models.CharField("frequentie", max_length=1, blank=True)  # LDT_Frequentie code
    starts_on = models.DateField("van")
    ends_on = models.DateField("tot", null=True, blank=True)
    law = models.CharField("wet", max_length=15, choices=LAWS, blank=True)
    delivery = models.CharField("vorm", max_length=7, choices=Delivery.choices, blank=True)
    cost_per_month = models.DecimalField("kosten per maand", max_digits=10, decimal_places=2, default=0)
    # For tailored and specialist help: the solution this is (plans/solutions.py), counted by the
    # learning assortment (plans/learning.py). Empty for the lower tiers.
    solution_key = models.CharField("oplossing", max_length=200, blank=True, default="", editable=False)

    class Meta:
        verbose_name = "inzet"
        verbose_name_plural = "inzet"
        indexes = [
            models.Index(
                fields=["solution_key"], condition=~Q(solution_key=""), name="contribution_solution"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="contribution_ends_after_start",
            ),
            models.CheckConstraint(condition=Q(cost_per_month__gte=0), name="contribution_cost_not_negative"),
        ]

    def __str__(self):
        return self.what


class LowerTierConsideration(models.Model):
    """Why a lower tier does not suffice for a tailored or specialist contribution (plans/tiers.py)."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="considerations")
    tier = models.PositiveSmallIntegerField("trede", choices=TIERS)
    considered = models.BooleanField("overwogen", default=True)
    why_not_enough = models.TextField("waarom dit niet volstaat")

    class Meta:
        verbose_name = "afweging lagere trede"
        verbose_name_plural = "afwegingen lagere treden"
        constraints = [
            models.UniqueConstraint(fields=["contribution", "tier"], name="one_consideration_per_tier")
        ]

    def __str__(self):
        return f"{self.get_tier_display()}: {self.why_not_enough[:40]}"


class PlanEvent(models.Model):
    """What changed, by whom, at which version: the plan's own history and what a conflict shows."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="events")
    version = models.PositiveIntegerField("versie")
    at = models.DateTimeField("tijdstip")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    summary = models.CharField("wat", max_length=300)

    class Meta:
        verbose_name = "wijziging"
        verbose_name_plural = "wijzigingen"
        ordering = ["plan", "version"]
        constraints = [models.UniqueConstraint(fields=["plan", "version"], name="one_event_per_plan_version")]

    def __str__(self):
        return f"{self.version}: {self.summary}"


class AgreedVersion(models.Model):
    """Each agreed version of the plan, kept as it was agreed (history is appended, never edited)."""

    class How(models.TextChoices):
        SIGNED = "signed", "ondertekend"
        VERBAL = "verbal", "mondeling, in het gesprek"
        DIGITAL = "digital", "digitaal, in het portaal"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="agreed_versions")
    number = models.PositiveIntegerField("nummer")
    plan_version = models.PositiveIntegerField("planversie")
    agreed = models.BooleanField("akkoord")
    on = models.DateField("datum")
    how = models.CharField("hoe", max_length=7, choices=How.choices)
    inhabitant_words = models.TextField("in de woorden van de inwoner", blank=True)
    content = models.JSONField("het plan zoals afgesproken")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "afgesproken versie"
        verbose_name_plural = "afgesproken versies"
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="agreed_version_number_unique"),
            # Disagreement is recorded in the inhabitant's own words.
            models.CheckConstraint(
                condition=Q(agreed=True) | ~Q(inhabitant_words=""), name="disagreement_in_own_words"
            ),
        ]

    def __str__(self):
        return f"Versie {self.number} ({'akkoord' if self.agreed else 'niet akkoord'})"


class Review(models.Model):
    class Result(models.TextChoices):
        REACHED = "reached", "bereikt"
        PARTLY = "partly", "deels bereikt"
        NOT_REACHED = "not_reached", "niet bereikt"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reviews")
    due_on = models.DateField("gepland op")
    reason = models.CharField("waarom dan", max_length=100)
    held_on = models.DateField("gehouden op")
    conversation = models.ForeignKey(
        "assessment.Conversation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    summary = models.TextField("samenvatting", blank=True)
    held_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "evaluatie"
        verbose_name_plural = "evaluaties"

    def __str__(self):
        return f"Evaluatie {self.held_on:%d-%m-%Y}"


class GoalResult(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="results")
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="results")
    result = models.CharField("resultaat", max_length=11, choices=Review.Result.choices)
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "goal"], name="one_result_per_goal_per_review")
        ]

    def __str__(self):
        return f"{self.goal}: {self.get_result_display()}"


class FollowUpSignal(models.Model):
    """'This arrangement no longer suffices': for the coordinator and the team's follow-up list."""

    class Kind(models.TextChoices):
        SCORE_DECLINED = "score_declined", "score gedaald op een leefgebied van het plan"
        ENDED_WITHOUT_REPLACEMENT = "ended_without_replacement", "inzet gestopt zonder vervanging"
        REVIEW_OVERDUE = "review_overdue", "evaluatie te laat"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="signals")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, null=True, related_name="+")
    kind = models.CharField("soort", max_length=25, choices=Kind.choices)
    key = models.CharField("over", max_length=100)
    detail = models.CharField("toelichting", max_length=300)
    raised_at = models.DateTimeField("gesignaleerd")
    handled_at = models.DateTimeField("opgepakt", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    handled_note = models.CharField("wat er gebeurt", max_length=300, blank=True)

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        constraints = [
            # The same cause is signalled once while it is open.
            models.UniqueConstraint(
                fields=["plan", "kind", "key"],
                condition=Q(handled_at__isnull=True),
                name="one_open_signal_per_cause",
            )
        ]
        indexes = [
            models.Index(
                fields=["team", "raised_at"], condition=Q(handled_at__isnull=True), name="signal_open"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.detail}"


class Budget(MunicipalityOwned):
    """What the municipality set aside per law per year, and optionally a norm per household plan."""

    law = models.CharField("wet", max_length=15, choices=LAWS)
    year = models.PositiveSmallIntegerField("jaar")
    amount = models.DecimalField("budget", max_digits=14, decimal_places=2)
    household_norm = models.DecimalField(
        "norm per huishouden per jaar", max_digits=10, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "budget"
        verbose_name_plural = "budgetten"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "law", "year"], name="one_budget_per_law_year")
        ]

    def __str__(self):
        return f"{self.get_law_display()} {self.year}"


class Decision(models.Model):
    """The beschikking for a tailored or specialist contribution; the objection window runs from the
    day it is made known."""

    contribution = models.OneToOneField(Contribution, on_delete=models.PROTECT, related_name="decision")
    granted = models.BooleanField("toegekend", default=True)
    decided_on = models.DateField("besluitdatum")
    made_known_on = models.DateField("bekendgemaakt op")
    starts_on = models.DateField("ingangsdatum")
    ends_on = models.DateField("einddatum", null=True, blank=True)
    product = models.CharField("product", max_length=150)
    legal_ground = models.CharField("wettelijke grondslag", max_length=200)
    objection_due = models.DateField("bezwaar mogelijk tot en met")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "beschikking"
        verbose_name_plural = "beschikkingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="decision_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"Beschikking {self.product} ({self.decided_on:%d-%m-%Y})"


class Assignment(MunicipalityOwned):
    """The toewijzing to a provider: complete enough for an iWmo/iJw 301. Volume (amount, unit and
    frequency) or a budget in eurocents, never both; the number is unique per municipality per law."""

    contribution = models.ForeignKey(Contribution, on_delete=models.PROTECT, related_name="assignments")
    provider = models.ForeignKey("catalog.Provider", on_delete=models.PROTECT, related_name="assignments")
    law = models.CharField("wet", max_length=15, choices=[("wmo", "Wmo 2015"), ("jeugdwet", "Jeugdwet")])
    number = models.PositiveIntegerField("toewijzingnummer")
    product_category = models.CharField("productcategorie", max_length=2)
    product_code = models.CharField("productcode", max_length=5, blank=True)
    volume = models.PositiveIntegerField("omvang", null=True, blank=True)
    unit = models.CharField("eenheid", max_length=2, blank=True)
    frequency = models.CharField("frequentie", max_length=1, blank=True)
    budget_cents = models.PositiveIntegerField("budget in eurocent", null=True, blank=True)
    starts_on = models.DateField("ingangsdatum")
    ends_on = models.DateField("einddatum", null=True, blank=True)
    assigned_at = models.DateTimeField("toegewezen")

    class Meta:
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "law", "number"], name="assignment_number_unique"
            ),
            models.CheckConstraint(
                condition=(
                    Q(volume__isnull=False, budget_cents__isnull=True) & ~Q(unit="") & ~Q(frequency="")
                )
                | (Q(volume__isnull=True, budget_cents__isnull=False) & Q(unit="", frequency="")),
                name="assignment_volume_or_budget",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="assignment_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"Toewijzing {self.number}"
