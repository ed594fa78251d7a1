"""How the narrative rules (XC6xx) report a figure the report states.

A narrative finding sits on the paragraph of the stated figure and gives that
figure, as the report writes it, as the actual. Held against the form, the
message always reads 报告所述…与评价表不一致：“片段”写…，评价表<cell>为…。
"""

from __future__ import annotations

from collections.abc import Iterable

from perfeval_xl.model import CellRef
from perfeval_xl.narrative.claim import Claim
from perfeval_xl.narrative.facts import show
from perfeval_xl.rules._base import Anchor, RuleContext


def report_claim(
    ctx: RuleContext, claim: Claim, message: str, *, expected: str, related: Iterable[Anchor] = ()
) -> None:
    """A finding on the stated figure's paragraph, the figure as written being the actual."""
    ctx.report(claim.ref, message, expected=expected, actual=show(claim), related=related)


def report_against_form(
    ctx: RuleContext, claim: Claim, what: str, form_cell: CellRef | None, form_text: str, related: Iterable[Anchor]
) -> None:
    """The report states ``what`` otherwise than the form's ``form_cell``, which holds ``form_text``."""
    report_claim(
        ctx,
        claim,
        f"报告所述{what}与评价表不一致：“{claim.fragment}”写{show(claim)}，评价表{form_cell}为{form_text}。",
        expected=form_text,
        related=related,
    )
