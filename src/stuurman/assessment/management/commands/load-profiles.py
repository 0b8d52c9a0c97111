"""``stuurman load-profiles FILE [--activate]``: load a versioned set of client-profile rules."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from stuurman.assessment.loading import load_profiles


class Command(BaseCommand):
    help = "Load client-profile rules from a 'stuurman-profiles/1' JSON file (see the operator's guide)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--activate", action="store_true", help="use this set from now on")

    def handle(self, *args, file, activate, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
            rule_set = load_profiles(data, activate=activate)
        except (OSError, json.JSONDecodeError) as error:
            raise CommandError(f"{file} is geen leesbaar JSON-bestand: {error}") from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        state = "in gebruik" if rule_set.active else "geladen, niet in gebruik"
        self.stdout.write(self.style.SUCCESS(f"{rule_set}: {len(data['profiles'])} profielen, {state}."))
