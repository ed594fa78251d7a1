"""XC615: the balance the report states is not arrived (or budget) − spent."""

from perfeval_xl.model import Project
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import Claim
from perfeval_xl.narrative.facts import rounding, show
from perfeval_xl.rules._base import RuleContext, rule
from perfeval_xl.rules._narrative import report_claim
from perfeval_xl.tolerance import MONEY, fmt_number


def _stated_once(claims: list[Claim], subject: str, scope: str, paragraph: int | None = None) -> Claim | None:
    """The one amount the report states for ``subject`` in ``scope`` (in
    ``paragraph``, when given), or None when it states none or several different ones."""
    said = [c for c in claims if c.subject == subject and c.happened and c.scope == scope
            and (paragraph is None or c.paragraph == paragraph)]
    values = {round(float(c.value), 4) for c in said}
    return said[0] if len(values) == 1 else None


@rule(id="XC615", name="narrative.balance", severity="error", title="报告所述结余与到位、支出金额不符")
def check(project: Project, ctx: RuleContext) -> None:
    """报告写的结余资金不等于到位资金（或预算）减去支出。

    为什么：“到位60万元，支出58万元，结余0万元”不可能都对；报告未附评价表时，这是核对结余的唯一办法。

    何时报告：评价表没有项目资金栏（或没有全年预算数、全年执行数，否则由 XC601 与评价表对照）；报告写了
    结余金额和支出金额，以及到位资金或预算；结余既不等于 到位−支出，也不等于 预算−支出（相差超过0.01万元，
    也超过其中最粗的数所写位数的半个单位：“结余18万元”对 60−41.83 是四舍五入，“结余6万元”对 60−55 是错的）。先在结余所在段落找这些金额，找不到时用全文中只出现过一个值的金额。

    何时通过：相符；或缺少其中某个金额；或同一金额全文写了几个不同的值（由 XC610 报告）。报告写了几个子项目的，
    每个子项目的结余只用同一子项目的金额核对。
    """
    funds = project.funds
    if funds is not None and funds.total.budget.present and funds.total.spent.present:
        return  # XC601 holds the balance against the form's A − B
    claims = project_claims(project)
    for balance in (c for c in claims if c.subject == "balance" and c.happened):
        scope = balance.scope
        spent = _stated_once(claims, "spent", scope, balance.paragraph) or _stated_once(claims, "spent", scope)
        bases = [_stated_once(claims, s, scope, balance.paragraph) or _stated_once(claims, s, scope)
                 for s in ("arrived", "full_year_budget", "budget")]
        bases = [b for b in bases if b is not None]
        if spent is None or not bases:
            continue
        expected = [float(b.value) - float(spent.value) for b in bases]
        # half a unit of the coarsest figure: 结余18万元 for 60−41.83 is rounded, 结余6万元 for 60−55 is wrong
        if any(abs(e - float(balance.value)) <= max(MONEY, rounding(balance), rounding(spent), rounding(b)) + 1e-9
               for e, b in zip(expected, bases)):
            continue
        base = bases[0]
        report_claim(
            ctx,
            balance,
            f"报告所述结余资金与到位、支出金额不符：“{balance.fragment}”写结余{show(balance)}，"
            f"而{base.text}−{spent.text}={fmt_number(expected[0], 4)}万元。",
            expected=f"{fmt_number(expected[0], 4)}万元",
            related=[c.ref for c in (base, spent)],
        )
