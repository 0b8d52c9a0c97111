"""Where the network's dots go in the circles drawing: pure geometry, no Django.

Ring 0 is the household in the centre; rings 1-5 are the kringenmodel circles. Members of a ring are
spread evenly around it, each ring turned a little so labels of neighbouring rings do not line up.
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


def ring_radius(ring: int) -> float:
    return CENTRE_RADIUS + ring * RING_GAP


def rings(names: dict[int, str]) -> list[Ring]:
    return [Ring(number, ring_radius(number), name) for number, name in sorted(names.items())]


def place(members: list[tuple[int, str]]) -> list[Dot]:
    """Dots for (ring, label) pairs, in the order given within each ring."""
    by_ring: dict[int, list[str]] = {}
    for ring, label in members:
        by_ring.setdefault(ring, []).append(label)
    dots = []
    for ring, labels in sorted(by_ring.items()):
        radius = ring_radius(ring) - RING_GAP / 2
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
