"""Links in the completed copy land on the cell that shows the value (the
top-left of a merged range). The merged ranges are found in the sheet's bytes
without parsing it; they must be the ones a parser finds."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from perfeval_xl.ooxml.names import q

from perfeval_xl.ooxml.package import parse_xml
from perfeval_xl.outputs.completed._sheet import CellAnchors

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _parsed_merges(xml: bytes) -> list[str]:
    return [m.get("ref") for m in parse_xml(xml).iterfind(f"{q('mergeCells')}/{q('mergeCell')}") if m.get("ref")]


def _sheet_parts():
    for workbook in sorted(SAMPLES.glob("*.xlsx")):
        with zipfile.ZipFile(workbook) as zf:
            for name in zf.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    yield pytest.param(zf.read(name), id=f"{workbook.stem}:{name}")


@pytest.mark.parametrize("xml", list(_sheet_parts()))
def test_the_merges_found_in_bytes_are_the_parsed_ones(xml):
    from openpyxl.utils.cell import range_boundaries

    parsed = [range_boundaries(ref) for ref in _parsed_merges(xml)]
    assert CellAnchors(xml).merges == parsed


def test_every_sample_has_merged_cells_to_compare():
    with_merges = sum(bool(CellAnchors(p.values[0]).merges) for p in _sheet_parts())
    assert with_merges >= len(list(SAMPLES.glob("*.xlsx")))


def test_prefixed_quoted_and_spaced_merges_are_found():
    xml = (
        f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData/><x:mergeCells count="3">'
        "<x:mergeCell ref='B2:D3'/><x:mergeCell  ref = \"A5:A7\" /><x:mergeCell ref=\"\"/>"
        "</x:mergeCells></x:worksheet>"
    ).encode()
    anchors = CellAnchors(xml)
    assert anchors.merges == [(2, 2, 4, 3), (1, 5, 1, 7)]
    assert anchors.anchor("C3") == "B2"
    assert anchors.anchor("A6") == "A5"
    assert anchors.anchor("$E$9") == "E9"


def test_a_similar_element_is_not_a_merge():
    xml = f'<worksheet xmlns="{MAIN}"><sheetData/><mergeCells count="1"><mergeCellX ref="A1:B2"/></mergeCells></worksheet>'.encode()
    assert CellAnchors(xml).merges == []
