"""核定 of a whole project: every indicator, the funds block, 总分 and 等次."""

from __future__ import annotations

from perfeval_xl.model import Funds, Project
from perfeval_xl.scheme import IndicatorScore, ProjectScore, Scheme
from perfeval_xl.scoring.assessment import round_score
from perfeval_xl.scoring.indicator import assess_project
from perfeval_xl.tolerance import score_matches


def funds_score(funds: Funds | None, scheme: Scheme) -> float | None:
    """min(执行率, 1) × the scheme's funds weight, 执行率 over the scheme's
    denominator (全年预算数 or 年初预算数); a written 得分 equal to it up
    to rounding is kept. Without the figures, the written 得分 is kept."""
    if funds is None:
        return None
    row = funds.total
    own = row.score.value
    denominator = row.budget.value if scheme.rate_denominator == "budget" else row.initial.value
    spent = row.spent.value
    if denominator is None or denominator <= 0 or spent is None:
        return own
    exact = min(max(spent, 0.0) / denominator, 1.0) * scheme.funds_weight
    if own is not None and score_matches(own, exact, row.score.decimals):
        return own
    return round_score(exact, scheme.rounding)


def score_project(
    project: Project,
    scheme: Scheme,
    *,
    source: str = "--scheme",
    note: str | None = None,
) -> ProjectScore:
    """Re-score a project under ``scheme``.

    ``source`` and ``note`` record how the scheme was chosen (pass what
    :func:`perfeval_xl.scoring.resolve_scheme` returned). An indicator whose
    核定 is unknown (not judged and no self-score) counts 0 toward the
    核定总分; its reason says so.
    """
    scores: list[IndicatorScore] = []
    for index, (ind, a) in enumerate(zip(project.indicators, assess_project(project, scheme))):
        reason = a.reason if a.computed is not None else f"{a.reason}；按 0 分计入核定总分"
        scores.append(
            IndicatorScore(
                index=index,
                self_score=ind.score.value,
                computed=a.computed,
                allowed_low=a.allowed_low,
                allowed_high=a.allowed_high,
                reason=reason,
                judged=a.judged,
            )
        )
    funds = funds_score(project.funds, scheme)
    total = grade = None
    if scores:
        total = sum(s.computed or 0.0 for s in scores)
        if scheme.funds_in_total and funds is not None:
            total += funds
        total = round_score(total, scheme.rounding)
        grade = scheme.grade_for(total)
    return ProjectScore(
        scheme=scheme,
        scheme_source=source,
        indicators=tuple(scores),
        funds_score=funds,
        computed_total=total,
        computed_grade=grade,
        scheme_note=note,
    )
