"""Small-cell suppression (ADR 0012): the one place that decides which figures policy users may see.

Any cell counting fewer than ten persons or households is hidden ("< 10"). Hiding it is not enough
when a total is published too: the hidden value would be the total minus the rest. So the cells of an
indicator are linked by *relations* (a total and the parts that add up to it: the categories of a
table, the areas of a parent area, the half-years of a year, the laws of "all laws"), and cells are
hidden until no hidden cell can be worked out by subtracting, step by step, what is shown.

The attacker we defend against takes any relation in which all members but one are known, works out
the last one, and repeats with what they learnt. ``derivable`` is that attacker; ``protect`` hides
cells until the attacker learns nothing hidden. A relation that is not an exact sum (a person counted
under two laws is one person in "all laws") is protected as if it were, which errs on the safe side.

Cells come in three sorts besides the ordinary published ones:
- *implicit*: never published but derivable by design, like the plans that are *not* integrated when
  all plans and the integrated ones are shown. Small implicit cells are protected like hidden ones.
- *known*: never hidden and assumed known to anyone (a remainder such as households without an area:
  we cannot be sure nobody knows it).
Pure: no Django.
"""

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence, Set
from dataclasses import dataclass

THRESHOLD = 10
HIDDEN_COUNT = "< 10"
HIDDEN_FIGURE = "verborgen"

# (total, parts), or (total, parts, True) when hiding the total is preferred over hiding another part
# (the year of two half-years: the half-years are what the monitor reports on).
Relation = tuple


class ProtectionError(RuntimeError):
    """A hidden cell follows from cells that can never be hidden: the relations are modelled wrongly."""


def is_small(count: int) -> bool:
    return count < THRESHOLD


@dataclass
class _System:
    cells: Mapping[Hashable, int]
    relations: Sequence[Relation]
    implicit: Set[Hashable]
    known: Set[Hashable]

    def __post_init__(self):
        self.members = [(relation[0], *relation[1]) for relation in self.relations]
        self.prefer_total = [len(relation) > 2 and relation[2] for relation in self.relations]
        self.of = defaultdict(list)
        for index, members in enumerate(self.members):
            for member in members:
                self.of[member].append(index)
        self.order = {key: position for position, key in enumerate(self.cells)}

    def unknown_counts(self, hidden: Set[Hashable]) -> list[int]:
        unknown = set(hidden) | set(self.implicit)
        return [sum(member in unknown for member in members) for members in self.members]

    def derive(self, hidden: Set[Hashable], counts: list[int] | None = None) -> dict[Hashable, int]:
        """What the attacker works out: each unknown cell they can derive, with the relation used.
        ``counts``: the unknown members per relation, when the caller keeps them up to date."""
        unknown = set(hidden) | set(self.implicit)
        remaining = list(counts) if counts is not None else self.unknown_counts(hidden)
        queue = [index for index, left in enumerate(remaining) if left == 1]
        derived: dict[Hashable, int] = {}
        while queue:
            index = queue.pop()
            if remaining[index] != 1:
                continue
            cell = next(m for m in self.members[index] if m in unknown and m not in derived)
            derived[cell] = index
            for other in self.of[cell]:
                remaining[other] -= 1
                if remaining[other] == 1:
                    queue.append(other)
        return derived

    def secret(self, cell, hidden) -> bool:
        return cell in hidden or (cell in self.implicit and is_small(self.cells[cell]))

    def shown(self, cell, hidden) -> bool:
        return cell not in hidden and cell not in self.implicit and cell not in self.known

    def next_to_hide(self, cell, derived, hidden, newly):
        """The smallest shown part of the relation that gave the cell away, else its total; when that
        relation shows nothing, break the derivation of one of its derived members instead. None when
        a cell hidden earlier in this round (``newly``) already broke the derivation."""
        seen = set()
        while cell not in seen:
            seen.add(cell)
            total, *parts = members = self.members[derived[cell]]
            if any(member in newly for member in members):
                return None
            candidates = [p for p in parts if p != cell and self.shown(p, hidden)]
            if (
                total != cell
                and self.shown(total, hidden)
                and (not candidates or self.prefer_total[derived[cell]])
            ):
                candidates = [total]
            if candidates:
                return min(candidates, key=lambda key: (self.cells[key], self.order[key]))
            upstream = [m for m in members if m != cell and m in derived]
            if not upstream:
                break
            cell = upstream[0]
        raise ProtectionError(
            f"cell {cell!r} cannot be protected: it follows from cells that are never hidden"
        )


def protect(
    cells: Mapping[Hashable, int],
    relations: Sequence[Relation],
    *,
    implicit: Set[Hashable] = frozenset(),
    known: Set[Hashable] = frozenset(),
) -> set[Hashable]:
    """The published cells to hide: the small ones, and as few more as keep them from being derived.

    ``cells`` maps every cell, implicit and known ones included, to the number of persons or
    households it counts; every member of a relation must be a cell.
    """
    # A known cell is known, whatever else it is.
    system = _System(cells, relations, frozenset(implicit) - frozenset(known), known)
    hidden = {key for key, count in cells.items() if is_small(count) and system.shown(key, ())}
    counts = system.unknown_counts(hidden)
    while True:
        derived = system.derive(hidden, counts)
        leaks = [cell for cell in derived if system.secret(cell, hidden)]  # in the order worked out
        if not leaks:
            return hidden
        secret = set(leaks)
        newly: set = set()
        for cell in leaks:
            # A leak worked out from another leak may close once that one is fixed: fix the first ones
            # now and look again, instead of hiding a larger total for each (which spreads upward).
            if any(m != cell and m in secret for m in system.members[derived[cell]]):
                continue
            more = system.next_to_hide(cell, derived, hidden, newly)
            if more is not None:
                newly.add(more)
                hidden.add(more)
                for index in system.of[more]:
                    counts[index] += 1


def derivable(
    cells: Mapping[Hashable, int],
    relations: Sequence[Relation],
    hidden: Set[Hashable],
    *,
    implicit: Set[Hashable] = frozenset(),
) -> set[Hashable]:
    """The hidden or implicit cells an attacker works out by repeated subtraction (for the tests)."""
    return set(_System(cells, relations, implicit, frozenset()).derive(hidden))


def masked(value, hidden: bool, *, count: bool = True) -> str | None:
    """How a hidden value reads: '< 10' for a count, 'verborgen' for a figure derived from one."""
    if not hidden:
        return None
    return HIDDEN_COUNT if count else HIDDEN_FIGURE
