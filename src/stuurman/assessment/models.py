"""Instruments as versioned data: the ZRM versions and the participation ladder, their domains in
order, and a short text per level. A new version or a licensed text set is a file, not code
(loading.py, docs/operators-guide.md)."""

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
