"""One figure the report states (:class:`Claim`), and the subjects found by
pattern rather than by the lexicon's keywords."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum

from perfeval_xl.model import CellRef
from perfeval_xl.narrative.roles import ACTUAL, TOTAL

INDICATOR_VALUE = "indicator_value"  # an indicator's figure: the role says target or actual
INDICATOR_SCORE = "indicator_score"  # 得分 (actual) or 分值 (maximum)
INDICATOR_DEDUCTION = "indicator_deduction"
UNIT_PRICE = "unit_price"
OTHER = "other"


class Confidence(IntEnum):
    LOW = 1  # ambiguous: never more than info
    MEDIUM = 2
    HIGH = 3


@dataclass(frozen=True)
class Claim:
    """One figure the report states.

    ``value``: money in 万元, percentages as a fraction, counts and scores as
    numbers (all Decimal); grades as 优/良/中/差. ``indicator`` indexes
    ``Project.indicators`` for the indicator_* subjects; ``indicator_name`` is
    the form's name for it, or the report's words when there is no form.
    ``text``/``start``/``end``: the figure as written and where it sits in the
    paragraph (whitespace removed, full-width digits made ASCII). ``sentence``
    is where its sentence starts (claims of one sentence belong together).
    """

    subject: str
    value: Decimal | str
    unit: str
    ref: CellRef
    fragment: str
    confidence: Confidence
    paragraph: int  # index into the narrative
    decimals: int | None = None
    indicator: int | None = None
    period: int | None = None  # a year written in the clause, if any
    role: str = ACTUAL
    text: str = ""
    start: int = 0
    end: int = 0
    sentence: int = 0
    indicator_name: str = ""
    table_row: str = ""  # the row label when the figure sits in a text table (合计, 运维服务费 …)
    table: int | None = None  # the paragraph of that table's first row
    scope: str = ""  # the sub-project whose section it is in (or which the clause names), in a report on several
    scoped: bool = False  # a part only because it is that sub-project's figure: what happened, within its scope
    whole: bool = False  # a total that a breakdown follows (60万元，其中…): what the report states the whole was
    whole_at: int | None = None  # for an item of such a breakdown: where its whole starts in the paragraph

    @property
    def firm(self) -> bool:
        """Firm enough to raise a warning or an error on."""
        return self.confidence >= Confidence.MEDIUM

    @property
    def trusted(self) -> bool:
        """A firm statement of what happened to the project (role actual, or the
        whole a breakdown follows: 项目预算100万元，其中中央80万元…)."""
        return self.firm and (self.role == ACTUAL or (self.role == TOTAL and self.whole and not self.scoped))

    @property
    def happened(self) -> bool:
        """A firm statement of what happened within its scope: the project's
        (``trusted``) or one sub-project's. Only compared within one scope."""
        return self.trusted or (self.firm and self.scoped)


