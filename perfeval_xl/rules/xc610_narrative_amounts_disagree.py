"""XC610: the report states one figure with different values."""

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import Claim
from perfeval_xl.narrative.facts import (
    agrees,
    form_money,
    form_rates,
    label,
    show,
    trusted,
)
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._narrative import report_claim

_MONEY = ("arrived", "budget", "full_year_budget", "initial_budget", "spent", "balance")
_OTHERS = ("execution_rate", "arrival_rate", "total_score", "grade", "count_level1", "count_level2", "count_level3")


def _consensus(claims: list[Claim], voters: list[Claim]) -> tuple[Claim, list[Claim]]:
    """The statement most ``voters`` agree with (the first stated on a tie), and
    the claims agreeing with it."""
    best = max(claims, key=lambda c: sum(agrees(c, o) for o in voters))  # max keeps the first on a tie
    return best, [c for c in claims if agrees(c, best)]


def _voters(said: list[Claim], subject: str, claims: list[Claim]) -> list[Claim]:
    """Who decides which statement is the odd one: the statements themselves and,
    for a 年初/全年 budget, the bare 预算 figures (预算资金2089万元 sides with
    全年预算2089万元 against a 全年预算数2089元)."""
    if subject not in ("initial_budget", "full_year_budget"):
        return said
    return said + [c for c in trusted(claims, "budget") if any(agrees(c, s) for s in said)]


def _not_enumerated(claims: list[Claim]) -> list[Claim]:
    """Leave out a sentence that states one subject several times with different
    values (“A项目得分95分，B项目得分92分”): it lists different things."""
    by_sentence: dict[tuple[int, int], list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault((c.paragraph, c.sentence), []).append(c)
    return [c for c in claims if all(agrees(c, o) for o in by_sentence[(c.paragraph, c.sentence)])]


def _generic_budget(said: list[Claim], claims: list[Claim]) -> list[Claim]:
    """A bare 预算 may be the 年初 or the 调整后 one. When the report states neither,
    bare figures are compared among themselves; when it states both and they agree,
    a bare figure is held against them; otherwise a bare 预算 cannot be placed."""
    initial, adjusted = trusted(claims, "initial_budget"), trusted(claims, "full_year_budget")
    specific = initial + adjusted
    if not specific:
        return said
    if not (initial and adjusted) or len({round(float(c.value), 2) for c in specific}) > 1:
        return []
    unplaced = [c for c in said if not any(agrees(c, s) for s in specific)]
    if not unplaced:
        return []
    return sorted(unplaced + specific, key=lambda c: (c.paragraph, c.start))  # the specific figures vote too


def _on_form(project: Project, subject: str) -> bool:
    """Does the form hold this figure? Then each statement is held against the
    form (XC601–XC605), and a second report here would name the same number twice."""
    if subject in _MONEY:
        return bool(form_money(project, subject)) or (subject == "balance" and project.funds is not None)
    if subject in ("execution_rate", "arrival_rate"):
        return bool(form_rates(project, subject)[0])
    if subject == "total_score":
        return project.total_score.present
    if subject == "grade":
        return project.grade.value.present or bool(project.grade.checked)
    return bool(project.indicators)  # the counts


@rule(id="XC610", name="narrative.amounts_disagree", severity="error", title="报告前后所述数字不一致")
def check(project: Project, ctx: RuleContext) -> None:
    """报告不同地方对同一个数（到位资金、预算、支出、结余，以及没有评价表时的执行率、到位率、总分、等次、
    指标个数）给出不同的值。

    为什么：样本报告先写“实际到位60万元”，后写“实际到位资金41.83万元”；到位资金不在评价表上，只能与报告
    自身对照。没有附评价表的报告，执行率、总分等也只能前后对照。

    何时报告：同一主语、同为“实际数”的明确说法（不是分项、目标、以前年度、约数或满分）在报告中出现两个以上
    不同的值：以与之相符的说法最多的那个为准（一样多时取先写的；年初预算、全年预算的几种说法不一时，只写“预算”
    而与其中之一相同的数也算作相符的说法），报告每个与之不符的说法。评价表上有的数
    （预算、支出、结余、执行率、总分、等次、指标个数）不在此比较，由 XC601–XC605 逐一与评价表对照，同一个数
    只报一次。

    何时通过：各处一致（允许四舍五入到所写位数）；或只出现一次；或同一句里对同一主语写了几个不同的值（如“A项目
    得分95分，B项目得分92分”，说的是不同的对象）；报告写了年初预算或调整后预算，而只写“预算”的数与之不同、
    又无法判断指哪一个时（只写了其中一个，或两者不同）不比较；两者都写且相同时，只写“预算”的数与之比较。
    """
    claims = project_claims(project)
    for subject in _MONEY + _OTHERS:
        if subject != "arrived" and _on_form(project, subject):
            continue
        said = _not_enumerated(trusted(claims, subject))
        if subject == "budget":
            said = _generic_budget(said, claims)
        if len(said) < 2 or all(agrees(said[0], c) for c in said[1:]):
            continue
        voters = _voters(said, subject, claims)
        best, agreeing = _consensus(said, voters)
        backing = agreeing + [c for c in voters if c not in said and agrees(c, best)]
        where = "、".join(dict.fromkeys(str(c.ref) for c in backing))
        for claim in said:
            if claim in agreeing:
                continue
            report_claim(
                ctx,
                claim,
                f"报告前后{label(subject)}不一致：“{claim.fragment}”写{show(claim)}，而{where}写{show(best)}。",
                expected=show(best),
                related=[c.ref for c in backing],
            )
