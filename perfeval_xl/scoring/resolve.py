"""Which scheme scores a project, and why.

Order (issue 5):

1. the form's 评价方式 (单位自评 / 部门评价 / 财政评价; a longer wording
   that contains 自评 / 财政 / 部门 counts too);
2. else the ``--scheme`` override (a built-in name or a TOML path);
3. else inferred from the weights: Σ 三级 分值 ≈ 90 → 单位自评 (the funds
   block adds the other 10), ≈ 100 → 部门评价; anything else → 部门评价,
   the common case, with a note saying the weights fit neither.

When the form states its 评价方式 *and* ``--scheme`` is given, the override
is used only if it scores that same 评价方式 (its ``applies_to``, e.g. a
provincial 部门评价 variant on a 部门评价 form). If it is meant for another
评价方式, the form wins: the form is what the unit signed, and a batch
run with one ``--scheme`` over mixed folders must not re-score 单位自评
forms as 部门评价. The note returned says so (rule XC507 reports it).
"""

from __future__ import annotations

from dataclasses import replace

from perfeval_xl.model import Project
from perfeval_xl.scheme import Scheme
from perfeval_xl.scoring.load import BUILTIN_FILES, load_scheme
from perfeval_xl.tolerance import fmt_number

FROM_FORM = "评价方式"
FROM_OVERRIDE = "--scheme"
INFERRED = "推断"

_WEIGHT_SLACK = 0.5  # Σ 分值 within ±0.5 of 90 / 100 counts as that total


def method_of(project: Project) -> str | None:
    """The built-in scheme named by the form's 评价方式, or None."""
    text = "".join((project.method.value or "").split())
    if text in BUILTIN_FILES:
        return text
    for key, name in (("自评", "单位自评"), ("财政", "财政评价"), ("部门", "部门评价")):
        if key in text:
            return name
    return None


def stated_funds_weight(project: Project) -> float | None:
    """The funds block's 分值 as the form states it (10, or 20 on Hubei-style forms)."""
    if project.funds is None or not project.funds.total.weight.present:
        return None
    weight = project.funds.total.weight.value
    return weight if 0 < weight < 100 else None


def indicator_points(project: Project) -> float:
    """The points the indicators carry: Σ 三级 分值, or, on a form without a 分值
    column, Σ of the weights written in the 一级 labels (产出指标（50分）)."""
    weights = [ind.weight.value for ind in project.indicators if ind.weight.value is not None]
    if weights:
        return sum(weights)
    return sum(group[0].level1_weight.value or 0.0 for group in project.level1_groups().values())


def infer_scheme(project: Project) -> tuple[Scheme, str]:
    """The scheme the weights point to, and a Chinese note saying so."""
    total = indicator_points(project)
    funds = stated_funds_weight(project) or 10
    written = "".join((project.method.value or "").split())
    why = f"评价方式填写为「{written}」，无法识别" if written else "评价表未填写评价方式"
    if abs(total + funds - 100) <= _WEIGHT_SLACK:
        name = "单位自评"
        basis = f"三级指标分值合计为 {fmt_number(total)}（另加预算执行率 {fmt_number(funds)} 分），"
    elif abs(total - 100) <= _WEIGHT_SLACK:
        name, basis = "部门评价", f"三级指标分值合计为 {fmt_number(total)}，"
    elif _total_counts_funds(project):
        name = "单位自评"
        basis = f"三级指标分值合计为 {fmt_number(total)}（与 {fmt_number(100 - funds)} 不符），但总分计入了预算执行率得分，"
    else:
        name, basis = "部门评价", f"三级指标分值合计为 {fmt_number(total)}，既不是 {fmt_number(100 - funds)} 也不是 100，按最常见的方案"
    return load_scheme(name), f"{why}；{basis}推断为「{name}」评分方案。"


def _total_counts_funds(project: Project) -> bool:
    """Does the form's 总分 equal Σ 三级得分 plus the funds 得分 (and not Σ alone)?"""
    total, funds = project.total_score.value, project.funds.total.score.value if project.funds else None
    scores = [ind.score.value for ind in project.indicators]
    if total is None or funds is None or not funds or not scores or any(s is None for s in scores):
        return False
    return abs(sum(scores) + funds - total) <= 0.01 and abs(sum(scores) - total) > 0.01


def fit_funds_weight(scheme: Scheme, project: Project) -> tuple[Scheme, str | None]:
    """The scheme with the funds 分值 the form states, when it differs (湖北式
    自评表: 预算执行 20 分、指标 80 分). A scheme that counts the funds in 总分
    then expects the indicators to make up the rest of it."""
    weight = stated_funds_weight(project)
    if weight is None or abs(weight - scheme.funds_weight) < 1e-9:
        return scheme, None
    if not scheme.funds_in_total:
        return replace(scheme, funds_weight=weight), None
    indicators = indicator_points(project)
    if abs(indicators + weight - scheme.total) > _WEIGHT_SLACK:
        return scheme, None  # the weights do not add up either way: XC201 says so against the scheme
    note = (
        f"评价表中预算执行率为 {fmt_number(weight)} 分、三级指标合计 {fmt_number(indicators)} 分，"
        f"按此核定（方案「{scheme.name}」原为 {fmt_number(scheme.funds_weight)} 分与 {fmt_number(scheme.indicator_total)} 分）。"
    )
    return replace(scheme, funds_weight=weight, indicator_total=scheme.total - weight), note


def resolve_scheme(project: Project, override: str | None = None) -> tuple[Scheme, str, str | None]:
    """(scheme, source, note): source is 评价方式 / --scheme / 推断; note is a
    Chinese sentence for the reviewer or None. A bad ``override`` raises
    :class:`perfeval_xl.scoring.SchemeError` (callers validate it up front).
    The scheme takes the funds 分值 the form states (:func:`fit_funds_weight`)."""
    scheme, source, note = _choose_scheme(project, override)
    scheme, fitted = fit_funds_weight(scheme, project)
    notes = [n for n in (note, fitted) if n]
    return scheme, source, "".join(notes) or None


def _choose_scheme(project: Project, override: str | None) -> tuple[Scheme, str, str | None]:
    chosen = load_scheme(override) if override else None
    method = method_of(project)
    if method is not None:
        if chosen is None:
            return load_scheme(method), FROM_FORM, None
        if chosen.method == method:
            return chosen, FROM_OVERRIDE, None
        note = (
            f"评价表的评价方式为「{method}」，而 --scheme 指定的「{chosen.name}」适用于{chosen.method}，"
            f"两者不一致，已按评价表的评价方式「{method}」评分。"
        )
        return load_scheme(method), FROM_FORM, note
    if chosen is not None:
        return chosen, FROM_OVERRIDE, None
    scheme, note = infer_scheme(project)
    return scheme, INFERRED, note
