"""The monitor's materialised aggregates (ADR 0013): one Refresh at a time is current, and its Cells
hold every figure per period x area x law, already suppressed. One write path: refresh.py.

Cells name their area as a *scope*: ``R<id>`` the region, ``M<id>`` a municipality, ``A<id>`` a kern
or wijk. Zero cells are not stored: a missing cell reads as zero, which is hidden anyway.
"""

from django.db import models


class Refresh(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "bezig"
        DONE = "done", "klaar"
        FAILED = "failed", "mislukt"

    # A fresh random token per refresh: cached pages are keyed by it, so a refresh invalidates them all,
    # in every process, without anyone clearing a cache.
    token = models.CharField(max_length=32, unique=True)
    status = models.CharField("status", max_length=7, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField("begonnen")
    finished_at = models.DateTimeField("klaar", null=True, blank=True)
    trigger = models.CharField("aanleiding", max_length=100)
    by = models.CharField("door", max_length=150, blank=True)
    periods = models.JSONField("perioden", default=list)  # keys, oldest first
    domains = models.JSONField("ZRM-leefgebieden", default=dict)  # code → name, in instrument order
    seconds = models.FloatField("duur in seconden", null=True, blank=True)
    cell_count = models.PositiveIntegerField("aantal cellen", default=0)
    error = models.TextField("fout", blank=True)

    class Meta:
        verbose_name = "verversing van de monitor"
        verbose_name_plural = "verversingen van de monitor"
        default_permissions = ()
        permissions = [
            ("view_team_dashboard", "Kan het dashboard van het eigen team zien"),
            ("view_oversight", "Kan het regie-overzicht van het eigen team zien"),
            (
                "view_indicators",
                "Kan de monitor zien: indicatoren zonder personen, kleine aantallen verborgen",
            ),
            ("refresh_indicators", "Kan de monitor laten verversen"),
        ]
        indexes = [models.Index(fields=["status", "-finished_at"], name="refresh_current")]

    def __str__(self):
        return f"Monitor {self.started_at:%d-%m-%Y %H:%M} ({self.get_status_display()})"


class Cell(models.Model):
    refresh = models.ForeignKey(Refresh, on_delete=models.CASCADE, related_name="cells")
    period = models.CharField(max_length=7)  # "2025-H1", "2025", "now" (population)
    scope = models.CharField(max_length=20)
    law = models.CharField(max_length=15, blank=True)  # "" is all laws together
    indicator = models.CharField(max_length=20)
    key = models.CharField(max_length=40)
    count = models.BigIntegerField()
    amount = models.BigIntegerField(null=True)  # euro cents, where the cell is an amount
    hidden = models.BooleanField()

    class Meta:
        verbose_name = "cel van de monitor"
        verbose_name_plural = "cellen van de monitor"
        default_permissions = ()
        # What one dashboard reads: one refresh, a handful of scopes, one law, two periods.
        indexes = [models.Index(fields=["refresh", "law", "scope", "period"], name="cell_lookup")]

    def __str__(self):
        return f"{self.period} {self.scope} {self.law or '*'} {self.indicator}:{self.key}"
