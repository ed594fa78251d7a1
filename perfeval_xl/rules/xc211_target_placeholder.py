"""XC211: a 年度指标值 is empty or holds placeholder characters."""

import re

from perfeval_xl.model import Project
from perfeval_xl.rules._base import RuleContext, rule

# `*`, `_` and `-` are refused by the finance systems (指标值"不符合规范"); `…` and XX are
# template placeholders a clerk forgot to replace. A '-' followed by a digit is a sign or a
# date part (2023-12-31), not a placeholder.
PLACEHOLDER = re.compile(r"[*＊_＿…]|\.\.\.|[Xx×]{2,}|-(?!\d)|^[\s—－/／]+$")


@rule(id="XC211", name="indicators.target_placeholder", severity="warning", title="年度指标值为空或不规范")
def check(project: Project, ctx: RuleContext) -> None:
    """三级指标的年度指标值为空，或含有占位符（*、_、-、…、XX）。

    为什么：没有目标值就无法判断完成情况和得分；含 *、_、- 的指标值被绩效系统判为
    “不符合规范”，…、XX 是模板中未替换的占位符。

    何时报告：指标名称已填，而年度指标值为空，或含有上述字符（“-”后面紧跟数字时
    视为负号或日期，不算占位符）。

    何时通过：年度指标值已填写且不含占位符。
    """
    for ind in project.indicators:
        if not ind.name.present:
            continue
        text = ind.target.raw.strip()
        if not text:
            problem = "未填写"
        elif PLACEHOLDER.search(text):
            problem = f"“{text}”含有占位符或不规范字符"
        else:
            continue
        ctx.report_as_written(
            ind.target,
            fallback=ind.name.ref,
            message=f"指标“{ind.name.value}”的年度指标值{problem}，请填写明确的目标值。",
            expected="明确的年度指标值",
        )
