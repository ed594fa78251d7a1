"""XC607: a deduction the report states does not leave the score it states."""

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import INDICATOR_DEDUCTION, INDICATOR_SCORE, Claim
from perfeval_xl.narrative.facts import show
from perfeval_xl.narrative.roles import ACTUAL, MAXIMUM
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.tolerance import fmt_number, score_equal


def _row(claims: list[Claim], deduction: Claim) -> tuple[Claim | None, Claim | None]:
    """The 分值 and the 得分 stated in the deduction's sentence (the row it is about)."""
    same = [c for c in claims if c.paragraph == deduction.paragraph and c.sentence == deduction.sentence
            and c.subject == INDICATOR_SCORE and c.firm]
    maxima = [c for c in same if c.role == MAXIMUM and c.start < deduction.start]
    scores = [c for c in same if c.role == ACTUAL and c.start > deduction.start]
    return (maxima[-1] if maxima else None), (scores[0] if scores else None)


@rule(id="XC607", name="narrative.deduction_vs_score", severity="error", title="报告所述扣分与得分对不上")
def check(project: Project, ctx: RuleContext) -> None:
    """报告写“扣Z分，得W分”，而 分值−Z≠W。

    为什么：指标分析逐项写扣分和得分，“扣1分，该指标得分3分”而该指标分值是5分，扣分与得分必有一处写错；
    没有附评价表的报告，同一句写了分值时也能核对（“分值5分，扣1.5分，得3分”）。

    何时报告：同一句写了扣分和其后的得分，且分值（同句前面写的“分值/满分N分”，否则评价表该指标行的分值）
    减去扣分不等于该得分；句中没写得分时，与评价表该指标行的得分比较。

    何时通过：分值−扣分=得分（同句得分与之不符而评价表得分相符时，错的是所写得分，由 XC606 报告）；或不知道分值（没附评价表、句中也没写）；或看不出扣的是哪个指标的分。
    """
    claims = project_claims(project)
    for deduction in claims:
        if deduction.subject != INDICATOR_DEDUCTION or not deduction.firm:
            continue
        ind = project.indicators[deduction.indicator] if deduction.indicator is not None else None
        maximum, stated = _row(claims, deduction)
        if maximum is not None:
            weight, weight_where = float(maximum.value), f"同句写分值{show(maximum)}"
            related = []
        elif ind is not None and ind.weight.present:
            weight, weight_where = ind.weight.value, f"评价表{ind.weight.ref}分值{fmt_number(ind.weight.value)}分"
            related = [ind.weight]
        else:
            continue
        left = weight - float(deduction.value)
        form_agrees = ind is not None and ind.score.present and score_equal(left, ind.score.value)
        if stated is not None:
            if score_equal(left, float(stated.value)) or form_agrees:
                continue  # the stated score is the wrong one: XC606 holds it against the form
            said, actual = f"，而同句写得分{show(stated)}", show(stated)
        elif ind is not None and ind.score.present and maximum is None:
            if form_agrees:
                continue
            said, actual = f"，而评价表{ind.score.ref}得分{fmt_number(ind.score.value)}分", f"{fmt_number(ind.score.value)}分"
            related.append(ind.score)
        else:
            continue
        name = deduction.indicator_name or "该指标"
        ctx.report(deduction.ref,
                   f"报告所述“{name}”扣分与得分对不上：“{deduction.fragment}”，{weight_where}，"
                   f"扣{fmt_number(float(deduction.value))}分应得{fmt_number(left)}分{said}。",
                   expected=f"{fmt_number(left)}分", actual=actual, related=related)
