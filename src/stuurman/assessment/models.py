"""Instruments as versioned data: the ZRM versions and the participation ladder, their domains in
order, and a short text per level. A new version or a licensed text set is a file, not code
(loading.py, docs/operators-guide.md)."""

from django.conf import settings
from django.db import models


class InstrumentVersion(models.Model):
    instrument = models.SlugField("instrument")  # "zrm", "participatieladder"
    version = models.CharField("versie", max_length=20)
    name = models.CharField("naam", max_length=100)
    scale_min = models.PositiveSmallIntegerField(default=1)
    scale_max = models.PositiveSmallIntegerField(default=5)
    text_source = models.CharField(
        "bron van de teksten",
        max_length=200,
        help_text="'Stuurman' of de licentiehouder van een officiële tekstset.",
    )

    class Meta:
        verbose_name = "instrumentversie"
        verbose_name_plural = "instrumentversies"
        constraints = [
            models.UniqueConstraint(fields=["instrument", "version"], name="instrument_version_unique")
        ]

    def __str__(self):
        return self.name


class Domain(models.Model):
    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="domains")
    code = models.SlugField("code")
    name = models.CharField("naam", max_length=100)
    order = models.PositiveSmallIntegerField("volgorde")
    # Criminal-offence data (GDPR art. 10): shown only to roles that need it.
    sensitive = models.BooleanField("bijzonder gevoelig", default=False)
    # The domain of the previous version whose score carries over unchanged (None: new or split).
    continues = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="vervolg van"
    )

    class Meta:
        verbose_name = "leefgebied"
        verbose_name_plural = "leefgebieden"
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="domain_code_unique"),
            models.UniqueConstraint(fields=["version", "order"], name="domain_order_unique"),
        ]

    def __str__(self):
        return self.name


class Level(models.Model):
    """What a score means: a scale label per version and, per domain, a short description."""

    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="levels")
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, null=True, blank=True, related_name="levels")
    score = models.PositiveSmallIntegerField("score")
    label = models.CharField("label", max_length=100, blank=True)
    description = models.TextField("omschrijving", blank=True)

    class Meta:
        verbose_name = "niveau"
        verbose_name_plural = "niveaus"
        ordering = ["version", "domain", "score"]
        constraints = [models.UniqueConstraint(fields=["version", "domain", "score"], name="level_unique")]

    def __str__(self):
        return f"{self.score} {self.label}"


class ProfileRuleSet(models.Model):
    """A versioned set of client-profile rules (assessment/profiles.py); one is in use at a time."""

    name = models.CharField("naam", max_length=150)
    version = models.CharField("versie", max_length=20)
    rules = models.JSONField("regels")
    active = models.BooleanField("in gebruik", default=False)

    class Meta:
        verbose_name = "set cliëntprofielen"
        verbose_name_plural = "sets cliëntprofielen"
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="profile_rules_unique"),
            models.UniqueConstraint(
                fields=["active"], condition=models.Q(active=True), name="one_active_profile_set"
            ),
        ]

    def __str__(self):
        return f"{self.name} {self.version}"


class Conversation(models.Model):
    """Het Gesprek: the kitchen-table conversation with a household (issue 5)."""

    municipality = models.ForeignKey("tenancy.Municipality", on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey("people.Household", on_delete=models.PROTECT, related_name="conversations")
    held_on = models.DateField("datum")
    place = models.CharField("plaats", max_length=100, default="thuis")
    question_behind = models.TextField("de vraag achter de vraag", blank=True)
    own_strength = models.TextField("wat de persoon zelf kan", blank=True)
    network_contribution = models.TextField("wat het netwerk kan en wil doen", blank=True)
    reciprocity = models.TextField("wat de persoon voor anderen kan doen", blank=True)
    wishes = models.TextField("wensen en motivatie", blank=True)
    agreements = models.TextField("afspraken", blank=True)
    proposal = models.TextField("wat we voorstellen", blank=True)
    inhabitant_remarks = models.TextField("opmerkingen van de inwoner", blank=True)
    members_present = models.ManyToManyField(
        "people.Person", blank=True, related_name="+", verbose_name="gezinsleden aanwezig"
    )
    network_present = models.ManyToManyField(
        "people.NetworkMember", blank=True, related_name="+", verbose_name="uit het netwerk aanwezig"
    )
    professionals = models.CharField("professionals aanwezig", max_length=300, blank=True)
    requests = models.ManyToManyField(
        "intake.Request", blank=True, related_name="conversations", verbose_name="beantwoordt meldingen"
    )
    # The day the inhabitant signed the report; for the Wmo it then counts as the application.
    report_signed_on = models.DateField("verslag ondertekend op", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "gesprek"
        verbose_name_plural = "gesprekken"

    def __str__(self):
        return f"Gesprek {self.held_on:%d-%m-%Y} met {self.household}"


class Assessment(models.Model):
    """The domains chosen for this question for one person, each with its reason; never all by default."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="assessments")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="assessments")
    version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="+")
    # The process whose question this is: it chose the default domains and feeds the profile rules.
    law = models.CharField("proces", max_length=15, blank=True)
    # Participatieladder: where the person stands now and what they can reach, as rungs of `ladder`.
    ladder = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rung_now = models.PositiveSmallIntegerField("trede nu", null=True, blank=True)
    rung_attainable = models.PositiveSmallIntegerField("haalbare trede", null=True, blank=True)
    # Participatiewet: the estimated work capacity, which suggests the work-capacity class.
    work_capacity_percent = models.PositiveSmallIntegerField("arbeidsvermogen (%)", null=True, blank=True)

    class Meta:
        verbose_name = "beoordeling"
        verbose_name_plural = "beoordelingen"
        permissions = [("view_sensitive_scores", "Kan bijzonder gevoelige scores (Justitie) zien")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(work_capacity_percent__isnull=True)
                | models.Q(work_capacity_percent__lte=100),
                name="work_capacity_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=models.Q(ladder__isnull=False)
                | models.Q(rung_now__isnull=True, rung_attainable__isnull=True),
                name="rungs_need_their_ladder",
            ),
        ]

    def __str__(self):
        return f"{self.version} voor {self.person}"


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField("score", null=True, blank=True)  # None: niet beoordeeld
    reason = models.CharField("waarom dit leefgebied", max_length=300)
    evidence = models.TextField("onderbouwing", blank=True)

    class Meta:
        verbose_name = "score"
        verbose_name_plural = "scores"
        constraints = [
            models.UniqueConstraint(fields=["assessment", "domain"], name="one_score_per_domain"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="score_has_reason"),
        ]

    def __str__(self):
        return f"{self.domain}: {self.score or 'niet beoordeeld'}"


class Classification(models.Model):
    """A suggestion (care-need level, line, profile, work capacity) and what the professional chose;
    both are kept, and a different choice carries its reason."""

    class Kind(models.TextChoices):
        CARE_NEED = "care_need", "zorgbehoefte (piramide)"
        LINE = "line", "lijn"
        PROFILE = "profile", "cliëntprofiel"
        WORK_CAPACITY = "work_capacity", "arbeidsvermogen"

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="classifications")
    kind = models.CharField("soort", max_length=13, choices=Kind.choices)
    suggested = models.CharField("voorgesteld", max_length=60, blank=True)
    chosen = models.CharField("gekozen", max_length=60)
    grounds = models.CharField("waarop de suggestie berust", max_length=300, blank=True)
    override_reason = models.CharField("reden van afwijken", max_length=300, blank=True)
    rule_set = models.CharField("regelset", max_length=100, blank=True)

    class Meta:
        verbose_name = "classificatie"
        verbose_name_plural = "classificaties"
        constraints = [
            models.UniqueConstraint(fields=["assessment", "kind"], name="one_classification_per_kind"),
            models.CheckConstraint(
                condition=models.Q(chosen=models.F("suggested")) | ~models.Q(override_reason=""),
                name="override_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.chosen}"
