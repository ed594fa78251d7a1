"""The standardized 项目支出绩效评价表 template, described as data.

The writer (``template.py``) only draws what is described here, and the
tests fill the template through the same addresses, so the layout lives in
one place. Rows follow the contract table in ``spec/workbook.md`` (rows 1–13
fixed, then one row per 三级指标, then 总分 and 评价等次); the reader finds
everything by label, so these addresses bind only the template itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from perfeval_xl.outputs.template.spec import FUNDS_ROW_KEYS
from perfeval_xl.outputs.template.spec import FUNDS_ROW_LABELS as _FUNDS_LABEL_OF
from perfeval_xl.scheme import DEPARTMENT, SELF, Scheme

FORM_SHEET = "绩效评价表"
REPORT_SHEET = "评价报告"
GUIDE_SHEET = "填表说明"

COLUMNS = "ABCDEFGH"
INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差原因分析及改进措施")
FUNDS_HEADER = ("年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分")  # columns C..H
FUNDS_ROW_LABELS = tuple(_FUNDS_LABEL_OF[key] for key in FUNDS_ROW_KEYS)  # top to bottom, as the form has them
METHODS = ("单位自评", "部门评价", "财政评价")
GRADE_NOTE = "100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差"

# Fixed rows of the upper part (1-based Excel rows), as in the contract table.
TITLE_ROW = 1
NAME_ROW = 2
DEPARTMENT_ROW = 3
YEAR_ROW = 4
FUNDS_HEADER_ROW = 5
FUNDS_FIRST_ROW = 6  # 年度资金总额; the 其中 rows follow
GOAL_HEADER_ROW = 10
GOAL_TEXT_ROW = 11
SCORING_TITLE_ROW = 12
INDICATOR_HEADER_ROW = 13
FIRST_INDICATOR_ROW = 14


@dataclass(frozen=True)
class Slot:
    """One 三级指标 row of the blank form.

    ``name``/``weight`` are pre-filled for the standard 决策/过程 indicators
    (standards.md §1.4) and ``None`` where the project writes its own.
    """

    level1: str  # 一级 label with its weight, e.g. 项目决策（20分）
    level2: str
    name: str | None = None
    weight: float | None = None


def _blank(level1: str, level2_rows: tuple[tuple[str, int], ...]) -> list[Slot]:
    """Blank 三级 rows: ``count`` rows under each pre-named 二级."""
    return [Slot(level1, level2) for level2, count in level2_rows for _ in range(count)]


_DECISION = "项目决策（20分）"
_PROCESS = "项目过程（20分）"

# 部门评价 / 财政评价: the framework of 财预〔2020〕10号 as used in the seed form.
_DEPARTMENT_SLOTS: tuple[Slot, ...] = (
    Slot(_DECISION, "项目立项", "立项依据充分性", 3),
    Slot(_DECISION, "项目立项", "立项程序规范性", 2),
    Slot(_DECISION, "绩效目标", "绩效目标合理性", 5),
    Slot(_DECISION, "绩效目标", "绩效指标明确性", 5),
    Slot(_DECISION, "资金投入", "预算编制科学性", 3),
    Slot(_DECISION, "资金投入", "资金分配合理性", 2),
    Slot(_PROCESS, "资金管理", "资金到位率", 3),
    Slot(_PROCESS, "资金管理", "预算执行率", 4),
    Slot(_PROCESS, "资金管理", "资金使用合规性", 3),
    Slot(_PROCESS, "组织实施", "管理制度健全性", 5),
    Slot(_PROCESS, "组织实施", "制度执行有效性", 5),
    *_blank("项目产出（30分）", (("产出数量", 2), ("产出质量", 2), ("产出时效", 2), ("产出成本", 2))),
    *_blank("项目效益（30分）", (("社会效益", 2), ("可持续影响", 1), ("满意度", 2))),
)

# 单位自评: the 自评表 of the central template (standards.md §2.1), 10 + 50 + 30 + 10.
_SELF_SLOTS: tuple[Slot, ...] = (
    *_blank("产出指标（50分）", (("数量指标", 2), ("质量指标", 2), ("时效指标", 1), ("成本指标", 1))),
    *_blank(
        "效益指标（30分）",
        (("经济效益指标", 1), ("社会效益指标", 2), ("生态效益指标", 1), ("可持续影响指标", 1)),
    ),
    *_blank("满意度指标（10分）", (("服务对象满意度指标", 2),)),
)

_SLOTS = {DEPARTMENT.name: _DEPARTMENT_SLOTS, SELF.name: _SELF_SLOTS}
SCHEMES = {DEPARTMENT.name: DEPARTMENT, SELF.name: SELF}


@dataclass(frozen=True)
class FormLayout:
    """Where everything sits in the 绩效评价表 sheet of one scheme's template."""

    scheme: Scheme
    slots: tuple[Slot, ...]

    @property
    def last_indicator_row(self) -> int:
        return FIRST_INDICATOR_ROW + len(self.slots) - 1

    @property
    def total_row(self) -> int:
        return self.last_indicator_row + 1

    @property
    def grade_row(self) -> int:
        return self.total_row + 1

    @property
    def note_row(self) -> int:
        return self.grade_row + 1

    def slot_row(self, index: int) -> int:
        return FIRST_INDICATOR_ROW + index

    def funds_row(self, label: str) -> int:
        return FUNDS_FIRST_ROW + FUNDS_ROW_LABELS.index(label)

    def runs(self, level: str) -> list[tuple[int, int, str]]:
        """(first row, last row, label) of each run of equal 一级 or 二级 labels, to merge."""
        runs: list[tuple[int, int, str, object]] = []
        for i, slot in enumerate(self.slots):
            key = slot.level1 if level == "level1" else (slot.level1, slot.level2)
            label = slot.level1 if level == "level1" else slot.level2
            row = self.slot_row(i)
            if runs and runs[-1][3] == key:
                first, _, _, _ = runs[-1]
                runs[-1] = (first, row, label, key)
            else:
                runs.append((row, row, label, key))
        return [(first, last, label) for first, last, label, _ in runs]


def form_layout(scheme: str) -> FormLayout:
    """The layout of the template for ``scheme`` (部门评价 or 单位自评)."""
    if scheme not in _SLOTS:
        raise ValueError(f"未知的评价方案：{scheme}（可选：{'、'.join(_SLOTS)}）")
    return FormLayout(SCHEMES[scheme], _SLOTS[scheme])
