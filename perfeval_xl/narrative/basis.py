"""报告中的数字: every figure of the report with its subject, role and what it
is checked against — the list ``perfeval check`` prints, ``--json`` carries
and the completed copy's sheet shows, so a reviewer can see why a figure was
(or was not) held against something.

The descriptions use the same look-ups as the XC6xx rules (``facts``), so
they name the cells those rules compare with.
"""

from __future__ import annotations

from dataclasses import dataclass

from perfeval_xl.model import Project
from perfeval_xl.narrative.claim import (
    INDICATOR_DEDUCTION,
    INDICATOR_SCORE,
    INDICATOR_VALUE,
    OTHER,
    UNIT_PRICE,
    Claim,
)
from perfeval_xl.narrative.facts import form_money, form_rates, label, show
from perfeval_xl.narrative.roles import (
    APPROXIMATE,
    EARLIER,
    MAXIMUM,
    PART,
    ROLE_LABELS,
    TARGET,
    TOTAL,
)

_MONEY = ("budget", "full_year_budget", "initial_budget", "spent")
NOT_CHECKED = "不核对："
_NOT_CHECKED = {
    EARLIER: NOT_CHECKED + "以前年度的数，不与本年度的数比较",
    APPROXIMATE: NOT_CHECKED + "约数或上下限",
    MAXIMUM: NOT_CHECKED + "满分（分值），不是得分",
}


@dataclass(frozen=True)
class Figure:
    """One row of 报告中的数字."""

    cell: str  # 评价报告!A12
    quote: str  # the sentence it is in
    text: str  # the figure as written
    subject: str
    subject_label: str
    role: str
    role_label: str
    value: str  # as shown (60万元, 93.94%, 优)
    unit: str
    indicator: str  # the indicator it is about, if any
    checked_against: str  # what it is held against, or why it is not
    claim: Claim

    @property
    def checked(self) -> bool:
        return not self.checked_against.startswith(NOT_CHECKED)


def report_figures(project: Project, claims) -> list[Figure]:
    """The figures of ``project``'s report (``claims``: its extracted claims)."""
    return [
        Figure(str(c.ref), c.fragment, c.text, c.subject, label(c.subject), c.role, ROLE_LABELS.get(c.role, c.role),
               show(c), c.unit, c.indicator_name, checked_against(c, project, claims), c)
        for c in claims
    ]


def checked_against(c: Claim, project: Project, claims) -> str:
    """What the XC6xx rules hold this figure against, in words."""
    if c.subject == OTHER:
        return "不核对：看不出是本项目的哪一个数（统计数、增幅、占比或其他对象的数）"
    if c.role in _NOT_CHECKED:
        return _NOT_CHECKED[c.role]
    if c.role == PART:
        return "分项：与所列合计相加核对" if _in_sum(c, claims) else NOT_CHECKED + "分项，不与项目的合计数比较"
    if c.role == TOTAL:
        return "合计：与所列分项之和（或数量×单价）核对"
    if c.role == TARGET:
        return _target(c, project) if c.firm else NOT_CHECKED + "目标值，不与实际完成数比较"
    if not c.firm:
        return "不核对：说法不够明确（主语不清或夹有“其中”“每”“同比”等字样）"
    if c.subject == UNIT_PRICE:
        return "单价：数量×单价与同句合计核对"
    return _actual(c, project)


def _target(c: Claim, project: Project) -> str:
    if c.subject == INDICATOR_VALUE and c.indicator is not None:
        cell = project.indicators[c.indicator].target
        if cell.present:
            return f"目标值：与评价表年度指标值 {cell.ref} 对照"
    return NOT_CHECKED + "目标值，不与实际完成数比较"


def _in_sum(c: Claim, claims) -> bool:
    return any(o.role == TOTAL and o.paragraph == c.paragraph and o.sentence == c.sentence for o in claims) or (
        c.table is not None and any(o.role == TOTAL and o.table == c.table for o in claims))


def _actual(c: Claim, project: Project) -> str:
    if c.subject in _MONEY:
        cells = form_money(project, c.subject)
        if cells:
            return "评价表 " + "、".join(str(x.ref) for x in cells) + "（任一相符即可）" * (len(cells) > 1)
        return "报告中同一金额的其他说法；支出不超过到位资金；执行率与金额之比"
    if c.subject == "arrived":
        return "报告中到位资金的其他说法；支出不超过到位资金；到位率与金额之比"
    if c.subject == "balance":
        if project.funds is not None and project.funds.total.budget.present:
            return "评价表 全年预算数−全年执行数"
        return "到位资金（或预算）−支出"
    if c.subject in ("execution_rate", "arrival_rate"):
        values, cells = form_rates(project, c.subject)
        where = f"评价表 {cells[0].ref}" if values else "报告中同一比率的其他说法"
        return f"{where}；同段金额之比"
    if c.subject == "total_score":
        return f"评价表总分 {project.total_score.ref}" if project.total_score.present else "报告中总分的其他说法"
    if c.subject == "grade":
        return f"评价表评价等次 {project.grade.value.ref}" if project.grade.value.ref else "报告中等次的其他说法"
    if c.subject.startswith("count_level"):
        return "评价表的指标个数" if project.indicators else "所列指标名称的个数；报告中其他说法"
    return _indicator(c, project)


def _indicator(c: Claim, project: Project) -> str:
    ind = project.indicators[c.indicator] if c.indicator is not None else None
    if c.subject == INDICATOR_DEDUCTION:
        return "分值−扣分=同句得分（分值取同句所写或评价表该指标行）"
    if ind is None:
        return "不核对：评价表中找不到这个指标" if project.indicators else "不核对：没有评价表可对照"
    cell = ind.actual if c.subject == INDICATOR_VALUE else ind.score if c.subject == INDICATOR_SCORE else None
    return f"评价表“{ind.name.value}”{cell.ref}" if cell is not None and cell.ref else NOT_CHECKED + "评价表无对应单元格"
