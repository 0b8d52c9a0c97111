"""``stuurman refresh-monitor``: compute the monitor anew, after the nightly run (operator's guide)."""

from django.core.management.base import BaseCommand, CommandError

from stuurman.monitoring.refresh import RefreshBusy, refresh


class Command(BaseCommand):
    help = "Compute every indicator per period, area and law, suppress small cells, and make it current."

    def handle(self, *args, **options):
        try:
            run = refresh(trigger="stuurman refresh-monitor", by="")
        except RefreshBusy as busy:
            raise CommandError(str(busy)) from None
        periods = len(run.periods)
        self.stdout.write(
            self.style.SUCCESS(
                f"Monitor ververst: {run.cell_count} cellen, {periods} perioden, {run.seconds} s."
            )
        )
