"""The one write path for drafts: save, restore, discard and purge.

Drafts hold personal data (what a professional typed about a household), so: only their author reads
them, every save and discard is written to the access log, and they are purged after
``DRAFT_RETENTION_DAYS``. Restoring a draft into a page is part of that page's read, which the page
logs itself.
"""

import json
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.encoding import escape_uri_path

from stuurman.people.models import Membership
from stuurman.privacy import log
from stuurman.privacy.policy import grant_for

from .models import Draft

# Keys the server has thrown away; the next page tells the browser to drop its own copy of them.
SESSION_KEY = "stuurman_drafts_cleared"
# The field the draft status's discard button posts when the browser runs no script.
DISCARD_FIELD = "stuurman-draft"
_NOT_KEPT = {"csrfmiddlewaretoken", DISCARD_FIELD}


class DraftTooLarge(ValueError):
    def __init__(self, size: int, limit: int):
        self.size, self.limit = size, limit
        super().__init__(
            f"Het concept is te groot om op te slaan ({size // 1000} kB, hoogstens {limit // 1000} kB). "
            "Het staat nog op dit apparaat; leg het vast of maak de tekst korter."
        )


def key_for(request) -> str:
    """A form page's draft key: its path, spelled as the browser spells ``location.pathname``."""
    return escape_uri_path(request.path)


def _cutoff(now=None):
    return (now or timezone.now()) - timedelta(days=settings.DRAFT_RETENTION_DAYS)


def _members(household_id: int):
    return Membership.objects.filter(household_id=household_id, until__isnull=True).values_list(
        "person_id", flat=True
    )


def purge(now=None) -> int:
    """Delete every draft older than the retention period; returns how many."""
    deleted, _ = Draft.objects.filter(saved_at__lt=_cutoff(now)).delete()
    return deleted


def save(request, household, grant, key: str, querydict: QueryDict) -> Draft:
    """Store the posted form as the user's draft for ``key`` (one per user and form), and log it."""
    data = {name: values for name, values in querydict.lists() if name not in _NOT_KEPT}
    size = len(json.dumps(data, ensure_ascii=False).encode())
    if size > settings.DRAFT_MAX_BYTES:
        raise DraftTooLarge(size, settings.DRAFT_MAX_BYTES)
    with transaction.atomic():
        # Purging here keeps retention honest even where nobody set up the cron job.
        purge()
        draft, _ = Draft.objects.update_or_create(
            user=request.user,
            key=key,
            defaults={
                "municipality": household.municipality,
                "household": household,
                "data": data,
                "saved_at": timezone.now(),
            },
        )
        log.record(
            request,
            log.Action.UPDATE,
            purpose="Concept opgeslagen",
            persons=_members(household.pk),
            objects=[draft],
            object_type="draft",
            grant=grant,
        )
    return draft


def restore(request, form, key: str | None = None) -> Draft | None:
    """The user's live draft for this page, put into an unbound form as its initial values.

    A bound form (a POST that failed validation) keeps what was posted: that is newer than any draft.
    The returned draft says which of the two happened in ``restored``.
    """
    draft = (
        Draft.objects.filter(user=request.user, key=key or key_for(request), saved_at__gte=_cutoff())
        .only("pk", "data", "saved_at", "household_id")
        .first()
    )
    if draft is None:
        return None
    draft.restored = not form.is_bound
    if draft.restored:
        data = QueryDict(mutable=True)
        for name, values in draft.data.items():
            data.setlist(name, [str(value) for value in values])
        files = MultiValueDict()
        for name, field in form.fields.items():
            widget, html_name = field.widget, form.add_prefix(name)
            # Files are never part of a draft; an omitted text field keeps its own initial value,
            # while an unticked checkbox (omitted too, but meaningfully) is restored as unticked.
            if field.disabled or isinstance(widget, forms.FileInput):
                continue
            if widget.value_omitted_from_data(data, files, html_name):
                continue
            form.initial[name] = widget.value_from_datadict(data, files, html_name)
    return draft


def discard(request, key: str | None = None, *, grant=None) -> bool:
    """Throw away the user's draft for this page (after the form was saved, or on request).

    Also when there is none on the server: the browser may still hold a copy it could not send, and
    the next page tells it to drop that copy. Returns whether a server draft was deleted.
    """
    key = key or key_for(request)
    with transaction.atomic():
        draft = Draft.objects.filter(user=request.user, key=key).only("pk", "household_id").first()
        if draft is not None:
            draft_id, household_id = draft.pk, draft.household_id
            draft.delete()
            log.record(
                request,
                log.Action.DELETE,
                purpose="Concept verwijderd",
                persons=_members(household_id),
                objects=[draft_id],
                object_type="draft",
                grant=grant if grant is not None else grant_for(request.user, household_id),
            )
    cleared = [other for other in request.session.get(SESSION_KEY, []) if other != key]
    request.session[SESSION_KEY] = [*cleared, key][-20:]
    return draft is not None


def pop_cleared(request) -> list[str]:
    """The keys discarded since the last page, once: the page that shows them consumes them."""
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:
        return []
    return session.pop(SESSION_KEY)
