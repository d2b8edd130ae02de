"""Small-number suppression for published statistics.

Statistics are published in fixed partitions: a table of rows x columns with row totals,
column totals and a grand total. A count below the tenant's minimum group size could point
at a person, so it is hidden (primary suppression). Every row and every column sums to its
total, so a value hidden alone could be recovered by subtraction; whenever a line has
exactly one hidden value, one more value of that line is hidden too (complementary
suppression), until no line has a lone hidden value.

Lines can also be combined: adding and subtracting several of them can pin down a hidden
value that no single line does. So once no line has a lone hidden value, the whole table is
solved exactly as a linear system (the published values are constants, the hidden ones
unknowns), and while any hidden value is determined by it, one more value next to it is
hidden. A published table therefore lets no hidden value be recovered by any combination of
its published sums. What it does not prevent, and no suppression can, is bounds from counts
being non-negative: hidden values whose sum follows from the published ones each lie
between zero and that sum, which says much when the sum is small.
Zeros are shown: a fixed partition reveals nothing by saying nobody is in it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from types import MappingProxyType


@dataclass(frozen=True)
class SuppressedTable:
    """A table ready to publish: None marks a suppressed value."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: Mapping[tuple[str, str], int | None]
    row_totals: Mapping[str, int | None]
    column_totals: Mapping[str, int | None]
    total: int | None


class _Kind(Enum):
    CELL = "cell"
    ROW_TOTAL = "row total"
    COLUMN_TOTAL = "column total"
    GRAND_TOTAL = "grand total"


@dataclass(frozen=True)
class _Position:
    """Where a published value sits; totals leave the axis they sum over empty."""

    kind: _Kind
    row: str = ""
    column: str = ""


_GRAND_TOTAL = _Position(_Kind.GRAND_TOTAL)

# A line is a set of values that sum to one of them, so a lone hidden value in it is
# exposed: the elements are the addends followed by their total.
_Line = tuple[_Position, ...]

# A linear equation over the hidden values, as the non-zero coefficient of each, by the
# hidden value's index.
_Equation = dict[int, Fraction]


def suppress_table(
    counts: Mapping[tuple[str, str], int],
    rows: Sequence[str],
    columns: Sequence[str],
    minimum: int,
) -> SuppressedTable:
    """Hide every value with 0 < n < minimum, then enough others that none can be
    recovered from the published rows, columns and totals, alone or combined. Missing
    (row, column) pairs count 0; every row and column is present even when empty."""
    _check_arguments(counts, rows, columns, minimum)
    values = _values_by_position(counts, rows, columns)
    suppressed = {position for position, value in values.items() if 0 < value < minimum}
    lines = _lines(rows, columns)
    _suppress_complements(lines, values, suppressed)
    _suppress_until_undetermined(lines, values, suppressed)
    return _published(rows, columns, values, suppressed)


def _check_arguments(
    counts: Mapping[tuple[str, str], int],
    rows: Sequence[str],
    columns: Sequence[str],
    minimum: int,
) -> None:
    if minimum < 1:
        raise ValueError(f"minimum must be at least 1, got {minimum}")
    # Duplicates would make one partition count twice towards its total.
    if len(set(rows)) != len(rows):
        raise ValueError("rows must be unique")
    if len(set(columns)) != len(columns):
        raise ValueError("columns must be unique")
    known_rows, known_columns = set(rows), set(columns)
    for (row, column), count in counts.items():
        if row not in known_rows or column not in known_columns:
            raise ValueError(f"count for unknown row or column: {(row, column)!r}")
        # bool is an int, but True is not a count.
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ValueError(f"count must be a non-negative integer: {(row, column)!r} = {count!r}")


def _values_by_position(
    counts: Mapping[tuple[str, str], int], rows: Sequence[str], columns: Sequence[str]
) -> dict[_Position, int]:
    values: dict[_Position, int] = {}
    for row in rows:
        for column in columns:
            values[_Position(_Kind.CELL, row, column)] = counts.get((row, column), 0)
    for row in rows:
        values[_Position(_Kind.ROW_TOTAL, row=row)] = sum(counts.get((row, column), 0) for column in columns)
    for column in columns:
        values[_Position(_Kind.COLUMN_TOTAL, column=column)] = sum(
            counts.get((row, column), 0) for row in rows
        )
    values[_GRAND_TOTAL] = sum(counts.values())
    return values


def _lines(rows: Sequence[str], columns: Sequence[str]) -> list[_Line]:
    """Every line in a fixed order, elements in the order of rows and columns given, so
    the choice of complements is deterministic."""
    row_totals = tuple(_Position(_Kind.ROW_TOTAL, row=row) for row in rows)
    column_totals = tuple(_Position(_Kind.COLUMN_TOTAL, column=column) for column in columns)
    lines: list[_Line] = []
    for row, row_total in zip(rows, row_totals, strict=True):
        lines.append((*(_Position(_Kind.CELL, row, column) for column in columns), row_total))
    for column, column_total in zip(columns, column_totals, strict=True):
        lines.append((*(_Position(_Kind.CELL, row, column) for row in rows), column_total))
    lines.append((*row_totals, _GRAND_TOTAL))
    lines.append((*column_totals, _GRAND_TOTAL))
    return lines


def _suppress_complements(
    lines: Sequence[_Line], values: Mapping[_Position, int], suppressed: set[_Position]
) -> None:
    """Hide one more value in each line with a lone hidden value. Hiding it can leave
    another line with a lone hidden value, so repeat until a pass changes nothing; this
    ends because every change hides a value that was shown."""
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(position in suppressed for position in line) != 1:
                continue
            complement = _complement(line, values, suppressed)
            if complement is not None:
                suppressed.add(complement)
                changed = True


def _suppress_until_undetermined(
    lines: Sequence[_Line], values: Mapping[_Position, int], suppressed: set[_Position]
) -> None:
    """While the lines together determine a hidden value, hide one more value in a line
    through the first such value (in the order of `values`), then hide complements again
    as the lines ask. Ends like `_suppress_complements`: every round hides a shown value.

    A line through a determined value always has a shown value left: were both its lines
    wholly hidden, adding one to the value and balancing the change through other hidden
    values, which the line rule guarantees, would give another solution of the system, so
    the value would not be determined."""
    lines_through: dict[_Position, list[_Line]] = {position: [] for position in values}
    for line in lines:
        for position in line:
            lines_through[position].append(line)
    while determined := _determined(lines, values, suppressed):
        neighbours = [position for line in lines_through[determined[0]] for position in line]
        complement = _complement(neighbours, values, suppressed)
        if complement is None:
            raise AssertionError(f"nothing left to hide next to the determined {determined[0]}")
        suppressed.add(complement)
        _suppress_complements(lines, values, suppressed)


def _determined(
    lines: Sequence[_Line], values: Mapping[_Position, int], suppressed: set[_Position]
) -> list[_Position]:
    """The hidden values, in the order of `values`, that the published values determine.

    Each line is an equation: its hidden addends minus its hidden total equal a constant
    made of its shown values. A hidden value x_i is determined iff some combination of the
    equations reads x_i = constant, i.e. iff the unit vector e_i is in the row space of
    their coefficients. Every vector v of that row space is the sum, over the rows of its
    reduced row-echelon basis, of v at the row's pivot times the row; for e_i that sum is
    the row whose pivot is i, or nothing when i is no pivot. So x_i is determined iff the
    basis has a row with pivot i and no other coefficient, and one basis answers for all."""
    unknowns = [position for position in values if position in suppressed]
    index = {position: i for i, position in enumerate(unknowns)}
    basis: dict[int, _Equation] = {}
    for line in lines:
        equation = {index[position]: Fraction(1) for position in line[:-1] if position in suppressed}
        if line[-1] in suppressed:
            equation[index[line[-1]]] = Fraction(-1)
        _add_to_basis(basis, equation)
    return [unknowns[pivot] for pivot in sorted(basis) if len(basis[pivot]) == 1]


def _add_to_basis(basis: dict[int, _Equation], equation: _Equation) -> None:
    """Keep `basis`, rows by their pivot, a reduced row-echelon basis of the equations
    added so far: each row has 1 at its pivot and 0 at every other row's pivot. Takes
    `equation` over, changing it."""
    # A row has no other row's pivot, so subtracting it clears one pivot of the equation
    # and leaves the others as they were.
    for pivot in [unknown for unknown in equation if unknown in basis]:
        _subtract(equation, equation[pivot], basis[pivot])
    if not equation:
        return
    pivot = min(equation)
    scale = equation[pivot]
    row = {unknown: coefficient / scale for unknown, coefficient in equation.items()}
    for other in basis.values():
        if pivot in other:
            _subtract(other, other[pivot], row)
    basis[pivot] = row


def _subtract(target: _Equation, factor: Fraction, row: _Equation) -> None:
    """target -= factor * row, keeping only non-zero coefficients."""
    for unknown, coefficient in row.items():
        difference = target.get(unknown, Fraction(0)) - factor * coefficient
        if difference:
            target[unknown] = difference
        else:
            target.pop(unknown, None)


def _complement(
    elements: Sequence[_Position], values: Mapping[_Position, int], suppressed: set[_Position]
) -> _Position | None:
    """The value to hide among `elements` (a line, or the lines through a value) to
    protect a hidden one: preferably the smallest non-zero cell, since hiding a cell costs
    the reader least and a small one is the least useful; then the smallest non-zero
    total; then anything shown, e.g. a zero cell. min() keeps the first of equals, i.e.
    the order of lines, rows and columns given."""
    shown = [position for position in elements if position not in suppressed]
    non_zero = [position for position in shown if values[position] > 0]
    non_zero_cells = [position for position in non_zero if position.kind is _Kind.CELL]
    for candidates in (non_zero_cells, non_zero, shown):
        if candidates:
            return min(candidates, key=lambda position: values[position])
    # Only a line of one element (a table without rows or columns) has nothing left to
    # hide with its lone value; such a value is an empty sum, zero, and never hidden.
    return None


def _published(
    rows: Sequence[str],
    columns: Sequence[str],
    values: Mapping[_Position, int],
    suppressed: set[_Position],
) -> SuppressedTable:
    def shown(position: _Position) -> int | None:
        return None if position in suppressed else values[position]

    cells = {(row, column): shown(_Position(_Kind.CELL, row, column)) for row in rows for column in columns}
    row_totals = {row: shown(_Position(_Kind.ROW_TOTAL, row=row)) for row in rows}
    column_totals = {column: shown(_Position(_Kind.COLUMN_TOTAL, column=column)) for column in columns}
    return SuppressedTable(
        rows=tuple(rows),
        columns=tuple(columns),
        cells=MappingProxyType(cells),
        row_totals=MappingProxyType(row_totals),
        column_totals=MappingProxyType(column_totals),
        total=shown(_GRAND_TOTAL),
    )
