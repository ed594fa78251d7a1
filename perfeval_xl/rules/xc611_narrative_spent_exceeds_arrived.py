"""XC611: the report spends more than it says arrived."""

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import Claim
from perfeval_xl.narrative.facts import show
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._narrative import report_claim
from perfeval_xl.tolerance import MONEY


def _by_scope(claims: list[Claim]) -> dict[str, tuple[list[Claim], list[Claim]]]:
    """scope -> (spent, arrived) statements of what happened there: the project's
    (scope "") and, in a report on several, each sub-project's."""
    found: dict[str, tuple[list[Claim], list[Claim]]] = {}
    for c in claims:
        if c.subject in ("spent", "arrived") and c.happened:
            found.setdefault(c.scope, ([], []))[c.subject == "arrived"].append(c)
    return {scope: lists for scope, lists in found.items() if all(lists)}


@rule(id="XC611", name="narrative.spent_exceeds_arrived", severity="error", title="报告所述支出大于到位资金")
def check(project: Project, ctx: RuleContext) -> None:
    """报告写的支出（使用）金额大于到位资金，钱还没到就花掉了，不可能成立。

    为什么：样本报告写“该项目共使用60万元，实际到位资金41.83万元”，至少有一个数是错的。

    何时报告：同一段既写了支出（使用、拨付）金额又写了到位金额，且支出超过到位0.01万元以上；若没有这样的段落，
    而全文的支出金额与到位金额各自只有一个值，也按全文比较。报告写了几个子项目的，每个子项目的金额只与
    同一子项目的比较。

    何时通过：支出不超过到位；或只写了其中一个；或全文对同一项说法不一（那由 XC610 报告）。
    """
    claims = project_claims(project)
    pairs = []
    for scope, (spent, arrived) in _by_scope(claims).items():
        here = [(s, a) for s in spent for a in arrived if s.paragraph == a.paragraph]
        if not here and len({c.value for c in spent}) == 1 and len({c.value for c in arrived}) == 1:
            here = [(spent[0], arrived[0])]
        pairs.extend(here)
    reported = set()
    for s, a in pairs:
        if float(s.value) > float(a.value) + MONEY and s.paragraph not in reported:
            reported.add(s.paragraph)
            report_claim(
                ctx,
                s,
                f"报告所述支出大于到位资金：“{s.fragment}”写支出{show(s)}，"
                f"{'同段' if a.paragraph == s.paragraph else str(a.ref)}写到位{show(a)}。",
                expected=f"≤{show(a)}",
                related=[a.ref],
            )
