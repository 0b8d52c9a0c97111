"""``stuurman demo``: load Regio Voorbeeld and generate synthetic households."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from stuurman.accounts.models import User
from stuurman.demo import loader
from stuurman.demo.generator import generate_households
from stuurman.monitoring.refresh import refresh
from stuurman.tenancy.models import Region

FIRST_LOAD_HOUSEHOLDS = 200


class Command(BaseCommand):
    help = (
        "Load the demo region (Regio Voorbeeld) with its demo users and the De Vries household, "
        f"plus {FIRST_LOAD_HOUSEHOLDS} generated households. --households N generates N more."
    )

    def add_arguments(self, parser):
        parser.add_argument("--households", type=int, help="generate this many more households")
        parser.add_argument("--seed", type=int, default=2026, help="seed for generated households")
        parser.add_argument("--if-empty", action="store_true", help="do nothing when any region exists")
        parser.add_argument("--show-logins", action="store_true", help="only print the demo logins")
        parser.add_argument(
            "--allow-production", action="store_true", help="load demo users even in the production profile"
        )

    def handle(self, *args, households, seed, if_empty, show_logins, allow_production, **options):
        if show_logins:
            self._print_logins()
            return
        if settings.PROFILE == "production" and not allow_production:
            raise CommandError(
                "The demo has users with a published password; refusing in production (--allow-production)."
            )
        if households is not None and households < 0:
            raise CommandError("--households must be 0 or more.")
        if if_empty and Region.objects.exists():
            return
        if not loader.is_loaded():
            loader.load_region(timezone.localdate())
            self.stdout.write(self.style.SUCCESS("Loaded Regio Voorbeeld with the De Vries household."))
            if households is None:
                households = FIRST_LOAD_HOUSEHOLDS
        if households:
            made = generate_households(households, seed=seed, progress=options["verbosity"] > 0)
            self.stdout.write(self.style.SUCCESS(f"Generated {made} households."))
            # The monitor shows the new households at once instead of after the next nightly run.
            run = refresh(trigger="stuurman demo")
            self.stdout.write(self.style.SUCCESS(f"Computed the monitor ({run.seconds} s)."))

    def _print_logins(self):
        users = {user.username: user for user in User.objects.filter(username__in=_demo_usernames())}
        if not users:
            return
        self.stdout.write(f"Demo logins (password for all: {loader.DEMO_PASSWORD}):")
        for username, role_slug, *_ in loader.DEMO_USERS:
            user = users.get(username)
            if user is not None:
                label = "Inwoner" if role_slug is None else user.primary_role.name
                self.stdout.write(f"  {label:<24} {username}")


def _demo_usernames() -> list[str]:
    return [username for username, *_ in loader.DEMO_USERS]
