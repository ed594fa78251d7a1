"""The bundled samples: committed workbooks match their specs, and the reader
finds every value of every sample at the cell the spec put it in."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from perfeval_xl.read.workbook import read_workbook
from tests.support.synth.build_samples import build_samples, load_sample
from tests.support.synth.compare import mismatches
from tests.support.synth.writer import write_project

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SPECS = sorted((SAMPLES / "specs").glob("*.toml"))
REGENERATE = "python -m tests.support.synth.build_samples"


def _cells(path: Path) -> dict[str, dict[str, object]]:
    """Every sheet's non-empty cell values and its merged ranges (layout, not styling)."""
    wb = openpyxl.load_workbook(path)
    return {ws.title: {**{c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None},
                       "merged": sorted(str(r) for r in ws.merged_cells.ranges)}
            for ws in wb.worksheets}


def test_there_are_enough_samples():
    assert len(SPECS) >= 8
    assert any("种子" in p.stem for p in SPECS)


@pytest.mark.parametrize("spec_path", SPECS, ids=lambda p: p.stem)
def test_committed_sample_is_up_to_date(tmp_path, spec_path):
    committed = SAMPLES / (spec_path.stem + ".xlsx")
    assert committed.exists(), f"{committed.name} is missing: run `{REGENERATE}`"
    fresh = build_samples(SAMPLES, tmp_path)
    fresh_path = next(p for p in fresh if p.stem == spec_path.stem)
    assert _cells(committed) == _cells(fresh_path), (
        f"{committed.name} differs from {spec_path.name}: run `{REGENERATE}` and commit the result")


def test_no_stray_workbooks():
    stems = {p.stem for p in SPECS}
    stray = [p.name for p in SAMPLES.glob("*.xlsx") if p.stem not in stems]
    assert not stray, f"workbooks without a spec: {stray} (delete them or add a spec)"


@pytest.mark.parametrize("spec_path", SPECS, ids=lambda p: p.stem)
def test_reader_reads_each_sample_as_specified(tmp_path, spec_path):
    spec, layout = load_sample(spec_path)
    expected = write_project(spec, layout, tmp_path / "s.xlsx")
    result = read_workbook(SAMPLES / (spec_path.stem + ".xlsx"))
    assert result.failure is None, result.failure
    assert [str(m) for m in mismatches(result.project, expected)] == []


def test_seed_sample_is_transcribed_faithfully():
    spec, layout = load_sample(next(p for p in SPECS if "种子" in p.stem))
    assert len(spec.indicators) == 17
    assert (spec.total_weight, spec.total_score, spec.grade) == (100, 95, "优")
    weights: dict[str, float] = {}
    for ind in spec.indicators:
        weights[ind.level1] = weights.get(ind.level1, 0) + ind.weight
    assert list(weights.values()) == [20, 20, 30, 30]
    text = "\n".join(spec.narrative)
    assert "bookmark" not in text
    for passage in ("实际到位资金41.83万元", "预算执行率为69.71%", "11个二级指标", "部分实现"):
        assert passage in text or any(passage == i.actual for i in spec.indicators), passage
    assert spec.narrative[0].startswith("工信局2023年") and spec.narrative[-1] == "无"
