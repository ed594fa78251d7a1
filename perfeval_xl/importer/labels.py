"""Recognising the form's labels however the report spells them.

Labels are compared after ``norm``: no spaces or line breaks, half-width
brackets and colons, no trailing colon, no column letter (``全年预算数（A）``).
Each table lists (key, spellings) with the most specific spelling first, since
``执行率`` must win over ``执行数`` and ``年初预算`` over ``预算数``.
"""

from __future__ import annotations

import re

_WIDTH = str.maketrans("（）：，", "():,")
_LETTER = re.compile(r"\(?[A-Da-d](/[A-Da-d])?\)?$")


def norm(text: str) -> str:
    text = re.sub(r"\s+", "", text or "").translate(_WIDTH).rstrip(":")
    return _LETTER.sub("", text) if len(text) > 3 else text


def match(text: str, table: tuple[tuple[str, tuple[str, ...]], ...], *, prefix: bool = False) -> str | None:
    """The key whose spelling ``text`` is (or starts with, or contains)."""
    key = norm(text)
    if not key:
        return None
    for name, spellings in table:
        for spelling in spellings:
            if key == spelling or (prefix and key.startswith(spelling)) or (not prefix and spelling in key):
                return name
    return None


# Header fields: label cell, value in the next non-empty cell (or after a colon).
FIELDS = (
    ("name", ("项目名称",)),
    ("department", ("主管部门", "主管单位", "预算部门")),
    ("implementer", ("实施单位", "项目单位", "项目实施单位")),
    ("year", ("评价年度", "项目年度")),
    ("method", ("评价方式", "评价类型")),
)

FUNDS_HEADER = (
    ("initial", ("年初预算",)),
    ("rate", ("执行率",)),
    ("spent", ("全年执行", "实际支出", "执行数", "实际执行", "全年实际")),
    ("budget", ("全年预算", "调整后预算", "预算数")),
    ("weight", ("分值", "权重")),
    ("score", ("得分",)),
)

FUNDS_ROWS = (
    ("total", ("年度资金总额", "资金总额", "项目资金总额")),
    ("fiscal", ("当年财政拨款", "本年财政拨款", "财政拨款", "财政资金")),
    ("carryover", ("上年结转资金", "上年结转", "结转资金")),
    ("other", ("其他资金", "其它资金")),
)

INDICATOR_HEADER = (
    ("serial", ("序号",)),
    ("level1", ("一级指标",)),
    ("level2", ("二级指标",)),
    ("name", ("三级指标", "指标名称", "指标内容")),
    ("kind", ("指标类型", "指标性质")),
    ("deviation", ("偏差原因", "未完成原因", "原因分析", "改进措施")),
    ("method", ("得分计算方法", "计算方法", "评分标准")),
    ("actual", ("全年完成值", "实际完成值", "完成值", "全年实际值", "实际值", "完成情况")),
    ("target", ("年度指标值", "指标值", "目标值")),
    ("weight", ("分值", "权重")),
    ("score", ("得分",)),
)

TOTAL = (("total", ("总分", "合计", "总计")),)
GRADE = (("grade", ("评价等次", "评价等级", "等次", "等级", "评价结果")),)
GOALS = (("goals", ("年度总体目标", "总体目标", "预期目标", "实际完成情况")),)
CAPTIONS = ("绩效评价指标评分", "绩效评价指标", "绩效指标", "续表")
LEGEND = re.compile(r"分为优|分以下为差|\d+\s*[-—~～]\s*\d+.*分.*[优良中差]")
