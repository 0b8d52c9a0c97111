"""``stuurman follow-up``: the daily run for plans (cron, once a night).

Raises the date-driven follow-up signals of every open plan (a contribution ended without a
replacement, a review overdue; plans/follow_up_signals.py) and feeds the learning assortment with the
tailored solutions of every municipality (plans/learning.py). Running it twice raises nothing twice.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from stuurman.plans import follow_up_signals, learning


class Command(BaseCommand):
    help = "Signalen voor de opvolging van plannen en voorstellen voor het aanbod (dagelijks, cron)."

    def add_arguments(self, parser):
        parser.add_argument("--datum", help="Rekenen alsof het deze dag is (JJJJ-MM-DD); standaard vandaag.")

    def handle(self, *args, **options):
        today = None
        if options["datum"]:
            try:
                today = date.fromisoformat(options["datum"])
            except ValueError:
                raise CommandError(
                    f"'{options['datum']}' is geen datum; schrijf bijvoorbeeld 2026-03-01."
                ) from None
        raised = follow_up_signals.check_all(today)
        proposed = learning.feed_all()
        self.stdout.write(
            f"{raised} nieuwe signalen voor de opvolging; {proposed} nieuwe voorstellen voor het aanbod."
        )
