from collections import Counter

from perfeval_xl.findings import Severity
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.facts import form_money, label, money_agrees, show, trusted
from perfeval_xl.rules._base import rule


def _consensus(claims):
    """The amount most paragraphs state (the first stated on a tie), and the
    claims stating it."""
    counts = Counter(round(float(c.value), 2) for c in claims)
    top = max(counts.values())
    value = next(round(float(c.value), 2) for c in claims if counts[round(float(c.value), 2)] == top)
    return value, [c for c in claims if money_agrees(c, value)]


@rule(id="XC610", name="narrative.amounts_disagree", severity=Severity.ERROR, title="报告前后所述金额不一致")
def narrative_amounts_disagree(project, ctx):
    """报告不同段落对同一笔资金（到位、预算、支出、结余）给出不同金额。

    为什么：样本报告先写“实际到位60万元”，后写“实际到位资金41.83万元”；到位资金不在评价表上，只能与报告
    自身对照。

    何时报告：同一主语的明确金额（非分项、非其他年度、非约数）在报告中出现两个以上不同值：以多数段落所写
    金额为准（票数相同取先写的），报告每个与之不符的说法。预算、支出只在评价表没有对应金额时才在此比较
    （有时由 XC601 与评价表对照，避免重复报告）。

    何时通过：各处金额一致（允许四舍五入到所写位数）；或只出现一次。
    """
    claims = project_claims(project)
    for subject in ("arrived", "budget", "full_year_budget", "initial_budget", "spent", "balance"):
        if subject != "arrived" and (form_money(project, subject) or subject == "balance" and project.funds):
            continue
        said = trusted(claims, subject)
        if len({round(float(c.value), 2) for c in said}) < 2:
            continue
        value, agreeing = _consensus(said)
        where = "、".join(dict.fromkeys(str(c.ref) for c in agreeing))
        for claim in said:
            if claim in agreeing:
                continue
            ctx.report(
                claim.ref,
                f"报告前后{label(subject)}不一致：“{claim.fragment}”写{show(claim)}，而{where}写{show(agreeing[0])}。",
                expected=show(agreeing[0]),
                actual=show(claim),
                related=[c.ref for c in agreeing],
            )
