"""A small registry and runner: each benchmark returns its figures, the runner prints and stores them."""

import json
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

Figures = dict[str, float | int]


@dataclass(frozen=True)
class Benchmark:
    name: str
    headline: str  # the figure shown first in the table
    run: Callable[[], Figures]


BENCHMARKS: dict[str, Benchmark] = {}


def benchmark(name: str, *, headline: str):
    """Register a function returning a dict of figures; ``headline`` names the one that matters most."""

    def register(function: Callable[[], Figures]) -> Callable[[], Figures]:
        BENCHMARKS[name] = Benchmark(name, headline, function)
        return function

    return register


def run(names: list[str], output: Path) -> dict[str, Figures]:
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        raise SystemExit(
            f"Unknown benchmark(s): {', '.join(unknown)}. Known: {', '.join(sorted(BENCHMARKS))}."
        )
    results: dict[str, Figures] = {}
    for name in names or list(BENCHMARKS):
        started = time.perf_counter()
        figures = BENCHMARKS[name].run()
        figures.setdefault("wall_seconds", round(time.perf_counter() - started, 2))
        results[name] = figures
    _print_table(results)
    _write(results, output)
    return results


def _print_table(results: dict[str, Figures]) -> None:
    rows = [
        (name, BENCHMARKS[name].headline, figures[BENCHMARKS[name].headline], _details(figures, name))
        for name, figures in results.items()
    ]
    widths = [
        max(len(str(row[i])) for row in [("benchmark", "figure", "value", ""), *rows]) for i in range(3)
    ]
    header = ("benchmark", "figure", "value", "details")
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row[:3], widths, strict=True)), row[3])


def _details(figures: Figures, name: str) -> str:
    return ", ".join(f"{key}={value}" for key, value in figures.items() if key != BENCHMARKS[name].headline)


def _write(results: dict[str, Figures], output: Path) -> None:
    from django.db import connection

    output.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "python": sys.version.split()[0],
        "machine": platform.machine(),
    }
    output.write_text(json.dumps({"_meta": meta, **results}, indent=2) + "\n")
    print(f"Wrote {output}")
