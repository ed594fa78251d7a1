"""A scoring scheme: the parameters that differ between 单位自评, 部门评价 and
provincial variants. Pure data; loading schemes from TOML lives in
``perfeval_xl.scoring``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GradeBand:
    grade: str  # 优 / 良 / 中 / 差
    lower: float  # inclusive lower bound of 总分


@dataclass(frozen=True)
class Scheme:
    name: str  # e.g. 部门评价
    indicator_total: float  # Σ 三级 分值 (100 for 部门评价, 90 for 单位自评)
    funds_weight: float  # 分值 of the funds block (10)
    funds_in_total: bool  # whether the funds 得分 counts toward 总分
    level1_weights: dict[str, float] = field(default_factory=dict)  # usual weights, informative
    grade_bands: tuple[GradeBand, ...] = (
        GradeBand("优", 90),
        GradeBand("良", 80),
        GradeBand("中", 60),
        GradeBand("差", 0),
    )
    qual_high: float = 0.8  # 达成 ≥ 80% of 分值
    qual_low: float = 0.6  # 部分达成 ≥ 60% (older schemes 0.5)
    reverse_formula: str = "ratio"  # ratio (A/B) | linear (1 − (B−A)/A, 0 at 2A)
    rate_denominator: str = "budget"  # budget (全年预算数 A) | initial (年初预算数)
    overachieve_threshold: float = 1.3  # 完成值/目标值 at or above which an explanation is needed
    low_execution_threshold: float = 0.9  # 执行率 below which an explanation is needed
    rounding: int = 2  # decimals of computed scores
    description: str = ""
    # the 评价方式 this scheme scores when it is a provincial variant (a file
    # named 江西部门评价 still scores 部门评价 forms); empty = same as name
    applies_to: str = ""

    @property
    def method(self) -> str:
        """The 评价方式 this scheme is meant for."""
        return self.applies_to or self.name

    @property
    def total(self) -> float:
        """The 总分 a perfect project reaches under this scheme."""
        return self.indicator_total + (self.funds_weight if self.funds_in_total else 0)

    def grade_for(self, score: float) -> str:
        for band in sorted(self.grade_bands, key=lambda b: -b.lower):
            if score >= band.lower - 1e-9:
                return band.grade
        return self.grade_bands[-1].grade


DEPARTMENT = Scheme(
    name="部门评价",
    indicator_total=100,
    funds_weight=10,
    funds_in_total=False,
    level1_weights={"项目决策": 20, "项目过程": 20, "项目产出": 30, "项目效益": 30},
)

SELF = Scheme(
    name="单位自评",
    indicator_total=90,
    funds_weight=10,
    funds_in_total=True,
    level1_weights={"产出指标": 50, "效益指标": 30, "满意度指标": 10},
)


@dataclass(frozen=True)
class IndicatorScore:
    """The 核定 (re-scored) result for one 三级 indicator (index into Project.indicators)."""

    index: int
    self_score: float | None  # what the form says
    computed: float | None  # 核定得分; None when it cannot be judged
    allowed_low: float | None = None  # the range the rules allow
    allowed_high: float | None = None
    reason: str = ""  # Chinese: how the 核定 score was reached
    judged: bool = True  # False: could not be judged, computed keeps the self score


@dataclass(frozen=True)
class ProjectScore:
    """The 核定 result for a project under a scheme."""

    scheme: Scheme
    scheme_source: str  # 评价方式 | --scheme | 推断
    indicators: tuple[IndicatorScore, ...]
    funds_score: float | None  # 核定 funds-block 得分
    computed_total: float | None
    computed_grade: str | None
    # Chinese note on how the scheme was chosen when a reviewer should know
    # (inferred from the weights, or --scheme overruled by the form); rule XC507 reports it
    scheme_note: str | None = None
