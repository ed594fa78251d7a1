"""The value parsers the reader uses to turn raw cell contents into model
values. Pure functions, no I/O, and none of them raises on any input.

The parsers themselves are in :mod:`perfeval_xl.values`; this module is the
one place the reader's callers import them from, with the label parsers that
belong to a located form:

- :mod:`perfeval_xl.values.text` — ``cell_text``, ``normalize_label``
- :mod:`perfeval_xl.values.numbers` — ``NumberParse``, ``parse_number``,
  ``parse_amount``, ``parse_rate``, ``parse_score``
- :mod:`perfeval_xl.values.measures` — ``parse_measure`` (lexicon in ``qual_levels.toml``)
- :mod:`.labels` — ``split_weight_label``, ``parse_grade``, ``parse_year``,
  ``year_from_title``
"""

from __future__ import annotations

from perfeval_xl.read.labels import (
    parse_grade,
    parse_year,
    split_weight_label,
    year_from_title,
)
from perfeval_xl.values.measures import (
    parse_measure,
    qualitative_level,
    split_comparator,
)
from perfeval_xl.values.numbers import (
    NumberParse,
    parse_amount,
    parse_number,
    parse_rate,
    parse_score,
)
from perfeval_xl.values.text import cell_text, normalize_label

__all__ = [
    "NumberParse",
    "cell_text",
    "normalize_label",
    "parse_amount",
    "parse_grade",
    "parse_measure",
    "parse_number",
    "parse_rate",
    "parse_score",
    "parse_year",
    "qualitative_level",
    "split_comparator",
    "split_weight_label",
    "year_from_title",
]
