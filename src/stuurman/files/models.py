"""The household's timeline: every contact with or about the household, and every note, with
attachments. Corrections are new entries pointing at the one they correct, never silent edits."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models

from stuurman.people.models import Household
from stuurman.tenancy.models import MunicipalityOwned


def _documents():
    return storages["documents"]


class TimelineEntry(MunicipalityOwned):
    class Kind(models.TextChoices):
        CALL = "call", "telefoongesprek"
        VISIT = "visit", "huisbezoek"
        EMAIL = "email", "e-mail"
        LETTER = "letter", "brief"
        MESSAGE = "message", "bericht"
        NOTE = "note", "notitie"

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField("soort", max_length=7, choices=Kind.choices, default=Kind.NOTE)
    happened_at = models.DateTimeField("wanneer")
    text = models.TextField("wat")
    # The record it belongs to ("intake.request:12"), without this app depending on that one.
    reference = models.CharField("hoort bij", max_length=60, blank=True)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name="corrigeert",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("vastgelegd")

    class Meta:
        verbose_name = "contact of notitie"
        verbose_name_plural = "tijdlijn"
        indexes = [models.Index(fields=["household", "-happened_at"], name="timeline_household")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.happened_at:%d-%m-%Y}"


class Attachment(models.Model):
    entry = models.ForeignKey(TimelineEntry, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(storage=_documents, upload_to="%Y/%m/")
    original_name = models.CharField("bestandsnaam", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"

    def __str__(self):
        return self.original_name
