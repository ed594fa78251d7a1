"""The value parsers the reader uses to turn raw cell contents into model
values. Pure functions, no I/O, and none of them raises on any input.

They live in small modules by concern; this module is the one place callers
import them from:

- :mod:`.text` — ``cell_text``, ``normalize_label``
- :mod:`.numbers` — ``NumberParse``, ``parse_number``, ``parse_amount``,
  ``parse_rate``, ``parse_score``
- :mod:`.measures` — ``parse_measure`` (lexicon in ``qual_levels.toml``)
- :mod:`.labels` — ``split_weight_label``, ``parse_grade``, ``parse_year``,
  ``year_from_title``
"""

from __future__ import annotations

from perfeval_xl.read.labels import parse_grade, parse_year, split_weight_label, year_from_title
from perfeval_xl.values.measures import parse_measure, qualitative_level, split_comparator
from perfeval_xl.values.numbers import NumberParse, parse_amount, parse_number, parse_rate, parse_score
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
