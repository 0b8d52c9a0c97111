"""Where the dots go in a circles drawing around a household: pure geometry, no Django.

Ring 0 is the household in the centre. The network drawing has the five kringenmodel circles; the plan
drawing has its seven tiers (plans), with narrower rings (``gap_for``). Members of a ring are spread
evenly around it, each ring turned a little so labels of neighbouring rings do not line up.
"""

import math
from dataclasses import dataclass

SIZE = 640
CENTRE = SIZE / 2
RING_GAP = 52
CENTRE_RADIUS = 56
# Room around the outer ring for labels of dots near the edge.
MARGIN = 100
VIEW_BOX = f"{-MARGIN} {-MARGIN // 4} {SIZE + 2 * MARGIN} {SIZE + MARGIN // 2}"


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    label: str
    ring: int

    @property
    def label_y(self) -> float:
        return round(self.y - 12, 1)


@dataclass(frozen=True)
class Ring:
    number: int
    radius: float
    name: str


def gap_for(count: int) -> float:
    """The width of each ring when ``count`` rings must fit the drawing."""
    return round((CENTRE - CENTRE_RADIUS) / count, 1)


def ring_radius(ring: int, gap: float = RING_GAP) -> float:
    return CENTRE_RADIUS + ring * gap


def rings(names: dict[int, str], gap: float = RING_GAP) -> list[Ring]:
    return [Ring(number, ring_radius(number, gap), name) for number, name in sorted(names.items())]


def place(members: list[tuple[int, str]], gap: float = RING_GAP) -> list[Dot]:
    """Dots for (ring, label) pairs, in the order given within each ring."""
    by_ring: dict[int, list[str]] = {}
    for ring, label in members:
        by_ring.setdefault(ring, []).append(label)
    dots = []
    for ring, labels in sorted(by_ring.items()):
        radius = ring_radius(ring, gap) - gap / 2
        turn = ring * 0.6  # radians; keeps rings from lining up their first dots
        for index, label in enumerate(labels):
            angle = turn + 2 * math.pi * index / len(labels)
            dots.append(
                Dot(
                    round(CENTRE + radius * math.cos(angle), 1),
                    round(CENTRE + radius * math.sin(angle), 1),
                    label,
                    ring,
                )
            )
    return dots


def drawing(centre_label: str, names: dict[int, str], members: list[tuple[int, str]], gap=RING_GAP) -> dict:
    """Everything files/_circles.html draws: the rings outermost first (so inner ones paint on top)."""
    return {
        "view_box": VIEW_BOX,
        "centre": CENTRE,
        "centre_radius": CENTRE_RADIUS,
        "rings": list(reversed(rings(names, gap))),
        "dots": place(members, gap),
        "centre_label": centre_label,
    }
