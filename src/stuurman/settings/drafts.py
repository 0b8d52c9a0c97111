"""Drafts saved as you type (stuurman.drafts): how long one is kept and how large it may be.

A draft holds personal data that was never meant to be kept: it must not outlive the work it is for.
"""

from django.core.exceptions import ImproperlyConfigured

from . import env

DRAFT_RETENTION_DAYS = env.integer("STUURMAN_DRAFT_RETENTION_DAYS", 14)
if DRAFT_RETENTION_DAYS < 1:
    raise ImproperlyConfigured(
        f"STUURMAN_DRAFT_RETENTION_DAYS is '{DRAFT_RETENTION_DAYS}', but must be at least 1 (days)."
    )
DRAFT_MAX_BYTES = env.integer("STUURMAN_DRAFT_MAX_BYTES", 200_000)
