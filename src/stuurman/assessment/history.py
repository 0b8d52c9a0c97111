"""A person's ZRM moments lined up across instrument versions, and two moments compared per domain.

Pure: plain data in, plain data out; no Django. A domain of a newer version that `continues` one of an
older version is the same life domain under another name (2010 Inkomen → 2017 Financiën). A domain
that was split (ADL into Basale and Instrumentele ADL) or is new has no continuation: it is not
compared with anything (instruments.md: no mechanical mapping), and it says so. Never a total or an
average: every domain is reported on its own.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from .classify import compare

IMPROVED = "verbeterd"
STABLE = "gelijk"
DECLINED = "verslechterd"
NOT_ASSESSED = "niet beoordeeld"
NOT_COMPARABLE = "niet te vergelijken: leefgebied gesplitst of nieuw"
CHANGES = (IMPROVED, STABLE, DECLINED, NOT_ASSESSED, NOT_COMPARABLE)

DomainKey = tuple[Hashable, str]  # (version, code)


@dataclass(frozen=True)
class DomainInfo:
    code: str
    name: str
    order: int
    continues: DomainKey | None = None  # the older version's domain this one carries on
    sensitive: bool = False


@dataclass(frozen=True)
class VersionInfo:
    key: Hashable  # e.g. "2017"
    domains: Sequence[DomainInfo]


@dataclass(frozen=True)
class Moment:
    key: Hashable  # e.g. the assessment's id
    on: date
    version: Hashable
    scores: Mapping[str, int | None]  # the domains chosen then; None: niet beoordeeld


class Lineage:
    """Which domains of which versions are one life domain ("line"), and one order for all lines.

    ``versions`` come oldest first. A domain joins its predecessor's line only when it is that
    predecessor's one and only continuation; when two domains continue the same one, that is a split
    and each starts a line of its own.
    """

    def __init__(self, versions: Sequence[VersionInfo]):
        self._domains: dict[DomainKey, DomainInfo] = {}
        self._rank = {version.key: rank for rank, version in enumerate(versions)}
        successors: dict[DomainKey, list[DomainKey]] = {}
        for version in versions:
            for domain in version.domains:
                key = (version.key, domain.code)
                self._domains[key] = domain
                if domain.continues is not None:
                    successors.setdefault(domain.continues, []).append(key)
        self._line: dict[DomainKey, DomainKey] = {}
        for key in self._domains:
            self._line[key] = self._root(key, successors)
        self._order = self._merge_order(versions)

    def _root(self, key: DomainKey, successors) -> DomainKey:
        seen = {key}
        while True:
            previous = self._domains[key].continues
            if previous is None or previous not in self._domains or len(successors[previous]) != 1:
                return key
            if previous in seen:  # a cycle in bad data: stop rather than loop
                return key
            seen.add(previous)
            key = previous

    def _merge_order(self, versions: Sequence[VersionInfo]) -> dict[DomainKey, int]:
        """The newest version's order; a line only older versions have goes right after the line that
        precedes it there (2013 ADL after Middelengebruik, before Basale ADL)."""
        merged: list[DomainKey] = []
        for version in reversed(versions):
            previous = None
            for domain in sorted(version.domains, key=lambda d: d.order):
                line = self._line[(version.key, domain.code)]
                if line in merged:
                    previous = line
                    continue
                at = merged.index(previous) + 1 if previous is not None else 0
                merged.insert(at, line)
                previous = line
        return {line: position for position, line in enumerate(merged)}

    def domain(self, version: Hashable, code: str) -> DomainInfo:
        return self._domains[(version, code)]

    def codes(self, version: Hashable) -> list[str]:
        return [code for (key, code) in self._domains if key == version]

    def line(self, version: Hashable, code: str) -> DomainKey:
        return self._line[(version, code)]

    def position(self, line: DomainKey) -> int:
        return self._order[line]

    def rank(self, version: Hashable) -> int:
        """0 for the oldest version."""
        return self._rank[version]

    def counterpart(self, code: str, version: Hashable, other_version: Hashable) -> str | None:
        """The code of the same life domain in ``other_version``; None when it was split or is new."""
        line = self.line(version, code)
        for (candidate_version, candidate_code), candidate_line in self._line.items():
            if candidate_version == other_version and candidate_line == line:
                return candidate_code
        return None


@dataclass(frozen=True)
class Row:
    """One life domain in a comparison of two moments."""

    name: str  # as the later moment's version calls it (or the earlier's, if only that has it)
    earlier_name: str  # as the earlier moment's version calls it; "" when the same or absent there
    before: int | None
    after: int | None
    before_chosen: bool  # scored at that moment at all (a score or "niet beoordeeld")
    after_chosen: bool
    change: str
    sensitive: bool = False


def ordered(first: Moment, second: Moment) -> tuple[Moment, Moment]:
    """Earlier first, whichever way round they were chosen (on the same day: as chosen)."""
    return (first, second) if first.on <= second.on else (second, first)


def compare_moments(before: Moment, after: Moment, lineage: Lineage) -> list[Row]:
    """Per life domain scored at either moment: the two scores and what changed, in instrument order."""
    cells: dict[DomainKey, dict] = {}
    for side, moment in (("before", before), ("after", after)):
        for code, score in moment.scores.items():
            line = lineage.line(moment.version, code)
            cells.setdefault(line, {})[side] = (code, score)
    pairs_before, pairs_after = {}, {}
    comparable: dict[DomainKey, bool] = {}
    for line, sides in cells.items():
        code, _ = sides.get("after") or sides["before"]
        version = after.version if "after" in sides else before.version
        other = before.version if "after" in sides else after.version
        comparable[line] = lineage.counterpart(code, version, other) is not None
        if "before" in sides and "after" in sides and None not in (sides["before"][1], sides["after"][1]):
            pairs_before[line] = sides["before"][1]
            pairs_after[line] = sides["after"][1]
    changes = compare(pairs_before, pairs_after)
    rows = []
    for line in sorted(cells, key=lineage.position):
        sides = cells[line]
        before_code, before_score = sides.get("before", (None, None))
        after_code, after_score = sides.get("after", (None, None))
        name_before = lineage.domain(before.version, before_code).name if before_code else ""
        name_after = lineage.domain(after.version, after_code).name if after_code else ""
        if line in changes:
            change = changes[line]
        elif comparable[line]:
            change = NOT_ASSESSED
        else:
            change = NOT_COMPARABLE
        shown = lineage.domain(
            *((after.version, after_code) if after_code else (before.version, before_code))
        )
        rows.append(
            Row(
                name=name_after or name_before,
                earlier_name=name_before if name_after and name_before != name_after else "",
                before=before_score,
                after=after_score,
                before_chosen=before_code is not None,
                after_chosen=after_code is not None,
                change=change,
                sensitive=shown.sensitive,
            )
        )
    return rows


@dataclass(frozen=True)
class Column:
    """One life domain in the history table, named as the newest version that was scored names it."""

    line: DomainKey
    name: str
    other_names: tuple[str, ...] = field(default=())
    sensitive: bool = False


@dataclass(frozen=True)
class HistoryRow:
    moment: Moment
    cells: tuple[tuple[bool, int | None], ...]  # per column: (chosen then, score or None)


def columns(scored: Iterable[tuple[Hashable, str]], lineage: Lineage) -> list[Column]:
    """The columns for the domains ever scored, given as (version, code)."""
    names: dict[DomainKey, list[str]] = {}
    sensitive: dict[DomainKey, bool] = {}
    for version, code in sorted(set(scored), key=lambda vc: (-lineage.rank(vc[0]), vc[1])):
        line = lineage.line(version, code)
        domain = lineage.domain(version, code)
        if domain.name not in names.setdefault(line, []):
            names[line].append(domain.name)
        sensitive[line] = sensitive.get(line, False) or domain.sensitive
    return [
        Column(line=line, name=names[line][0], other_names=tuple(names[line][1:]), sensitive=sensitive[line])
        for line in sorted(names, key=lineage.position)
    ]


def history(moments: Iterable[Moment], cols: Sequence[Column], lineage: Lineage) -> list[HistoryRow]:
    """Per moment, one cell per column: whether the domain was chosen then, and its score."""
    rows = []
    for moment in moments:
        by_line = {lineage.line(moment.version, code): score for code, score in moment.scores.items()}
        cells = tuple((column.line in by_line, by_line.get(column.line)) for column in cols)
        rows.append(HistoryRow(moment=moment, cells=cells))
    return rows


def summary(rows: Iterable[Row]) -> dict[str, int]:
    """How many domains improved, stayed, declined, ... (counts of domains, never a score total)."""
    counts = dict.fromkeys(CHANGES, 0)
    for row in rows:
        counts[row.change] += 1
    return counts
