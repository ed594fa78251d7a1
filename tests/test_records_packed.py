"""Indicator records travel packed (JSON text per file); results.json cuts
each record's values out of that text instead of decoding and encoding them
again, and must write exactly what encoding the decoded records writes."""

from __future__ import annotations

import json

from perfeval_xl.findings import BatchResult, FileResult
from perfeval_xl.outputs.records import INDICATOR_FIELDS, IndicatorRows, _unpacked, keyed_json, packed

AWKWARD_TEXTS = [
    "plain 文字",
    'a "quoted" \\ back\\slash',
    "tab\there and ],\t[ and ,\t and \t",
    "new\nline, ],[ and }, { and %s %d %%",
    "",
    "\u2028 line separator \x1f unit separator",
]


def _row(i: int, text: str) -> tuple:
    values = [None] * len(INDICATOR_FIELDS)
    values[0] = f"dir/项目 {i}.xlsx"
    values[1] = i
    for j in range(2, len(values)):
        values[j] = [text, i * 0.5, None, 1e-05, -3, float("nan"), 12345678.1234][(j - 5) % 7]  # level1 (the sixth field) holds the text
    return tuple(values)


def _as_encoded(rows) -> list[str]:
    encode = json.JSONEncoder(ensure_ascii=False).encode
    return [encode(dict(zip(INDICATOR_FIELDS, row))) for row in rows]


def test_cut_records_are_written_as_encoding_them_writes():
    rows = tuple(_row(i, text) for i, text in enumerate(AWKWARD_TEXTS))
    data = packed(rows)
    assert keyed_json(data) == _as_encoded(_unpacked(data))
    assert [json.loads(line)["level1"] for line in keyed_json(data)] == AWKWARD_TEXTS


def test_text_packed_otherwise_is_decoded_and_encoded():
    rows = tuple(_row(i, text) for i, text in enumerate(AWKWARD_TEXTS))
    compact = b"%d\n" % len(rows) + json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()
    assert keyed_json(compact) is None
    nested = list(rows[0])
    nested[5] = ["a", "b"]  # not a plain value: its items would be cut apart
    odd = packed((tuple(nested),))
    assert keyed_json(odd) is None
    batch = BatchResult(files=[FileResult("a.xlsx", indicator_rows=compact), FileResult("b.xlsx", indicator_rows=odd)])
    records = IndicatorRows(batch)
    assert list(records.keyed_json()) == _as_encoded(list(records))


def test_no_records_pack_to_nothing():
    assert packed(()) == b"" and keyed_json(b"") == []
