"""Builders for narrative tests and the benchmark: the seed's form as a
Project, and the seed's report as paragraphs.

The form values are typed in from the seed's 附件 (the real report the
product was created from); cells are where the standard template puts them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from perfeval_xl.model import (
    CellRef, Comparator, Funds, FundsRow, Grade, Indicator, Measure, Paragraph, Project, QualLevel, Sourced,
)

SEED = Path("/work/shared/seed/000_cfa23fe69ecf857b.txt")
FORM = "绩效评价表"
REPORT = "评价报告"

# (一级, 二级, 三级, target, actual, 分值, 得分) — the seed's indicator table.
SEED_INDICATORS = [
    ("项目决策", "项目立项", "立项依据充分性", "全部符合", "全部符合", 3, 3),
    ("项目决策", "项目立项", "立项程序规范性", "全部符合", "全部符合", 2, 2),
    ("项目决策", "绩效目标", "绩效目标合理性", "全部符合", "基本符合", 5, 3),
    ("项目决策", "绩效目标", "绩效指标明确性", "全部符合", "全部符合", 5, 5),
    ("项目决策", "资金投入", "预算编制科学性", "全部符合", "全部符合", 3, 3),
    ("项目决策", "资金投入", "资金分配合理性", "全部符合", "全部符合", 2, 2),
    ("项目过程", "资金管理", "资金到位率", "100%", "100%", 3, 3),
    ("项目过程", "资金管理", "预算执行率", "100%", "100%", 4, 4),
    ("项目过程", "资金管理", "资金使用合规性", "全部符合", "全部符合", 3, 3),
    ("项目过程", "组织实施", "管理制度健全性", "全部符合", "基本符合", 5, 3),
    ("项目过程", "组织实施", "制度执行有效性", "全部符合", "全部符合", 5, 5),
    ("项目产出", "产出数量", "走访慰问困难企业数", "≥20家", "20家", 5, 5),
    ("项目产出", "产出质量", "企业对营商政策知晓率", "≥80%", "90%", 5, 5),
    ("项目产出", "产出时效", "走访慰问时间", "春节前", "部分实现", 10, 9),
    ("项目产出", "产出成本", "县领导春节走访慰问困难企业资金", "≤60万元", "60万元", 10, 10),
    ("项目效益", "社会效益", "体现县委县政府的关心关爱", "基本完成", "基本完成", 15, 15),
    ("项目效益", "满意度", "被慰问企业满意度", "≥95%", "100%", 15, 15),
]
FIRST_INDICATOR_ROW = 12

_LEVELS = {
    "全部符合": QualLevel.ACHIEVED, "全部完成": QualLevel.ACHIEVED, "基本符合": QualLevel.BASIC,
    "基本完成": QualLevel.BASIC, "部分实现": QualLevel.PARTIAL, "未完成": QualLevel.NOT_ACHIEVED,
}


def measure(text: str) -> Measure:
    """A Measure from form text, the way the reader parses it (numbers as written, % kept as percent)."""
    m = re.match(r"^(≥|>|≤|<|=)?(\d+(?:\.\d+)?)(.*)$", text)
    if not m:
        return Measure(text, level=_LEVELS.get(text))
    return Measure(text, Comparator(m.group(1) or ""), float(m.group(2)), m.group(3) or None)


def cell(col: str, row: int, sheet: str = FORM) -> CellRef:
    return CellRef(sheet, f"{col}{row}")


def _num(value, col: str, row: int, decimals: int | None = None) -> Sourced:
    return Sourced(value, str(value), cell(col, row), decimals=decimals)


def _funds_row(label: str, row: int, initial, budget, spent, weight, rate, score) -> FundsRow:
    return FundsRow(
        Sourced(label, label, cell("B", row)), _num(initial, "C", row), _num(budget, "D", row),
        _num(spent, "E", row), _num(weight, "F", row), _num(rate, "G", row, 0), _num(score, "H", row),
    )


def indicator_rows(rows=SEED_INDICATORS) -> tuple[Indicator, ...]:
    out = []
    for k, (l1, l2, name, target, actual, weight, score) in enumerate(rows):
        r = FIRST_INDICATOR_ROW + k
        out.append(Indicator(
            level1=Sourced(l1, l1, cell("A", r)), level1_weight=Sourced.absent(),
            level2=Sourced(l2, l2, cell("B", r)), name=Sourced(name, name, cell("C", r)),
            target=Sourced(measure(target), target, cell("D", r)), actual=Sourced(measure(actual), actual, cell("E", r)),
            weight=_num(float(weight), "F", r), score=_num(float(score), "G", r),
            deviation=Sourced.absent(cell("H", r)),
        ))
    return tuple(out)


def paragraphs(lines: list[str]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(t, CellRef(REPORT, f"A{i + 1}")) for i, t in enumerate(lines))


def make_project(lines: list[str] = (), *, budget=60.0, initial=60.0, spent=60.0, rate=1.0,
                 total=95.0, grade="优", indicators=SEED_INDICATORS, year=2023) -> Project:
    """The seed's form (overridable) with ``lines`` as the report."""
    total_row = FIRST_INDICATOR_ROW + len(indicators)
    return Project(
        file="seed.xlsx", form_sheet=FORM,
        title=Sourced("绩效评价表"), name=Sourced("2023年县领导春节走访慰问困难企业资金项目", ref=cell("B", 3)),
        department=Sourced("信丰县工信局"), implementer=Sourced("信丰县工信局"), year=Sourced(year),
        method=Sourced("部门评价"),
        funds=Funds(
            total=_funds_row("年度资金总额", 6, initial, budget, spent, 10.0, rate, 10.0),
            fiscal=_funds_row("其中：当年财政拨款", 7, initial, budget, spent, 10.0, rate, 10.0),
        ),
        goal_expected=Sourced.absent(), goal_actual=Sourced.absent(),
        indicators=indicator_rows(indicators),
        total_weight=_num(100.0, "F", total_row), total_score=_num(total, "G", total_row),
        grade=Grade(Sourced(grade, grade, cell("B", total_row + 1)), (grade,), True),
        narrative=paragraphs(list(lines)), narrative_sheet=REPORT,
    )


def seed_report_lines() -> list[str]:
    """The seed's narrative: everything before 附件, one paragraph per line,
    ``[bookmark: …]`` noise removed, blank lines dropped."""
    text = SEED.read_text("utf-8").split("\n附件")[0]
    lines = [re.sub(r"\[bookmark:[^\]]*\]", "", line).strip() for line in text.splitlines()]
    return [line for line in lines if line]


def seed_project() -> Project:
    return make_project(seed_report_lines())


def with_report(project: Project, lines: list[str]) -> Project:
    return replace(project, narrative=paragraphs(lines))
