"""The added sheets are written as text; whatever a clerk typed must come back
unchanged when the XML is parsed (escapes, carriage returns, tabs, links)."""

from __future__ import annotations

from lxml import etree

from perfeval_xl.outputs.newsheet import Cell, Formula, NewSheet

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
TRICKY = "A&B <c> \"引号\" 'x'\r\n\t第二行\x01"


def _parse(sheet: NewSheet):
    return etree.fromstring(sheet.to_xml())


def test_text_and_links_survive_escaping():
    sheet = NewSheet(widths=[10, 10], freeze_rows=1, filter_row=1)
    sheet.add(Cell(TRICKY, 3, link="'表''一'!G6"), Cell(Formula("SUM(A1:A2)", 7.5)), Cell(Formula("A1&\"<\"", "x<")))
    root = _parse(sheet)
    assert root.findtext(".//m:c[@r='A1']/m:is/m:t", namespaces=NS) == TRICKY.replace("\x01", "")
    link = root.find(".//m:hyperlink", NS)
    assert link.get("location") == "'表''一'!G6" and link.get("display") == TRICKY.replace("\x01", "")
    assert root.findtext(".//m:c[@r='B1']/m:f", namespaces=NS) == "SUM(A1:A2)"
    assert root.findtext(".//m:c[@r='B1']/m:v", namespaces=NS) == "7.5"
    assert root.find(".//m:c[@r='C1']", NS).get("t") == "str"
    assert root.findtext(".//m:c[@r='C1']/m:f", namespaces=NS) == 'A1&"<"'
    assert root.find(".//m:autoFilter", NS).get("ref") == "A1:C1"
    assert root.find(".//m:pane", NS).get("topLeftCell") == "A2"


def test_blank_cells_keep_only_their_style_and_long_text_gets_a_height():
    sheet = NewSheet(widths=[4, 4])
    sheet.add(Cell(""), Cell(None, 5))
    sheet.add(Cell("很长的说明文字" * 3), Cell(12))
    root = _parse(sheet)
    rows = root.findall(".//m:row", NS)
    assert [c.get("r") for c in rows[0]] == ["B1"] and rows[0][0].get("s") == "5"
    assert rows[0].get("ht") is None and float(rows[1].get("ht")) > 15
    assert root.findtext(".//m:c[@r='B2']/m:v", namespaces=NS) == "12"


from hypothesis import given, strategies as st

from perfeval_xl.outputs.newsheet import _TEXT_ESCAPES, _escape_text
from perfeval_xl.outputs.textfit import LINE_HEIGHT, MAX_ROW_HEIGHT, text_width


def _reference_height(cells):
    """row_height as first written: every text measured."""
    lines = 1
    for text, width in cells:
        if isinstance(text, str):
            for part in text.split("\n"):
                lines = max(lines, -(-text_width(part) // max(int(width) - 1, 1)))
    return min(LINE_HEIGHT * lines + 3, MAX_ROW_HEIGHT) if lines > 1 else None

_TEXTS = st.text(alphabet=st.sampled_from("a中&<>\r\n\t 、"), max_size=40)


@given(_TEXTS)
def test_fast_escape_is_the_translate_table(text):
    assert _escape_text(text) == text.translate(_TEXT_ESCAPES)


@given(st.lists(st.lists(st.one_of(_TEXTS, st.integers(0, 9), st.none()), min_size=1, max_size=5), min_size=1, max_size=4),
       st.lists(st.integers(0, 12), max_size=5))
def test_row_heights_are_those_measured_over_every_cell(rows, widths):
    sheet = NewSheet(widths=widths, fit_from_row=2)
    for row in rows:
        sheet.add(*(Cell(v) for v in row))
    got = [r.get("ht") for r in _parse(sheet).findall(".//m:row", NS)]
    want = [None if n < 2 else _reference_height(zip(row, widths)) for n, row in enumerate(rows, start=1)]
    assert got == [None if h is None else str(h) for h in want]
