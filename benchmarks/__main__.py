"""`python -m benchmarks [name ...]`: migrate the configured database, run benchmarks, store figures."""

import argparse
import os
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--output", type=Path, default=Path("var/bench/latest.json"))
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stuurman.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from . import (  # noqa: F401  (they register their benchmarks)
        bench_catalog,
        bench_demo,
        bench_intake,
        bench_monitoring,
        bench_plans,
        bench_privacy,
    )
    from .harness import run

    run(args.names, args.output)


main()
