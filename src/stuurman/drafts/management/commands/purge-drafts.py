"""``stuurman purge-drafts``: delete drafts older than the retention period (run it daily from cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from stuurman.drafts.services import purge


class Command(BaseCommand):
    help = "Delete drafts older than STUURMAN_DRAFT_RETENTION_DAYS (default 14)."

    def handle(self, *args, **options):
        deleted = purge()
        days = settings.DRAFT_RETENTION_DAYS
        self.stdout.write(f"{deleted} concept(en) verwijderd die ouder waren dan {days} dagen.")
