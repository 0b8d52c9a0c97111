"""``stuurman load-instrument FILE``: load an instrument version, e.g. a licensed official ZRM text set."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from stuurman.assessment.loading import load_file


class Command(BaseCommand):
    help = "Load an instrument version from a 'stuurman-instrument/1' JSON file (see the operator's guide)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--replace", action="store_true", help="replace a version that is already loaded")

    def handle(self, *args, file, replace, **options):
        try:
            version = load_file(file, replace=replace)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Geladen: {version} ({version.domains.count()} leefgebieden)."))
