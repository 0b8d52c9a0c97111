"""Small-cell suppression: every count under ten is hidden, and no hidden value can be worked out by
subtracting what is shown, step by step, over rows, columns, area trees and other totals (ADR 0012)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from stuurman.monitoring.suppression import THRESHOLD, derivable, protect


def table(values: list[list[int]]):
    """A table with row totals, column totals and a grand total, as cells and relations."""
    cells, relations = {}, []
    rows, columns = len(values), len(values[0])
    for r in range(rows):
        for c in range(columns):
            cells[(r, c)] = values[r][c]
        cells[(r, "total")] = sum(values[r])
        relations.append(((r, "total"), tuple((r, c) for c in range(columns))))
    for c in range(columns):
        cells[("total", c)] = sum(values[r][c] for r in range(rows))
        relations.append((("total", c), tuple((r, c) for r in range(rows))))
    cells[("total", "total")] = sum(map(sum, values))
    relations.append((("total", "total"), tuple(("total", c) for c in range(columns))))
    relations.append((("total", "total"), tuple((r, "total") for r in range(rows))))
    return cells, relations


def assert_protected(cells, relations, hidden, implicit=frozenset()):
    assert {key for key, count in cells.items() if count < THRESHOLD and key not in implicit} <= hidden
    leaked = derivable(cells, relations, hidden, implicit=implicit)
    secret = {key for key in leaked if key in hidden or cells[key] < THRESHOLD}
    assert not secret, f"worked out by subtraction: {sorted(secret, key=str)}"


def test_a_nine_in_a_row_with_a_total_hides_the_next_smallest_too():
    cells = {"a": 9, "b": 40, "c": 25, "total": 74}
    relations = [("total", ("a", "b", "c"))]
    hidden = protect(cells, relations)
    assert hidden == {"a", "c"}, "the nine, and the smallest other part; the total stays"
    assert_protected(cells, relations, hidden)


def test_a_table_with_margins():
    cells, relations = table([[9, 40, 31], [22, 18, 60], [35, 12, 44]])
    hidden = protect(cells, relations)
    assert (0, 0) in hidden
    assert_protected(cells, relations, hidden)


def test_a_hidden_wijk_is_not_given_away_by_its_kern_and_its_sibling():
    # kern = wijk1 + wijk2: on separate pages, but the same subtraction.
    cells = {"kern": 60, "wijk1": 7, "wijk2": 53, "municipality": 200, "kern2": 140}
    relations = [("kern", ("wijk1", "wijk2")), ("municipality", ("kern", "kern2"))]
    hidden = protect(cells, relations)
    assert "wijk1" in hidden
    assert "wijk2" in hidden or "kern" in hidden
    assert_protected(cells, relations, hidden)


def test_a_derivable_complement_is_protected_when_it_is_small():
    # All plans shown and the integrated ones shown: the others (implicit) would be 4.
    cells = {"plans": 50, "integrated": 46, "others": 4}
    relations = [("plans", ("integrated", "others"))]
    hidden = protect(cells, relations, implicit={"others"})
    assert hidden & {"plans", "integrated"}
    assert_protected(cells, relations, hidden, implicit={"others"})


def test_known_cells_are_never_hidden_and_do_not_count_as_protection():
    # A remainder (households without an area) may be known to anyone: it is never hidden, so a
    # hidden wijk next to it needs another hidden cell.
    cells = {"kern": 60, "wijk1": 7, "remainder": 53}
    relations = [("kern", ("wijk1", "remainder"))]
    hidden = protect(cells, relations, known={"remainder"})
    assert hidden == {"wijk1", "kern"}


def test_large_cells_alone_are_shown():
    cells, relations = table([[40, 31], [22, 60]])
    assert protect(cells, relations) == set()


counts = st.integers(min_value=0, max_value=80)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda cols: st.lists(st.lists(counts, min_size=cols, max_size=cols), min_size=1, max_size=5)
    )
)
def test_no_hidden_value_can_be_derived_in_any_table(values):
    cells, relations = table(values)
    hidden = protect(cells, relations)
    assert_protected(cells, relations, hidden)


@st.composite
def trees(draw):
    """A region of municipalities of kernen of wijken, each with a few categories and a total, over
    two half-years and their year: the linked tables of one indicator."""
    shape = draw(st.lists(st.lists(st.integers(1, 3), min_size=1, max_size=3), min_size=1, max_size=3))
    categories = draw(st.integers(1, 3))
    cells, relations = {}, []
    leaves = {}
    for m, kernen in enumerate(shape):
        for k, wijken in enumerate(kernen):
            for w in range(wijken):
                for half in ("h1", "h2"):
                    leaves[(half, f"w{m}.{k}.{w}")] = [draw(counts) for _ in range(categories)]
    areas = {}
    for m, kernen in enumerate(shape):
        areas[f"m{m}"] = [f"k{m}.{k}" for k in range(len(kernen))]
        for k, wijken in enumerate(kernen):
            areas[f"k{m}.{k}"] = [f"w{m}.{k}.{w}" for w in range(wijken)]
    areas["r"] = [f"m{m}" for m in range(len(shape))]

    def value(half, area, category):
        if area in areas:
            return sum(value(half, child, category) for child in areas[area])
        if half == "year":
            return value("h1", area, category) + value("h2", area, category)
        return leaves[(half, area)][category]

    every_area = [*areas, *(a for (_h, a) in leaves)]
    for half in ("h1", "h2", "year"):
        for area in set(every_area):
            for category in range(categories):
                cells[(half, area, category)] = value(half, area, category)
            cells[(half, area, "total")] = sum(cells[(half, area, c)] for c in range(categories))
            relations.append(((half, area, "total"), tuple((half, area, c) for c in range(categories))))
            for key in [*range(categories), "total"]:
                if area in areas:
                    relations.append(((half, area, key), tuple((half, child, key) for child in areas[area])))
                if half == "year":
                    relations.append((("year", area, key), (("h1", area, key), ("h2", area, key)), True))
    return cells, relations


@settings(max_examples=150, deadline=None)
@given(trees())
def test_no_hidden_value_can_be_derived_across_areas_and_periods(system):
    cells, relations = system
    hidden = protect(cells, relations)
    assert_protected(cells, relations, hidden)


def test_a_small_half_year_hides_the_year_rather_than_the_other_half_year():
    # The monitor reports half-years; of a year and its other half, the year goes.
    cells = {"year": 60, "h1": 7, "h2": 53}
    hidden = protect(cells, [("year", ("h1", "h2"), True)])
    assert hidden == {"h1", "year"}
    assert protect(cells, [("year", ("h1", "h2"))]) == {"h1", "h2"}, "elsewhere the smallest part goes"
