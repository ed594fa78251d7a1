"""What a typed value means, read with production's parsers (``perfeval_xl.values``).

The form writer needs it to re-spell a value for a layout (``600,000元`` in a
元 block, a rate as a percent cell) and to total columns; the importer to tell
figures from words. Conventions as the model's: money in 万元, rates as
fractions, measures as ``(comparator, number, unit)`` or their text.
"""

from __future__ import annotations

import datetime as dt
import re

from perfeval_xl.outputs.template.spec import Raw
from perfeval_xl.read.labels import split_weight_label
from perfeval_xl.values.measures import parse_measure as _read_measure
from perfeval_xl.values.numbers import parse_number

_AS_WRITTEN = (None, "万元", "分")  # units a typed money figure or score may carry as it is
# Reports group digits by 万 as well as by thousands (12,3456.7); a comma between digits is only grouping
_GROUPING_COMMA = re.compile(r"(?<=[0-9０-９])[,，](?=[0-9０-９])")


def number_of(raw: Raw, percent: bool = False) -> float | None:
    """``600,000元`` -> 60.0 (万元), ``100%`` -> 1.0 (and a bare 98 when ``percent``),
    ``６０`` -> 60.0; None for blanks, words and other units.

    Unlike a form's cell (where ``12,3456`` is not a number the clerk can be
    sure of), any comma between digits is taken as grouping, as the importer
    always did: a report's table is copied, not checked, here."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw)
    figure = parse_number(_GROUPING_COMMA.sub("", raw))
    if figure.value is None:
        return None
    if figure.unit == "元":
        return figure.value / 10000
    if figure.unit == "%" or (percent and figure.unit is None and figure.value > 1.5):
        return figure.value / 100
    return figure.value if figure.unit in _AS_WRITTEN else None


def parse_measure(text: str | dt.date) -> tuple[str, float, str | None] | str | dt.date | None:
    """``≥20家`` -> ("≥", 20.0, "家"); a time phrase or words -> the text; a date -> the date."""
    if isinstance(text, dt.date):
        return text.date() if isinstance(text, dt.datetime) else text
    text = (text or "").strip()
    if not text:
        return None
    measure = _read_measure(text)
    if measure.number is None or measure.timing is not None:
        return text
    return measure.comparator.value, measure.number, measure.unit


def is_approximate(text: object) -> bool:
    return isinstance(text, str) and _read_measure(text.strip()).approximate


def is_qualified(text: object) -> bool:
    return isinstance(text, str) and bool(_read_measure(text.strip()).qualifier)


def split_level1(label: str) -> tuple[str, float | None]:
    return split_weight_label(label)
