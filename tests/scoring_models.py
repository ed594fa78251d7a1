"""Small model builders for the scoring tests: the seed's form, and
indicators from a handful of fields, with cell refs in the standard layout
(indicators from row 14; columns D 指标值, E 完成值, F 分值, G 得分, H 偏差原因)."""

from __future__ import annotations

from dataclasses import replace

from perfeval_xl.model import (
    CellRef,
    Funds,
    FundsRow,
    Grade,
    Indicator,
    Measure,
    Project,
    Sourced,
)
from perfeval_xl.read.values import parse_measure

SHEET = "绩效评价表"


def measure(text: str) -> Measure:
    """A measure as the reader parses it."""
    return parse_measure(text)


def ref(row: int, col: str) -> CellRef:
    return CellRef(SHEET, f"{col}{row}")


def indicator(
    name: str,
    target: str,
    actual: str,
    weight: float,
    score: float | None,
    *,
    row: int = 14,
    level1: str = "项目产出",
    level2: str = "产出数量",
    deviation: str = "",
    kind: str | None = None,
    score_decimals: int | None = None,
) -> Indicator:
    if score_decimals is None and score is not None:
        score_decimals = len(f"{score:g}".partition(".")[2])
    return Indicator(
        level1=Sourced(level1, level1, ref(row, "A")),
        level1_weight=Sourced(None),
        level2=Sourced(level2, level2, ref(row, "B")),
        name=Sourced(name, name, ref(row, "C")),
        target=Sourced(measure(target), target, ref(row, "D")),
        actual=Sourced(measure(actual) if actual else None, actual, ref(row, "E")),
        weight=Sourced(weight, f"{weight:g}", ref(row, "F")),
        score=Sourced(score, "" if score is None else f"{score:g}", ref(row, "G"), decimals=score_decimals),
        deviation=Sourced(deviation or None, deviation, ref(row, "H")),
        kind=Sourced(kind, kind or "", ref(row, "I")) if kind else Sourced.absent(),
    )


def funds(initial: float, budget: float, spent: float, score: float | None, weight: float = 10) -> Funds:
    def num(v, col, decimals=None):
        return Sourced(v, f"{v:g}" if v is not None else "", ref(6, col), decimals=decimals)

    rate = spent / budget if budget else None
    total = FundsRow(
        label=Sourced("年度资金总额", "年度资金总额", ref(6, "B")),
        initial=num(initial, "C"),
        budget=num(budget, "D"),
        spent=num(spent, "E"),
        weight=num(weight, "F"),
        rate=Sourced(rate, "", ref(6, "G"), decimals=2),
        score=num(score, "H", None if score is None else len(f"{score:g}".partition(".")[2])),
    )
    return Funds(total=total)


def project(
    indicators: list[Indicator],
    *,
    method: str = "部门评价",
    total_score: float | None = None,
    funds_block: Funds | None = None,
    grade: str = "优",
) -> Project:
    indicators = [
        ind if ind.name.ref.cell == f"C{14 + i}" else _moved(ind, 14 + i) for i, ind in enumerate(indicators)
    ]
    last = 14 + len(indicators)
    if total_score is None:
        total_score = sum(i.score.value or 0 for i in indicators)
    return Project(
        file="test.xlsx",
        form_sheet=SHEET,
        title=Sourced("测试项目绩效评价表", "", ref(1, "A")),
        name=Sourced("测试项目", "", ref(2, "B")),
        department=Sourced("测试局", "", ref(3, "B")),
        implementer=Sourced("测试局", "", ref(3, "F")),
        year=Sourced(2023, "2023", ref(4, "B")),
        method=Sourced(method or None, method, ref(4, "F")),
        funds=funds_block if funds_block is not None else funds(60, 60, 60, 10),
        goal_expected=Sourced("", "", ref(11, "B")),
        goal_actual=Sourced("", "", ref(11, "F")),
        indicators=tuple(indicators),
        total_weight=Sourced(sum(i.weight.value or 0 for i in indicators), "", ref(last, "F")),
        total_score=Sourced(total_score, "", ref(last, "G")),
        grade=Grade(Sourced(grade, grade, ref(last + 1, "B"))),
    )


def _moved(ind: Indicator, row: int) -> Indicator:
    """The same indicator placed on another row (refs follow)."""
    def at(s: Sourced) -> Sourced:
        return replace(s, ref=ref(row, s.ref.cell[0])) if s.ref else s

    return replace(
        ind,
        level1=at(ind.level1),
        level2=at(ind.level2),
        name=at(ind.name),
        target=at(ind.target),
        actual=at(ind.actual),
        weight=at(ind.weight),
        score=at(ind.score),
        deviation=at(ind.deviation),
        kind=at(ind.kind),
    )


# The seed's 绩效评价表 (信丰县 2023, 部门评价): (一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因)
SEED_ROWS = [
    ("项目决策", "项目立项", "立项依据充分性", "全部符合", "全部符合", 3, 3, ""),
    ("项目决策", "项目立项", "立项程序规范性", "全部符合", "全部符合", 2, 2, ""),
    ("项目决策", "绩效目标", "绩效目标合理性", "全部符合", "基本符合", 5, 3, "原因：对绩效知识学习不够；措施：加强学习培训。"),
    ("项目决策", "绩效目标", "绩效指标明确性", "全部符合", "全部符合", 5, 5, ""),
    ("项目决策", "资金投入", "预算编制科学性", "全部符合", "全部符合", 3, 3, ""),
    ("项目决策", "资金投入", "资金分配合理性", "全部符合", "全部符合", 2, 2, ""),
    ("项目过程", "资金管理", "资金到位率", "100%", "100%", 3, 3, ""),
    ("项目过程", "资金管理", "预算执行率", "100%", "100%", 4, 4, ""),
    ("项目过程", "资金管理", "资金使用合规性", "全部符合", "全部符合", 3, 3, ""),
    ("项目过程", "组织实施", "管理制度健全性", "全部符合", "基本符合", 5, 3, "原因：管理制度不够健全；措施：完善管理制度"),
    ("项目过程", "组织实施", "制度执行有效性", "全部符合", "全部符合", 5, 5, ""),
    ("项目产出", "产出数量", "走访慰问困难企业数", "≥20家", "20家", 5, 5, ""),
    ("项目产出", "产出质量", "企业对营商政策知晓率", "≥80%", "90%", 5, 5, ""),
    ("项目产出", "产出时效", "走访慰问时间", "春节前", "部分实现", 10, 9,
     "原因：企业提供资金拨付材料需要一定时间，部分企业春节后拨付；整改措施：督促企业及时提交材料。"),
    ("项目产出", "产出成本", "县领导春节走访慰问困难企业资金", "≤60万元", "60万元", 10, 10, ""),
    ("项目效益", "社会效益", "体现县委县政府的关心关爱", "基本完成", "基本完成", 15, 15, ""),
    ("项目效益", "满意度", "被慰问企业满意度", "≥95%", "100%", 15, 15, ""),
]

SEED_PARTIAL_ROW = 14 + 13  # 走访慰问时间, the 部分实现 9/10


def seed_project(**changes) -> Project:
    """The seed form; ``changes`` maps 三级 name -> dict of indicator() keyword overrides."""
    inds = []
    for i, (l1, l2, name, target, actual, weight, score, deviation) in enumerate(SEED_ROWS):
        fields = dict(target=target, actual=actual, weight=weight, score=score, deviation=deviation)
        fields.update(changes.get(name, {}))
        inds.append(indicator(name, row=14 + i, level1=l1, level2=l2, **fields))
    return project(inds, method="部门评价", total_score=95, grade="优")
