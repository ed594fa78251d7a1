"""Acceptance: the seed report, read from a workbook by the real reader,
yields exactly its five narrative findings (issue 6)."""

from __future__ import annotations

import pytest

from perfeval_xl.findings import Severity
from perfeval_xl.read.workbook import read_workbook
from perfeval_xl.rules import RuleSettings, run_rules
from perfeval_xl.scheme import DEPARTMENT
from tests.narrative_corpus import NARRATIVE_RULES, seed_report_lines
from tests.seedform import write_seed_form

LINES = seed_report_lines()


def row_of(fragment: str) -> str:
    """The 评价报告 cell of the one paragraph containing ``fragment``."""
    rows = [i + 1 for i, line in enumerate(LINES) if fragment in line]
    assert len(rows) == 1, fragment
    return f"A{rows[0]}"


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    path = write_seed_form(tmp_path_factory.mktemp("seed") / "seed.xlsx", narrative=LINES)
    result = read_workbook(path)
    assert result.failure is None, result.failure
    assert len(result.project.narrative) == len(LINES)
    return run_rules(result.project, DEPARTMENT, settings=RuleSettings(only=NARRATIVE_RULES, raise_errors=True))


def test_seed_yields_exactly_the_five_narrative_findings(findings):
    contradiction = row_of("实际到位资金41.83万元")
    got = sorted((f.rule, f.severity, f.sheet, f.cell) for f in findings)
    assert got == sorted([
        ("XC610", Severity.ERROR, "评价报告", contradiction),  # 到位 41.83 vs 60
        ("XC611", Severity.ERROR, "评价报告", contradiction),  # used 60 > arrived 41.83
        ("XC602", Severity.ERROR, "评价报告", contradiction),  # 执行率 69.71% vs the form's 100%
        ("XC620", Severity.WARNING, "评价报告", row_of("可持续影响")),  # 二级指标 list
        ("XC621", Severity.WARNING, "评价报告", row_of("2023年春节前完成")),  # 产出时效 vs 部分实现
    ]), "\n".join(f"{f.rule} {f.location}: {f.message}" for f in findings)


def test_seed_findings_quote_the_report_and_point_at_the_form(findings):
    by_rule = {f.rule: f for f in findings}
    assert "41.83万元" in by_rule["XC610"].message and "60万元" in by_rule["XC610"].message
    assert {f"评价报告!{row_of('实际到位60万元')}", f"评价报告!{row_of('到位资金60万元')}"} <= set(by_rule["XC610"].related)
    assert "69.71%" in by_rule["XC602"].message and "100%" in by_rule["XC602"].message
    assert by_rule["XC602"].related[0] == "绩效评价表!G6"
    assert (by_rule["XC602"].expected, by_rule["XC602"].actual) == ("100%", "69.71%")
    assert "可持续影响" in by_rule["XC620"].message
    assert "部分实现" in by_rule["XC621"].message and "走访慰问时间" in by_rule["XC621"].message
    assert by_rule["XC621"].related == ("绩效评价表!E27",)
