"""``stuurman refresh-monitor``: compute the monitor anew, after the nightly run (operator's guide)."""

from django.core.management.base import BaseCommand, CommandError

from stuurman.monitoring.refresh import RefreshBusy, refresh


class Command(BaseCommand):
    help = "Compute every indicator per period, area and law, suppress small cells, and make it current."

    def add_arguments(self, parser):
        parser.add_argument(
            "--by", default="", help="who asked for it (the monitor's button passes the user)"
        )
        parser.add_argument("--trigger", default="stuurman refresh-monitor", help="why it runs")

    def handle(self, *args, by, trigger, **options):
        try:
            run = refresh(trigger=trigger, by=by)
        except RefreshBusy as busy:
            raise CommandError(str(busy)) from None
        periods = len(run.periods)
        self.stdout.write(
            self.style.SUCCESS(
                f"Monitor ververst: {run.cell_count} cellen, {periods} perioden, {run.seconds} s."
            )
        )
