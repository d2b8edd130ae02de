from __future__ import annotations

import random
from fractions import Fraction

import pytest

from workwell.domain.small_numbers import SuppressedTable, suppress_table

Counts = dict[tuple[str, str], int]
# Names a published value: ("cell", row, column), ("row", row), ("column", column) or ("total",).
Label = tuple[str, ...]
Labelled = tuple[Label, int | None]


def labelled_lines_of(table: SuppressedTable) -> list[list[Labelled]]:
    """Every set of published values that sums to its last one: each row with its total,
    each column with its total, and the row and column totals with the grand total."""

    def cell(row: str, column: str) -> Labelled:
        return ("cell", row, column), table.cells[row, column]

    row_totals = [(("row", row), table.row_totals[row]) for row in table.rows]
    column_totals = [(("column", column), table.column_totals[column]) for column in table.columns]
    grand_total: Labelled = (("total",), table.total)
    lines = [
        [*(cell(row, column) for column in table.columns), row_total]
        for row, row_total in zip(table.rows, row_totals, strict=True)
    ]
    lines += [
        [*(cell(row, column) for row in table.rows), column_total]
        for column, column_total in zip(table.columns, column_totals, strict=True)
    ]
    lines.append([*row_totals, grand_total])
    lines.append([*column_totals, grand_total])
    return lines


def lines_of(table: SuppressedTable) -> list[list[int | None]]:
    return [[value for _, value in line] for line in labelled_lines_of(table)]


def rank(matrix: list[list[Fraction]]) -> int:
    """Rank by plain Gaussian elimination over the rationals."""
    rows = [list(row) for row in matrix]
    found = 0
    for column in range(len(rows[0]) if rows else 0):
        pivot = next((i for i in range(found, len(rows)) if rows[i][column] != 0), None)
        if pivot is None:
            continue
        rows[found], rows[pivot] = rows[pivot], rows[found]
        for i in range(found + 1, len(rows)):
            factor = rows[i][column] / rows[found][column]
            rows[i] = [a - factor * b for a, b in zip(rows[i], rows[found], strict=True)]
        found += 1
    return found


def determined_hidden_values(table: SuppressedTable) -> list[Label]:
    """Hidden values that some combination of the published lines gives exactly.

    Each line says: hidden addends - hidden total = shown total - shown addends. A hidden
    x is determined iff adding the equation x = c to the coefficients does not raise their
    rank, i.e. iff x = c already follows from them."""
    lines = labelled_lines_of(table)
    hidden = sorted({label for line in lines for label, value in line if value is None})
    coefficients = []
    for *addends, (total, total_value) in lines:
        equation = [Fraction(0)] * len(hidden)
        for label, value in addends:
            if value is None:
                equation[hidden.index(label)] += 1
        if total_value is None:
            equation[hidden.index(total)] -= 1
        if any(equation):
            coefficients.append(equation)
    base = rank(coefficients)
    return [
        label
        for i, label in enumerate(hidden)
        if rank([*coefficients, [Fraction(int(j == i)) for j in range(len(hidden))]]) == base
    ]


def lone_hidden_lines(table: SuppressedTable) -> list[list[int | None]]:
    """Lines whose single hidden value is the total minus the shown values."""
    return [line for line in lines_of(table) if line.count(None) == 1]


def test_a_unit_with_one_case_is_hidden_with_complementary_cells() -> None:
    rows = ["north", "south"]
    columns = ["harassment", "violence", "other"]
    counts = {
        ("north", "harassment"): 1,
        ("north", "violence"): 20,
        ("north", "other"): 8,
        ("south", "harassment"): 10,
        ("south", "violence"): 30,
        ("south", "other"): 40,
    }

    table = suppress_table(counts, rows, columns, minimum=5)

    # The lone case goes with the smallest other case of its row (8), and each column then
    # needs a second hidden cell, which closes the rectangle.
    assert dict(table.cells) == {
        ("north", "harassment"): None,
        ("north", "violence"): 20,
        ("north", "other"): None,
        ("south", "harassment"): None,
        ("south", "violence"): 30,
        ("south", "other"): None,
    }
    assert dict(table.row_totals) == {"north": 29, "south": 80}
    assert dict(table.column_totals) == {"harassment": 11, "violence": 50, "other": 48}
    assert table.total == 109
    assert lone_hidden_lines(table) == []


def test_a_value_recoverable_only_by_combining_lines_is_hidden_further() -> None:
    rows = ["north", "south", "west"]
    columns = ["harassment", "violence", "other"]
    counts = {
        ("north", "harassment"): 1,
        ("north", "violence"): 8,
        ("south", "violence"): 3,
        ("west", "harassment"): 6,
        ("west", "violence"): 10,
        ("west", "other"): 2,
    }
    # What the line rule alone publishes: no line has a lone hidden value, yet the column
    # totals give harassment + other = 30 - 21 = 9, those columns give harassment + other
    # = north/harassment + west/harassment + west/other, and the west row gives
    # west/harassment + west/other = 18 - 10 = 8, so north/harassment = 9 - 8 = 1.
    line_rule_only = SuppressedTable(
        rows=tuple(rows),
        columns=tuple(columns),
        cells={
            ("north", "harassment"): None,
            ("north", "violence"): None,
            ("north", "other"): 0,
            ("south", "harassment"): 0,
            ("south", "violence"): None,
            ("south", "other"): 0,
            ("west", "harassment"): None,
            ("west", "violence"): 10,
            ("west", "other"): None,
        },
        row_totals={"north": None, "south": None, "west": 18},
        column_totals={"harassment": None, "violence": 21, "other": None},
        total=30,
    )
    assert lone_hidden_lines(line_rule_only) == []
    assert determined_hidden_values(line_rule_only) == [("cell", "north", "harassment")]

    table = suppress_table(counts, rows, columns, minimum=4)

    # The only shown values in the lines through north/harassment are zeros; hiding the
    # first, north/other, leaves the other column's total with two unknowns again.
    assert table == SuppressedTable(
        rows=tuple(rows),
        columns=tuple(columns),
        cells={**line_rule_only.cells, ("north", "other"): None},
        row_totals=line_rule_only.row_totals,
        column_totals=line_rule_only.column_totals,
        total=30,
    )
    assert lone_hidden_lines(table) == []
    assert determined_hidden_values(table) == []


def test_large_counts_and_zeros_are_published_untouched() -> None:
    counts = {("north", "harassment"): 12, ("north", "violence"): 0, ("south", "harassment"): 7}

    table = suppress_table(counts, ["north", "south"], ["harassment", "violence"], minimum=5)

    assert table == SuppressedTable(
        rows=("north", "south"),
        columns=("harassment", "violence"),
        cells={
            ("north", "harassment"): 12,
            ("north", "violence"): 0,
            ("south", "harassment"): 7,
            ("south", "violence"): 0,
        },
        row_totals={"north": 12, "south": 7},
        column_totals={"harassment": 19, "violence": 0},
        total=19,
    )


def test_a_small_total_is_hidden_even_when_each_cell_alone_would_be_too() -> None:
    counts = {("north", "harassment"): 2, ("south", "harassment"): 1, ("north", "violence"): 9}

    table = suppress_table(counts, ["north", "south"], ["harassment", "violence"], minimum=5)

    assert table.column_totals["harassment"] is None
    assert table.row_totals["south"] is None
    assert table.cells["north", "harassment"] is None
    assert table.cells["south", "harassment"] is None
    assert lone_hidden_lines(table) == []


def test_a_single_small_cell_hides_every_total_it_makes() -> None:
    table = suppress_table({("north", "harassment"): 3}, ["north"], ["harassment"], minimum=5)

    assert dict(table.cells) == {("north", "harassment"): None}
    assert dict(table.row_totals) == {"north": None}
    assert dict(table.column_totals) == {"harassment": None}
    assert table.total is None


def test_ties_go_to_the_first_in_the_order_given() -> None:
    counts = {
        ("north", "harassment"): 1,
        ("north", "violence"): 7,
        ("north", "other"): 7,
        ("south", "harassment"): 9,
        ("south", "violence"): 9,
        ("south", "other"): 9,
    }

    violence_first = suppress_table(counts, ["north", "south"], ["harassment", "violence", "other"], 5)
    other_first = suppress_table(counts, ["north", "south"], ["harassment", "other", "violence"], 5)

    assert violence_first.cells["north", "violence"] is None
    assert violence_first.cells["north", "other"] == 7
    assert other_first.cells["north", "other"] is None
    assert other_first.cells["north", "violence"] == 7


def test_partitions_without_counts_are_still_published() -> None:
    table = suppress_table({("north", "harassment"): 6}, ["north", "empty"], ["harassment", "none"], 5)

    assert table.rows == ("north", "empty")
    assert table.columns == ("harassment", "none")
    assert dict(table.cells) == {
        ("north", "harassment"): 6,
        ("north", "none"): 0,
        ("empty", "harassment"): 0,
        ("empty", "none"): 0,
    }
    assert dict(table.row_totals) == {"north": 6, "empty": 0}
    assert dict(table.column_totals) == {"harassment": 6, "none": 0}
    assert table.total == 6


def random_case(rng: random.Random) -> tuple[Counts, list[str], list[str], int]:
    rows = [f"r{i}" for i in range(rng.randint(1, 5))]
    columns = [f"c{j}" for j in range(rng.randint(1, 5))]
    # Zeros are common in real partitions; leave some pairs out to count as zero too.
    counts = {(row, column): rng.randint(0, 12) for row in rows for column in columns if rng.random() < 0.8}
    return counts, rows, columns, rng.randint(3, 5)


def expected_values(
    counts: Counts, rows: list[str], columns: list[str]
) -> tuple[Counts, dict[str, int], dict[str, int], int]:
    cells = {(row, column): counts.get((row, column), 0) for row in rows for column in columns}
    row_totals = {row: sum(cells[row, column] for column in columns) for row in rows}
    column_totals = {column: sum(cells[row, column] for row in rows) for column in columns}
    return cells, row_totals, column_totals, sum(cells.values())


@pytest.mark.parametrize("seed", range(5))
def test_no_random_table_exposes_a_value_by_subtraction(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(100):
        counts, rows, columns, minimum = random_case(rng)

        table = suppress_table(counts, rows, columns, minimum)

        cells, row_totals, column_totals, total = expected_values(counts, rows, columns)
        published_and_true = [
            *((table.cells[key], value) for key, value in cells.items()),
            *((table.row_totals[row], value) for row, value in row_totals.items()),
            *((table.column_totals[column], value) for column, value in column_totals.items()),
            (table.total, total),
        ]
        context = (counts, rows, columns, minimum)
        # Every small value is hidden, and whatever is shown is the true count.
        assert all(shown is None for shown, value in published_and_true if 0 < value < minimum), context
        assert all(shown in (None, value) for shown, value in published_and_true), context
        # Every line hides none or at least two, so no hidden value is a simple difference.
        assert all(line.count(None) != 1 for line in lines_of(table)), context
        # Nor does any combination of lines give a hidden value.
        assert determined_hidden_values(table) == [], context
        # Nothing is hidden for its own sake: without a small value the table is whole.
        if not any(0 < value < minimum for _, value in published_and_true):
            assert all(shown is not None for shown, _ in published_and_true), context


def test_random_tables_do_get_complementary_suppression() -> None:
    """Guards the invariant test against passing vacuously."""
    rng = random.Random(42)
    complemented = 0
    for _ in range(200):
        counts, rows, columns, minimum = random_case(rng)
        table = suppress_table(counts, rows, columns, minimum)
        cells, _, _, _ = expected_values(counts, rows, columns)
        complemented += any(table.cells[key] is None and value >= minimum for key, value in cells.items())

    assert complemented > 20


def test_a_long_table_with_a_few_small_cells_hides_little_and_exposes_nothing() -> None:
    rows = [f"unit {i:03}" for i in range(200)]
    columns = [f"category {j}" for j in range(6)]
    counts = {
        (row, column): 10 + (7 * i + 3 * j) % 40
        for i, row in enumerate(rows)
        for j, column in enumerate(columns)
    }
    small = {
        ("unit 017", "category 2"): 1,
        ("unit 017", "category 4"): 3,
        ("unit 088", "category 0"): 2,
        ("unit 150", "category 5"): 4,
        ("unit 199", "category 1"): 1,
    }
    counts.update(small)

    table = suppress_table(counts, rows, columns, minimum=5)

    assert all(table.cells[key] is None for key in small)
    assert all(table.cells[key] in (None, value) for key, value in counts.items())
    assert lone_hidden_lines(table) == []
    assert determined_hidden_values(table) == []
    # A handful of small cells hides a handful of values, not the table.
    assert sum(value is None for value in table.cells.values()) < 20
    assert table.total == sum(counts.values())


@pytest.mark.parametrize(
    ("counts", "rows", "columns", "minimum"),
    [
        pytest.param({("north", "harassment"): -1}, ["north"], ["harassment"], 5, id="negative count"),
        pytest.param({("west", "harassment"): 6}, ["north"], ["harassment"], 5, id="unknown row"),
        pytest.param({("north", "theft"): 6}, ["north"], ["harassment"], 5, id="unknown column"),
        pytest.param({("north", "harassment"): 6}, ["north"], ["harassment"], 0, id="minimum below one"),
        pytest.param({}, ["north", "north"], ["harassment"], 5, id="duplicate row"),
        pytest.param({}, ["north"], ["harassment", "harassment"], 5, id="duplicate column"),
    ],
)
def test_invalid_input_is_refused(counts: Counts, rows: list[str], columns: list[str], minimum: int) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message varies with the input
        suppress_table(counts, rows, columns, minimum)
