"""The typed model of one evaluation workbook.

Pure data: no I/O, no knowledge of the sheet layout. Every value the reader
parsed is a :class:`Sourced` that remembers the cell it came from and the raw
text the clerk typed, so a rule can reason about figures and still report
against the exact cell.

Money is always in 万元 (the reader converts 元/亿元); rates are fractions
(``0.6971`` for ``69.71%``) with the number of decimals that were shown.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, order=True, init=False)
class CellRef:
    """An A1 address on a named sheet of the *input* workbook."""

    sheet: str
    cell: str

    def __init__(self, sheet: str, cell: str) -> None:
        # The generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__: 1 µs a CellRef, and a form makes a hundred or more.
        # Writing the instance dict directly is what that call does, at a third of the cost.
        fields = self.__dict__
        fields["sheet"] = sheet
        fields["cell"] = cell

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


@dataclass(frozen=True, init=False)
class Sourced(Generic[T]):
    """A parsed value together with where it came from.

    ``value`` is ``None`` when the cell is blank or could not be understood;
    ``raw`` then still holds what was written (``""`` for a blank cell).
    ``formula`` holds the formula text when the cell had one.
    ``decimals`` is the number of decimals shown for a number (in the unit it
    was shown in: ``69.71%`` -> 2), used to judge rounding.
    """

    value: T | None
    raw: str = ""
    ref: CellRef | None = None
    formula: str | None = None
    decimals: int | None = None
    unit: str | None = None

    def __init__(
        self,
        value: T | None,
        raw: str = "",
        ref: CellRef | None = None,
        formula: str | None = None,
        decimals: int | None = None,
        unit: str | None = None,
    ) -> None:
        # as CellRef's: a form makes a few hundred of these (2 µs each the generated way)
        fields = self.__dict__
        fields["value"] = value
        fields["raw"] = raw
        fields["ref"] = ref
        fields["formula"] = formula
        fields["decimals"] = decimals
        fields["unit"] = unit

    @property
    def present(self) -> bool:
        return self.value is not None

    @property
    def blank(self) -> bool:
        return self.value is None and not self.raw.strip()

    @staticmethod
    def absent(ref: CellRef | None = None) -> "Sourced":
        return Sourced(None, "", ref)


class Comparator(str, Enum):
    """How a target is to be met. ``NONE`` = a bare number (treated like 达到)."""

    GE = "≥"
    GT = ">"
    LE = "≤"
    LT = "<"
    EQ = "="
    NONE = ""


class QualLevel(str, Enum):
    """The qualitative grades of the 定性 scoring bands."""

    ACHIEVED = "达成"
    BASIC = "基本达成"  # sits on the 达成/部分达成 boundary in practice
    PARTIAL = "部分达成"
    NOT_ACHIEVED = "未达成"


@dataclass(frozen=True)
class Period:
    """Days from ``first`` to ``last``, inclusive."""

    first: _dt.date
    last: _dt.date

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        if self.first == _dt.date.min:
            return f"{self.last.isoformat()} 或之前"
        return f"{self.first.isoformat()} 至 {self.last.isoformat()}"


class Timeliness(str, Enum):
    """What a completion's words say about its deadline."""

    ON_TIME = "按期"  # 按期完成, 按时, 如期, 提前完成
    LATE = "延期"  # 延期至次年3月, 滞后, 逾期, 未按期


@dataclass(frozen=True)
class Timing:
    """What a time phrase of a 时效 indicator says.

    ``span`` is the days the words name: one day for a date cell or
    ``2023年10月26日``, a month for ``10月``, the quarter for ``第三季度``,
    the last day for ``10月底`` / ``年底``; for a festival early in the year
    (``春节``, ``元旦``) the evaluation year's and the next year's: the
    evaluation year's is meant, unless the work was done late in the year
    (年终走访 before the next 春节). ``before`` is set for 前 / 之前 / 以前 / 截至 (by then,
    not during). ``status`` is what the words say about the deadline
    (按期完成, 延期至…). ``span`` is None when the words name no date
    (``按期``) or the year to place it in is unknown.

    The same phrase reads as a deadline (a target) or a completion (an
    actual): :meth:`deadline` and :meth:`done` give the window each means,
    and comparisons decide only what holds for every day of both windows,
    so vague words never make a finding on their own.
    """

    span: Period | None = None
    before: bool = False
    grain: str = "day"  # day / month / end / quarter / half / year / festival
    status: Timeliness | None = None
    festival: str | None = None

    def deadline(self) -> Period | None:
        """The last allowed day of completion, read strictly (``first``) and
        leniently (``last``): ``10月前`` is 9-30 or 10-31, ``11月30日前`` 11-29 or 11-30."""
        span = self.span
        if span is None:
            return None
        one = _dt.timedelta(days=1)
        if not self.before:
            return span if self.grain == "festival" else Period(span.last, span.last)
        if self.grain == "end":
            return Period(span.last, span.last)
        if self.grain == "festival":
            return Period(span.first - one, span.last - one)
        return Period(span.first - one, span.last)  # 11月30日前: 11-29 or 11-30; 10月前: 9-30 or 10-31

    def done(self) -> Period | None:
        """The days on which the work was completed. A completion written with
        a bound (``2月8日前全部发放``, ``年底前完成``) names the day it was
        finished by: clerks write the day that closed the work, so the bound
        is taken as the completion day (a completion well before it would be
        written as such)."""
        span = self.span
        if span is None:
            return None
        if self.before:
            last = span.first - _dt.timedelta(days=1) if self.grain == "festival" else span.last
            return Period(last, last)
        return span


@dataclass(frozen=True)
class Measure:
    """An indicator's 年度指标值 or 全年完成值.

    Quantitative (``number`` set, with an optional comparator and unit),
    a time value (``timing`` set: a deadline or a completion), or
    qualitative (``level`` is the recognised grade, or None when the wording
    matches no grade).

    ``qualifier`` keeps the words that qualify a number as written (``约``,
    ``左右``, ``平均``, ``以上``); ``approximate`` is set when they make it
    inexact (约, 左右, 余, 多, 近): such a number is compared with a tolerance
    and never alone makes an error. A range (``200-220户``) is read as at
    least its lower end, its upper end kept in ``upper``.
    """

    text: str
    comparator: Comparator = Comparator.NONE
    number: float | None = None
    unit: str | None = None
    level: QualLevel | None = None
    timing: Timing | None = None
    qualifier: str = ""
    approximate: bool = False
    upper: float | None = None  # a range's upper end (200-220户: number 200, comparator ≥, upper 220)

    @property
    def is_quantitative(self) -> bool:
        return self.number is not None


@dataclass(frozen=True)
class FundsRow:
    """One row of the 项目资金 block. Amounts in 万元, rate as a fraction."""

    label: Sourced[str]
    initial: Sourced[float]  # 年初预算数
    budget: Sourced[float]  # 全年预算数（A）
    spent: Sourced[float]  # 全年执行数（B）
    weight: Sourced[float]  # 分值
    rate: Sourced[float]  # 执行率
    score: Sourced[float]  # 得分


@dataclass(frozen=True)
class Funds:
    """The 项目资金 block: the total row and its 其中 rows (None when absent)."""

    total: FundsRow
    fiscal: FundsRow | None = None  # 其中：当年财政拨款
    carryover: FundsRow | None = None  # 上年结转资金
    other: FundsRow | None = None  # 其他资金
    source_unit: str = "万元"  # the unit the block was written in
    # the block's own 原因 / 说明 column on the total row (Sichuan: why the rate is low, why adjusted)
    explanation: Sourced[str] = field(default_factory=Sourced.absent)

    @property
    def parts(self) -> list[FundsRow]:
        return [r for r in (self.fiscal, self.carryover, self.other) if r is not None]


@dataclass(frozen=True)
class Indicator:
    """One 三级指标 row of the indicator table."""

    level1: Sourced[str]  # 一级指标 label without its weight, e.g. 项目决策
    level1_weight: Sourced[float]  # the weight embedded in the 一级 label, if any
    level2: Sourced[str]
    name: Sourced[str]  # 三级指标
    target: Sourced[Measure]  # 年度指标值
    actual: Sourced[Measure]  # 全年完成值
    weight: Sourced[float]  # 分值
    score: Sourced[float]  # 得分
    deviation: Sourced[str]  # 偏差原因分析及改进措施
    kind: Sourced[str] = field(default_factory=Sourced.absent)  # 指标类型 正向/反向/定性

    @property
    def row(self) -> int | None:
        ref = self.name.ref or self.weight.ref
        if ref is None:
            return None
        return int("".join(c for c in ref.cell if c.isdigit()))


@dataclass(frozen=True)
class Subtotal:
    """A 小计 row of the indicator table: not an indicator, but the sum of the
    indicators ``Project.indicators[first:stop]`` (the rows since the previous
    小计 or the table's start)."""

    label: Sourced[str]  # the cell saying 小计
    weight: Sourced[float]  # 分值 column
    score: Sourced[float]  # 得分 column
    first: int
    stop: int


GRADES = ("优", "良", "中", "差")  # the four 评价等次, best first


@dataclass(frozen=True)
class Grade:
    """The 评价等次 row: the chosen grade and, for the ☑ form, every ticked one."""

    value: Sourced[str]
    checked: tuple[str, ...] = ()
    checkbox_form: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the narrative report (a heading is a paragraph too)."""

    text: str
    ref: CellRef


@dataclass(frozen=True)
class Project:
    """Everything read from one workbook."""

    file: str
    form_sheet: str
    title: Sourced[str]
    name: Sourced[str]
    department: Sourced[str]
    implementer: Sourced[str]
    year: Sourced[int]
    method: Sourced[str]  # 评价方式: 单位自评 / 部门评价 / 财政评价
    funds: Funds | None
    goal_expected: Sourced[str]
    goal_actual: Sourced[str]
    indicators: tuple[Indicator, ...]
    total_weight: Sourced[float]  # 总分 row, 分值 column
    total_score: Sourced[float]  # 总分 row, 得分 column
    grade: Grade
    narrative: tuple[Paragraph, ...] = ()
    narrative_sheet: str | None = None
    subtotals: tuple[Subtotal, ...] = ()  # 小计 rows inside the indicator table
    # a report that came without its 评价表 (issue 20): only its narrative is checked,
    # nothing is scored and it is not ranked; the form fields above are all blank
    narrative_only: bool = False

    def level1_groups(self) -> dict[str, list[Indicator]]:
        """Indicators grouped by 一级 label, in form order."""
        groups: dict[str, list[Indicator]] = {}
        for ind in self.indicators:
            groups.setdefault(ind.level1.value or "", []).append(ind)
        return groups
