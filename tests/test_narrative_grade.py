"""Issue 19: a form whose 评价等次 is blank takes the grade its report states
firmly — the reported grade's cell is the paragraph's, XC622 says so, XC207
holds it to the 总分, and the summary and results.json show it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from perfeval_xl.findings import BatchResult, Severity
from perfeval_xl.pipeline import Settings, evaluate_file
from tests.support.synth import LayoutOptions, write_project
from perfeval_xl.outputs.template.spec import load_spec
from perfeval_xl.outputs.frames import Batch
from perfeval_xl.outputs.records import results_records
from perfeval_xl.outputs.results_json import results_json

SPEC = Path("samples/specs/02_农村饮水安全巩固提升工程（清洁）.toml")  # 总分99.92, 等次优, its report says 优
CONCLUSION = "经评价，该项目得分99.92分，绩效评价等级为“优”。"


def _evaluate(tmp_path, grade: str, conclusion: str | None = CONCLUSION):
    spec = load_spec(SPEC)
    narrative = [p if p != CONCLUSION else conclusion for p in spec.narrative if p != CONCLUSION or conclusion]
    spec = dataclasses.replace(spec, grade=grade, narrative=narrative)
    path = tmp_path / "project.xlsx"
    write_project(spec, LayoutOptions(), path)
    result = evaluate_file(path, path.name, Settings())
    assert result.failure is None, result.failure
    return result, (narrative.index(conclusion) + 1 if conclusion else None)


def _of(result, rule):
    return [f for f in result.findings if f.rule == rule]


def test_a_blank_grade_is_taken_from_the_report(tmp_path):
    result, row = _evaluate(tmp_path, grade="")
    grade = result.project.grade.value
    assert (grade.value, str(grade.ref)) == ("优", f"评价报告!A{row}")
    (note,) = _of(result, "XC622")
    assert note.severity is Severity.INFO and note.location == f"评价报告!A{row}"
    assert "“优”" in note.message and "评价等级" in note.message
    assert _of(result, "XC207") == []  # 99.92 is 优: no blank-grade note either, the grade is the report's
    batch = BatchResult([result])
    assert results_json(batch)["projects"][0]["reported_grade"] == "优"
    assert Batch(results_records(batch)).projects["reported_grade"].tolist() == ["优"]  # the summary's table


def test_the_taken_grade_is_held_to_the_total(tmp_path):
    result, row = _evaluate(tmp_path, grade="", conclusion="经评价，该项目得分99.92分，绩效评价等级为“良”。")
    (wrong,) = _of(result, "XC207")
    assert wrong.severity is Severity.ERROR and wrong.location == f"评价报告!A{row}"
    assert "报告正文" in wrong.message and "“良”" in wrong.message and "“优”" in wrong.message


def test_a_grade_on_the_form_stays_the_reported_one(tmp_path):
    result, _ = _evaluate(tmp_path, grade="优")
    assert result.project.grade.value.ref.sheet != "评价报告"
    assert _of(result, "XC622") == []


@pytest.mark.parametrize("conclusion", [None, "经评价，该项目得分99.92分，绩效评价等级为“优”。2022年同类项目评价等级为良。"])
def test_nothing_firm_to_take_leaves_the_grade_blank(tmp_path, conclusion):
    """No grade in the report; or only another project's besides the project's own (that one is taken)."""
    result, row = _evaluate(tmp_path, grade="", conclusion=conclusion)
    taken = result.project.grade.value
    if conclusion is None:
        assert taken.value is None and _of(result, "XC622") == []
        assert [f.severity for f in _of(result, "XC207")] == [Severity.INFO]  # the blank is filled as computed
    else:
        assert (taken.value, str(taken.ref)) == ("优", f"评价报告!A{row}")


def test_a_report_that_disagrees_with_itself_gives_no_grade(tmp_path):
    result, _ = _evaluate(tmp_path, grade="",
                          conclusion="经评价，该项目得分99.92分，绩效评价等级为“优”。综上，项目评价等级为良。")
    assert result.project.grade.value.value is None and _of(result, "XC622") == []
    assert [f.rule for f in result.findings if f.rule == "XC610"] == ["XC610"]  # the two statements disagree
