"""The typed model of one evaluation workbook.

Pure data: no I/O, no knowledge of the sheet layout. Every value the reader
parsed is a :class:`Sourced` that remembers the cell it came from and the raw
text the clerk typed, so a rule can reason about figures and still report
against the exact cell.

Money is always in 万元 (the reader converts 元/亿元); rates are fractions
(``0.6971`` for ``69.71%``) with the number of decimals that were shown.
"""

from __future__ import annotations

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

    @property
    def direction(self) -> str:
        """正向 / 反向 / 等于, as scoring schemes name them."""
        if self in (Comparator.LE, Comparator.LT):
            return "反向"
        if self is Comparator.EQ:
            return "等于"
        return "正向"


class QualLevel(str, Enum):
    """The qualitative grades of the 定性 scoring bands."""

    ACHIEVED = "达成"
    BASIC = "基本达成"  # sits on the 达成/部分达成 boundary in practice
    PARTIAL = "部分达成"
    NOT_ACHIEVED = "未达成"


@dataclass(frozen=True)
class Measure:
    """An indicator's 年度指标值 or 全年完成值.

    Either quantitative (``number`` set, with an optional comparator and
    unit) or qualitative (``number`` is None; ``level`` is the recognised
    grade, or None when the wording matches no grade).
    """

    text: str
    comparator: Comparator = Comparator.NONE
    number: float | None = None
    unit: str | None = None
    level: QualLevel | None = None

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
    # a report that came without its 评价表 (issue 20): only its narrative is checked,
    # nothing is scored and it is not ranked; the form fields above are all blank
    narrative_only: bool = False

    def level1_groups(self) -> dict[str, list[Indicator]]:
        """Indicators grouped by 一级 label, in form order."""
        groups: dict[str, list[Indicator]] = {}
        for ind in self.indicators:
            groups.setdefault(ind.level1.value or "", []).append(ind)
        return groups
