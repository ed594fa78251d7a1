"""Compare what a reader produced with what the writer said it must find.

Used by the layout-variant test and benchmark: for every model path, the
value **and** its cell must match. Pure: takes a ``Project``, no I/O.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from perfeval_xl.model import Measure, Paragraph, Project, Sourced
from tests.support.synth.writer import Expected

_PATH_RE = re.compile(r"([a-z_0-9]+)(?:\[(\d+)\])?")


@dataclass(frozen=True)
class Mismatch:
    path: str
    expected: Expected
    got_value: object
    got_sheet: str | None
    got_cell: str | None

    def __str__(self) -> str:
        where = f"{self.got_sheet}!{self.got_cell}" if self.got_cell else "no cell"
        want = f"{self.expected.sheet}!{self.expected.cell}" if self.expected.cell else "no cell"
        return f"{self.path}: expected {self.expected.value!r} at {want}, got {self.got_value!r} at {where}"


def resolve(project: Project, path: str) -> tuple[object, str | None, str | None]:
    """The (comparable value, sheet, cell) the reader gave for a model path;
    a missing intermediate object (no funds block, fewer indicators) is (None, None, None).
    A name a ``Sourced`` does not have is looked up on its value, keeping its cell
    (``indicators[2].actual.approximate``)."""
    node: object = project
    ref = None
    for name, index in _PATH_RE.findall(path):
        if isinstance(node, Sourced) and not hasattr(node, name):
            node, ref = node.value, node.ref
        node = getattr(node, name, None)
        if node is not None and index:
            node = node[int(index)] if int(index) < len(node) else None
        if node is None:
            return None, None, None
    if isinstance(node, Paragraph):
        return node.text.strip(), node.ref.sheet, node.ref.cell
    if isinstance(node, Sourced):
        ref = node.ref
        return comparable(node.value), (ref.sheet if ref else None), (ref.cell if ref else None)
    return comparable(node), (ref.sheet if ref else None), (ref.cell if ref else None)


def comparable(value: object) -> object:
    """Measures as (comparator, number, unit), a date cell's as its date, others
    as their text; enums as their value."""
    if isinstance(value, Measure):
        if value.is_quantitative:
            return value.comparator.value, value.number, value.unit or None
        day = _date_cell(value)
        return day if day is not None else value.text.strip() or None
    if hasattr(value, "value") and not isinstance(value, (int, float, str)):
        return value.value  # an Enum
    if isinstance(value, str):
        return value.strip() or None
    return value


def _date_cell(measure: Measure) -> dt.date | None:
    """The day a date cell holds: a completion of exactly one day, shown as the
    ISO date the reader gives a date cell's text (the generator writes no such text)."""
    timing = measure.timing
    if timing is None or timing.span is None or timing.before or timing.span.first != timing.span.last:
        return None
    day = timing.span.first
    return day if measure.text.strip() == day.isoformat() else None


def _per_unit_in_yuan(value: object) -> object:
    """A money rate as a measure in 元 per unit: (≤, 33, 万元/公里) and (≤, 330000, 元/公里)
    are one figure, and the reader may give either."""
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[2], str) and value[2].startswith("万元/"):
        return value[0], value[1] * 10000, value[2][1:]
    return value


def values_equal(expected: object, got: object) -> bool:
    expected, got = _per_unit_in_yuan(expected), _per_unit_in_yuan(got)
    if isinstance(expected, tuple) and isinstance(got, tuple) and len(expected) == len(got):
        return all(values_equal(e, g) for e, g in zip(expected, got))
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return math.isclose(expected, got, rel_tol=1e-9, abs_tol=1e-6)
    return expected == got


def mismatches(project: Project, expected: dict[str, Expected]) -> list[Mismatch]:
    """Every path whose value or cell differs from what was written."""
    found = []
    for path, want in expected.items():
        got, sheet, cell = resolve(project, path)
        ok_value = values_equal(want.value, got)
        # A path with no cell in this layout only requires "no value".
        ok_cell = want.cell is None or (sheet, cell) == (want.sheet, want.cell)
        if not (ok_value and ok_cell):
            found.append(Mismatch(path, want, got, sheet, cell))
    return found
