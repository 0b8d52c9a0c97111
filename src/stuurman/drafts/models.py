"""A draft: what one user typed into one form page, kept until they save it, throw it away, or it
expires. It holds personal data, so it belongs to a household (its fate follows the file) and only its
author ever reads it."""

from datetime import UTC

from django.conf import settings
from django.db import models
from django.utils import timezone

from stuurman.people.models import Household
from stuurman.tenancy.models import MunicipalityOwned


class Draft(MunicipalityOwned):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    # The form page's path: a form posts its draft to the page it lives on, so the path names it.
    key = models.CharField("formulier", max_length=300)
    # The posted form as {name: [values]}: the same shape as QueryDict.lists(), so multi-value
    # fields (checkbox lists, multiple selects) come back as they went in.
    data = models.JSONField("inhoud", default=dict)
    saved_at = models.DateTimeField("opgeslagen", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "concept"
        verbose_name_plural = "concepten"
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="draft_one_per_user_and_form")]

    def __str__(self):
        return f"Concept {self.key}"

    @property
    def saved_at_iso(self) -> str:
        """One spelling for the page and the save answer, so the browser can compare them as text."""
        return self.saved_at.astimezone(UTC).isoformat(timespec="microseconds")
