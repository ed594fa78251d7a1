"""What the XC5xx scoring rules share: the 核定 of every indicator under the
scheme the project is scored with, and how an indicator is named in a message.

The pipeline passes its ProjectScore as ``ctx.scoring``; its scheme is the
resolved one. Without it (rule fixtures), ``ctx.scheme`` is used. The rules
share :func:`perfeval_xl.scoring.assess_project` with the scoring, because
they need more than the ProjectScore keeps: whether the target was met, the
formula, the band.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from perfeval_xl.findings import Severity
from perfeval_xl.model import Indicator, Project
from perfeval_xl.rules._base import RuleContext
from perfeval_xl.scheme import Scheme
from perfeval_xl.scoring import Assessment, assess_project
from perfeval_xl.tolerance import fmt_number, score_equal


def scheme_of(ctx: RuleContext) -> Scheme:
    return ctx.scoring.scheme if ctx.scoring is not None else ctx.scheme


def assessments(project: Project, ctx: RuleContext) -> Iterator[tuple[Indicator, Assessment]]:
    """Every indicator with its assessment under the project's scheme (computed
    once per project, shared with the scoring)."""
    return zip(project.indicators, assess_project(project, scheme_of(ctx)))


def assessed(project: Project, ctx: RuleContext) -> Iterator[tuple[Indicator, Assessment]]:
    """Every indicator with a written 得分, with its assessment."""
    return ((ind, a) for ind, a in assessments(project, ctx) if ind.score.present)


def full_marks_for_missed_target(ind: Indicator, a: Assessment) -> bool:
    """XC501's condition, which XC502/XC503 leave to it: the target was missed,
    the 得分 is the whole 分值, and the rules allow less."""
    return (
        a.judged
        and a.met is False
        and ind.weight.present
        and score_equal(ind.score.value, ind.weight.value)
        and a.exceeds(ind.score.value, ind.score.decimals)
    )


def over_weight(ind: Indicator) -> bool:
    """得分 above 分值 is a structure error the catalog reports (XC2xx); the
    scoring rules do not report it a second time."""
    return ind.weight.present and ind.score.value > ind.weight.value and not score_equal(
        ind.score.value, ind.weight.value
    )


def approximate_note(a: Assessment) -> str:
    return "（完成值是约数，请核实确切数字。）" if a.approximate else ""


def inexact_severity(a: Assessment, ctx: RuleContext) -> Severity | None:
    """An approximate 完成值 (约20家) never alone makes an error: at most a warning."""
    if a.approximate and ctx.severity is Severity.ERROR:
        return Severity.WARNING
    return None


def label(ind: Indicator) -> str:
    return f"「{ind.name.value or ind.name.raw or '（未命名指标）'}」"


def figures(ind: Indicator) -> str:
    """指标值「≥20家」、完成值「15家」"""
    target = ind.target.value.text if ind.target.value else ind.target.raw
    actual = ind.actual.value.text if ind.actual.value else ind.actual.raw
    return f"指标值「{target}」、完成值「{actual}」"


def points(x: float | None, scheme: Scheme) -> str:
    return fmt_number(x, scheme.rounding)


def report_above_allowed(
    project: Project,
    ctx: RuleContext,
    applies: Callable[[Assessment], bool],
    why: Callable[[Indicator, Assessment, str], str],
    verdict: str,
) -> None:
    """Report every indicator whose self score is above what the rules allow,
    for the assessments ``applies`` selects; ``why(ind, a, allowed)`` says
    what the limit is. Cases owned by other rules (full marks on a missed
    target: XC501; above 分值: XC203) are left to them."""
    scheme = scheme_of(ctx)
    for ind, a in assessed(project, ctx):
        if not applies(a) or not a.exceeds(ind.score.value, ind.score.decimals):
            continue
        if full_marks_for_missed_target(ind, a) or over_weight(ind):
            continue
        allowed = points(a.allowed_high, scheme)
        ctx.report(
            at=ind.score,
            message=f"{why(ind, a, allowed)}，自评 {points(ind.score.value, scheme)} 分{verdict}。依据：{a.reason}。"
            + approximate_note(a),
            severity=inexact_severity(a, ctx),
            expected=allowed,
            actual=points(ind.score.value, scheme),
            related=[ind.target, ind.actual, ind.weight],
        )
