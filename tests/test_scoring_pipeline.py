"""Scoring through the real reader and pipeline: the seed workbook (issue 5,
"on the seed it reflects the 部分实现 9/10 finding")."""

from pathlib import Path

from perfeval_xl.findings import Severity
from perfeval_xl.pipeline import Settings, evaluate_file
from tests.seedform import write_seed_form


def test_seed_workbook_rescored_with_the_partial_finding(tmp_path: Path):
    result = evaluate_file(write_seed_form(tmp_path / "seed.xlsx"), "seed.xlsx")
    score = result.scoring
    assert (score.scheme.name, score.scheme_source) == ("部门评价", "评价方式")
    assert (score.computed_total, score.computed_grade) == (93.99, "优")
    scoring = [(f.rule, f.severity, f.cell, f.expected, f.actual) for f in result.findings if f.rule.startswith("XC5")]
    assert scoring == [("XC503", Severity.ERROR, "G27", "7.99", "9")]


def test_override_for_another_method_is_noted_on_the_seed(tmp_path: Path):
    result = evaluate_file(write_seed_form(tmp_path / "seed.xlsx"), "seed.xlsx", Settings(scheme="单位自评"))
    assert result.scoring.scheme.name == "部门评价"
    notes = [f for f in result.findings if f.rule == "XC507"]
    assert len(notes) == 1 and notes[0].severity is Severity.INFO and "不一致" in notes[0].message
