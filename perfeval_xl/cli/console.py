"""Plain-text renderings for the terminal (the CLI prints what these return)."""

from __future__ import annotations

from perfeval_xl.findings import FileResult, Finding
from perfeval_xl.model import FundsRow, Measure, Project, Sourced, Timing
from perfeval_xl.outputs.figures import render_figures
from perfeval_xl.outputs.records import NARRATIVE_ONLY
from perfeval_xl.tolerance import fmt_number, fmt_rate


def _at(s: Sourced) -> str:
    return f"（{s.ref.cell}）" if s.ref else ""


def _num(s: Sourced) -> str:
    if s.value is None:
        return f"“{s.raw}”{_at(s)}" if s.raw else f"空{_at(s)}"
    return f"{fmt_number(s.value, 4)}{_at(s)}"


def _rate(s: Sourced) -> str:
    if s.value is None:
        return f"“{s.raw}”{_at(s)}" if s.raw else f"空{_at(s)}"
    return f"{fmt_rate(s.value, 4)}{_at(s)}"


def _text(s: Sourced) -> str:
    if isinstance(s.value, Measure):
        return f"“{s.raw}”{_measure_kind(s.value)}{_at(s)}"
    return f"{s.value}{_at(s)}" if s.present else f"（空）{_at(s)}"


def _measure_kind(m: Measure) -> str:
    if m.is_quantitative:
        parts = [m.comparator.value or "=", fmt_number(m.number, 4), m.unit or "（无单位）"]
        if m.approximate:
            parts.append(f"（约数：{m.qualifier}）")
        elif m.qualifier and m.qualifier not in m.comparator.value:
            parts.append(f"（{m.qualifier}）")
        return f"[定量 {' '.join(parts)}]"
    if m.timing is not None:
        return f"[时效 {describe_timing(m.timing)}]"
    return f"[定性：{m.level.value}]" if m.level else "[定性：未能归档]"


def describe_timing(t: Timing) -> str:
    """``截至 2023-10-31``, ``2023-10-26``, ``按期`` …, as `perfeval check` shows a time value."""
    parts = []
    if t.span is not None:
        parts.append(("截至 " if t.before else "") + str(t.span))
    if t.festival:
        parts.append(f"（{t.festival}）")
    if t.status is not None:
        parts.append(t.status.value)
    return " ".join(parts) or "日期未定"


def _funds_row(name: str, row: FundsRow) -> str:
    return (
        f"  {name}：年初预算数 {_num(row.initial)}，全年预算数 {_num(row.budget)}，全年执行数 {_num(row.spent)}，"
        f"分值 {_num(row.weight)}，执行率 {_rate(row.rate)}，得分 {_num(row.score)}"
    )


def render_narrative_only(project: Project) -> list[str]:
    """A report without its form: what the report says about itself."""
    return [
        f"{NARRATIVE_ONLY}：报告未附绩效评价表，只核对报告正文中的数字，不评分、不参加排名。",
        f"标题：{_text(project.title)}",
        f"项目名称：{_text(project.name)}",
        f"评价年度：{_text(project.year)}",
        f"评价方式：{_text(project.method)}",
        f"评价报告：{len(project.narrative)} 段（工作表“{project.narrative_sheet}”）",
    ]


def render_project(project: Project) -> list[str]:
    if project.narrative_only:
        return render_narrative_only(project)
    lines = [
        f"工作表：{project.form_sheet}",
        f"标题：{_text(project.title)}",
        f"项目名称：{_text(project.name)}",
        f"主管部门：{_text(project.department)}",
        f"实施单位：{_text(project.implementer)}",
        f"评价年度：{_text(project.year)}",
        f"评价方式：{_text(project.method)}",
    ]
    funds = project.funds
    if funds is None:
        lines.append("项目资金：未找到")
    else:
        note = "" if funds.source_unit == "万元" else f"（原表单位：{funds.source_unit}，已换算为万元）"
        lines.append(f"项目资金（万元）{note}：")
        names = [("年度资金总额", funds.total), ("当年财政拨款", funds.fiscal), ("上年结转资金", funds.carryover), ("其他资金", funds.other)]
        lines += [_funds_row(n, r) for n, r in names if r is not None]
    lines.append(f"年度总体目标：预期 {_text(project.goal_expected)}；实际 {_text(project.goal_actual)}")
    lines.append(f"绩效指标（{len(project.indicators)} 项）：")
    for ind in project.indicators:
        head = " / ".join(x for x in (ind.level1.value, ind.level2.value, ind.name.value) if x)
        weight = f"（一级权重 {fmt_number(ind.level1_weight.value)}）" if ind.level1_weight.present else ""
        lines.append(
            f"  第{ind.row}行 {head}{weight}：指标值 {_text(ind.target)}，完成值 {_text(ind.actual)}，"
            f"分值 {_num(ind.weight)}，得分 {_num(ind.score)}"
        )
    for sub in project.subtotals:
        covered = project.indicators[sub.first : sub.stop]
        rows = f"第{covered[0].row}–{covered[-1].row}行" if covered else "（无指标）"
        lines.append(f"  小计{_at(sub.label)}（{rows}的合计）：分值 {_num(sub.weight)}，得分 {_num(sub.score)}")
    lines.append(f"总分：分值 {_num(project.total_weight)}，得分 {_num(project.total_score)}")
    grade = project.grade
    ticked = f"（勾选：{'、'.join(grade.checked) or '无'}）" if grade.checkbox_form else ""
    lines.append(f"评价等次：{_text(grade.value)}{ticked}")
    if project.narrative_sheet:
        lines.append(f"评价报告：{len(project.narrative)} 段（工作表“{project.narrative_sheet}”）")
    else:
        lines.append("评价报告：无（没有“评价报告”工作表）")
    return lines


def render_finding(f: Finding) -> str:
    where = f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (f.sheet or "")
    parts = [f"[{f.severity.label}] {where} {f.rule} {f.message}"]
    if f.expected is not None or f.actual is not None:
        parts.append(f"    应为：{f.expected or '—'}；实为：{f.actual or '—'}")
    if f.related:
        parts.append(f"    相关单元格：{'、'.join(f.related)}")
    return "\n".join(parts)


def render_check(result: FileResult) -> str:
    lines = [f"文件：{result.file}"]
    if result.failure:
        lines.append(f"无法处理：{result.failure}")
    if result.project is not None:
        lines += render_project(result.project)
        lines += render_figures(result)
    if result.findings:
        lines.append(f"发现的问题（{len(result.findings)} 条）：")
        lines += [render_finding(f) for f in result.findings]
    elif result.ok:
        lines.append("未发现问题。")
    return "\n".join(lines)
