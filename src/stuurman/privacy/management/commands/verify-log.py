"""``stuurman verify-log``: walk the access log's hash chain and name the first broken link."""

from django.core.management.base import BaseCommand, CommandError

from stuurman.privacy.chain import first_break
from stuurman.privacy.log import chain_rows


class Command(BaseCommand):
    help = "Check the access log's hash chain; exit 1 and name the first broken row when it is broken."

    def handle(self, *args, **options):
        broken, checked = first_break(chain_rows())
        if broken is not None:
            raise CommandError(
                f"Toegangslog verbroken bij regel {broken.row_id}: {broken.reason}. "
                f"({checked} regels gecontroleerd.)",
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS(f"Toegangslog intact: {checked} regels, keten ongebroken."))
