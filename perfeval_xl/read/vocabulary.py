"""The labels the reader looks for, with the synonyms real forms use.

Labels are compared after ``normalize_label`` (no whitespace, half-width
brackets and colons). Each entry is a list of regular expressions matched
against the whole normalised cell text; the first list item is the
contract's own wording. Keep this file the only place that knows wordings.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Header fields: label -> patterns. A trailing colon is allowed everywhere.
HEADER_FIELDS: dict[str, list[str]] = {
    "name": [r"项目名称"],
    "department": [r"主管部门(?:及代码|名称)?", r"主管单位", r"预算部门"],
    "implementer": [r"实施单位", r"项目实施单位", r"预算单位"],
    "year": [r"评价年度", r"年度", r"项目年度", r"预算年度"],
    "method": [r"评价方式", r"评价类型", r"评价方法"],
}

# Funds block column headers (normalised text must *start* with one of these).
FUNDS_COLUMNS: dict[str, list[str]] = {
    "initial": [r"年初预算数?", r"年初预算金额"],
    "budget": [r"全年预算数?", r"调整后预算数?", r"全年预算金额", r"预算数(\(A\)|A)?$", r"预算数\(A\)"],
    "spent": [r"全年执行数", r"实际支出数", r"执行数", r"实际执行数", r"预算执行数", r"全年支出数", r"实际支出"],
    "weight": [r"分值", r"权重"],
    "rate": [r"执行率", r"预算执行率"],
    "score": [r"得分"],
    # Sichuan's form explains a low rate or an adjustment in a 原因 column of the funds block
    "explanation": [r"原因", r"偏差原因", r"说明", r"原因说明", r"备注"],
}

# Funds block row labels.
FUNDS_ROWS: dict[str, list[str]] = {
    "total": [r"年度(?:财政)?资金总额", r"(?:财政)?资金总额", r"总额", r"合计", r"年度预算资金总额"],
    "fiscal": [r"(其中)?[:：]?(当年|本年)?财政拨款(资金)?", r"(其中)?[:：]?财政资金"],
    "carryover": [r"(其中)?[:：]?上年结转(结余)?资金?", r"(其中)?[:：]?上年结余资金?"],
    "other": [r"(其中)?[:：]?其他资金", r"(其中)?[:：]?单位资金"],
}

# Indicator table column headers (normalised text must *start* with one of these).
INDICATOR_COLUMNS: dict[str, list[str]] = {
    "level1": [r"一级指标"],
    "level2": [r"二级指标"],
    "name": [r"三级指标"],
    "target": [r"年度指标值", r"指标值", r"目标值", r"年初目标值", r"年度目标值", r"预期指标值"],
    "actual": [r"全年完成值", r"实际完成值", r"完成值", r"全年实际值", r"实际值", r"实际完成情况"],
    "weight": [r"分值", r"权重"],
    "score": [r"得分"],
    "deviation": [r"偏差原因", r"偏差", r"未完成原因", r"原因分析", r"扣分原因"],
    "kind": [r"指标类型", r"指标性质"],
    # Sichuan's 510000_0013zp form: the unit in a column of its own
    "unit": [r"度量单位", r"计量单位"],
}

# A 总分 stated in the header area, above the indicator table (湖北式: 总分：99.65分).
HEADER_TOTAL = [r"总分", r"自评总分", r"自评得分", r"总得分"]
TOTAL_ROW = [r"总分", r"合计", r"总计", r"得分合计", r"总得分", r"综合得分", r"自评总分", r"评价总分"]
GRADE_ROW = [
    r"评价等次", r"评价等级", r"等次", r"等级", r"绩效等级", r"评价结果", r"自评等次", r"自评等级", r"综合等级",
    r"绩效评价等级", r"评定等级", r"考核等次", r"自评结果",
]  # fmt: skip
# A 小计 row inside the indicator table (one per 一级指标 on many local forms): a label cell of the row
# says 小计 (产出指标小计, 小计（50分）); it sums the rows above it and is not an indicator.
SUBTOTAL_ROW = [r".{0,8}小计.{0,8}", r"小结"]
# Rows under the table that are not indicators: notes, explanations, signatures. They end the
# table when a form has no 总分 row before them.
NOTE_ROW = [
    r"评分说明", r"说明", r"备注", r"注", r"填表说明", r"填报说明", r"评分标准", r"评价结论", r"存在问题",
    r"改进措施", r"项目负责人", r"财务负责人", r"单位负责人", r"填表人", r"填报人", r"审核人", r"联系电话",
    r"等次说明", r"等级说明", r"评价等次说明",
]  # fmt: skip
GOALS_BLOCK = [r"年度总体目标", r"总体目标", r"年度目标"]
GOAL_EXPECTED = [r"预期目标", r"年初目标"]
GOAL_ACTUAL = [r"实际完成情况", r"实际完成", r"完成情况"]

FORM_SHEET_NAMES = [r"绩效评价表", r"评价表", r"项目支出绩效评价表", r"绩效自评表"]
NARRATIVE_SHEET_NAMES = [r"评价报告", r"报告正文", r"绩效评价报告", r"报告"]
IGNORED_SHEET_NAMES = [r"填表说明"]

_COLON = "[:]?"


@lru_cache(maxsize=512)
def _compile(patterns: tuple[str, ...], *, prefix: bool) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"^(?:{body}){_COLON}" + ("" if prefix else "$"))


def matcher(patterns: list[str], *, prefix: bool = False):
    """A predicate on normalised text: whole-text match, or prefix match."""
    rx = _compile(tuple(patterns), prefix=prefix)
    return lambda text: bool(text) and rx.match(text) is not None


def matches(text: str, patterns: list[str], *, prefix: bool = False) -> bool:
    return _matches(text, tuple(patterns), prefix)


@lru_cache(maxsize=8192)
def _matches(text: str, patterns: tuple[str, ...], prefix: bool) -> bool:
    # the same labels are asked about against the same lists in every workbook of a batch
    return bool(text) and _compile(patterns, prefix=prefix).match(text) is not None
