"""Random but realistic projects and layouts, for tests and benchmarks.

``random_spec(rng)`` makes a project whose figures are all consistent
(执行率 = B/A, 其中 rows sum to the total, 分值 sum to the 一级 weights,
scores follow the formulas, 总分 = Σ, grade from the band), from varied
sectors, under 部门评价 or 单位自评. ``random_layout(rng)`` draws every layout
option independently, so failures can be attributed to one option.

Indicators are written the ways real forms write them (issue 19): 时效
targets as deadlines (10月底前, 春节前, 第三季度, 按期) met by date cells, date
texts or words; figures with qualifiers (30家以上, 3个工作日内, 约20家, 平均6分钟);
qualitative actuals that restate or satisfy the target (全部发放 for 按时足额发放);
cost indicators that are unit costs, contract prices or one item's cost
beside the project's total cost. Every such indicator meets its target and
scores full marks, so a clean spec stays clean.
"""

from __future__ import annotations

import dataclasses
import math
import random
from dataclasses import dataclass

from perfeval_xl.scheme import DEPARTMENT
from tests.support.synth import deadlines
from tests.support.synth.canon import fmt_plain
from perfeval_xl.outputs.template.layout import CHOICES, LayoutOptions
from perfeval_xl.outputs.template.spec import FundsRowSpec, IndicatorSpec, ProjectSpec


@dataclass(frozen=True)
class _Item:
    """A 三级 indicator template: quantitative when ``unit`` is set, a deadline
    when ``deadlines`` is, else qualitative."""

    level2: str
    name: str
    unit: str | None = None
    low: float = 0  # range of the target number (shares of the budget when ``share``)
    high: float = 0
    comparator: str = "≥"
    qual_target: str = "全部符合"
    qual_actuals: tuple[str, ...] = ()  # how a met qualitative target is answered (default: its own words)
    deadlines: tuple[str, ...] = ()  # deadline kinds (synth.deadlines.DEADLINE_KINDS) of a 时效 indicator
    share: bool = False  # a contract price or one item's cost: a ceiling below the budget


@dataclass(frozen=True)
class _Sector:
    project: str  # {year} is filled in
    department: str
    implementer: str
    goal: str
    outputs: tuple[_Item, ...]
    effects: tuple[_Item, ...]
    satisfaction: str  # who is surveyed


_WORKS = ("month_end", "day", "year_end", "quarter", "national_day", "words")
_PAYMENTS = ("month_end", "day", "year_end", "within_year", "half", "words")
_DONE = ("全部发放", "足额发放", "按时足额发放", "已全部发放")
SECTORS = (
    _Sector("{year}年农村饮水安全巩固提升工程", "某县水利局", "某县农村供水管理站",
            "巩固提升农村饮水安全保障水平，让农村群众喝上放心水。",
            (_Item("产出数量", "新建改造供水管网", "公里", 20, 120), _Item("产出数量", "受益人口", "人", 5000, 60000),
             _Item("产出质量", "水质检测合格率", "%", 95, 98), _Item("产出质量", "工程验收合格率", "%", 100, 100),
             _Item("产出时效", "工程完工时间", deadlines=_WORKS), _Item("产出数量", "新建蓄水池", "座", 3, 20),
             _Item("产出质量", "水质检测执行标准", qual_target="按标准执行"),
             _Item("产出成本", "管网建设单位成本", "万元/公里", 20, 60, "≤"),
             _Item("产出成本", "管网工程合同价", "万元", 0.4, 0.7, "≤", share=True)),
            (_Item("社会效益", "农村自来水普及率", "%", 90, 96), _Item("可持续影响", "工程长效运行机制", qual_target="达到预期目标"),
             _Item("社会效益", "群众饮水安全保障水平", qual_target="达到预期目标")),
            "受益群众"),
    _Sector("{year}年农村义务教育学生营养改善计划", "某县教育体育局", "某县学生资助管理中心",
            "为农村义务教育阶段学生提供营养膳食补助，改善学生营养健康状况。",
            (_Item("产出数量", "受助学生人数", "人", 3000, 30000), _Item("产出数量", "覆盖学校数", "所", 10, 80),
             _Item("产出质量", "食品安全抽检合格率", "%", 98, 100), _Item("产出时效", "补助资金发放及时率", "%", 100, 100),
             _Item("产出质量", "每生每天补助标准", "元", 5, 5, comparator="="),
             _Item("产出时效", "补助资金拨付时间", deadlines=_PAYMENTS),
             _Item("产出数量", "营养膳食补助发放", qual_target="按时足额发放", qual_actuals=_DONE),
             _Item("产出成本", "生均每天膳食成本", "元/人", 5, 5, "≤")),
            (_Item("社会效益", "学生营养健康状况", qual_target="达到预期目标"), _Item("社会效益", "学生体质健康达标率", "%", 85, 92),
             _Item("可持续影响", "营养餐管理制度", qual_target="全部实现")),
            "学生家长"),
    _Sector("{year}年农村公路养护工程", "某县交通运输局", "某县公路事业发展中心",
            "完成农村公路日常养护和危桥改造，保障群众安全便捷出行。",
            (_Item("产出数量", "养护农村公路里程", "公里", 100, 900), _Item("产出数量", "危桥改造", "座", 2, 12),
             _Item("产出质量", "优良中等路率", "%", 75, 85), _Item("产出时效", "汛期水毁修复时限", "天", 15, 30, "≤"),
             _Item("产出数量", "安装安全防护设施", "公里", 5, 40),
             _Item("产出时效", "养护工程完工时间", deadlines=_WORKS),
             _Item("产出成本", "每公里养护成本", "万元/公里", 0.8, 1.5, "≤"),
             _Item("产出成本", "危桥改造合同金额", "万元", 0.2, 0.5, "≤", share=True)),
            (_Item("社会效益", "公路安全通行水平", qual_target="达到预期目标"), _Item("经济效益", "沿线群众出行时间节约", "%", 5, 15),
             _Item("可持续影响", "管养长效机制", qual_target="达到预期目标")),
            "沿线群众"),
    _Sector("{year}年城乡居民医疗救助资金", "某县医疗保障局", "某县医疗保障事业服务中心",
            "对困难群众医疗费用给予救助，防止因病致贫返贫。",
            (_Item("产出数量", "资助参保人数", "人", 2000, 20000), _Item("产出数量", "门诊救助人次", "人次", 500, 8000),
             _Item("产出质量", "救助对象覆盖率", "%", 100, 100), _Item("产出时效", "救助资金结算时限", "个工作日", 10, 20, "≤"),
             _Item("产出时效", "年度救助资金拨付", deadlines=("year_end", "within_year", "words")),
             _Item("产出质量", "困难群众救助覆盖", qual_target="应保尽保", qual_actuals=("全覆盖", "实现全覆盖"))),
            (_Item("社会效益", "困难群众医疗负担", qual_target="达到预期目标"), _Item("社会效益", "因病致贫返贫发生率", "%", 1, 3, "≤")),
            "救助对象"),
    _Sector("{year}年高标准农田建设项目", "某县农业农村局", "某县农田建设服务中心",
            "建设旱涝保收、高产稳产的高标准农田，提升粮食综合生产能力。",
            (_Item("产出数量", "建设高标准农田面积", "亩", 3000, 30000), _Item("产出数量", "新建灌排渠道", "公里", 5, 60),
             _Item("产出质量", "工程验收合格率", "%", 100, 100), _Item("产出时效", "项目完工时间", deadlines=_WORKS),
             _Item("产出数量", "整修机耕道路", "公里", 3, 30),
             _Item("产出时效", "工程建设", qual_target="按期完工", qual_actuals=("已完工", "全部完工", "按期完工")),
             _Item("产出成本", "亩均建设成本", "元/亩", 1500, 3000, "≤"),
             _Item("产出成本", "工程施工合同价", "万元", 0.5, 0.75, "≤", share=True)),
            (_Item("经济效益", "亩均粮食产能提高", "公斤", 50, 120), _Item("生态效益", "农田灌溉保证率", "%", 80, 90),
             _Item("可持续影响", "工程管护机制", qual_target="达到预期目标")),
            "项目区农户"),
    _Sector("{year}年困难残疾人生活补贴和重度残疾人护理补贴", "某县民政局", "某县残疾人联合会",
            "按时足额发放两项补贴，保障残疾人基本生活。",
            (_Item("产出数量", "困难残疾人生活补贴人数", "人", 800, 6000), _Item("产出数量", "重度残疾人护理补贴人数", "人", 600, 5000),
             _Item("产出质量", "补贴发放准确率", "%", 100, 100), _Item("产出时效", "补贴按月发放", qual_target="按时完成"),
             _Item("产出时效", "春节前走访慰问困难残疾人", deadlines=("spring",)),
             _Item("产出数量", "两项补贴发放", qual_target="按时足额发放", qual_actuals=_DONE)),
            (_Item("社会效益", "残疾人基本生活保障水平", qual_target="达到预期目标"),),
            "补贴对象"),
)

# Indicators any project may carry, so that big forms (up to 25 rows) stay realistic.
_COMMON_OUTPUTS = (_Item("产出数量", "项目实施完成率", "%", 95, 100), _Item("产出质量", "资金拨付合规率", "%", 100, 100),
                   _Item("产出时效", "资金拨付及时率", "%", 95, 100))
_COMMON_EFFECTS = (_Item("社会效益", "惠民政策知晓率", "%", 85, 95),
                   _Item("可持续影响", "项目档案管理规范性", qual_target="全部符合"))

_DEPT_DECISION = (("项目立项", "立项依据充分性"), ("项目立项", "立项程序规范性"), ("绩效目标", "绩效目标合理性"),
                  ("绩效目标", "绩效指标明确性"), ("资金投入", "预算编制科学性"), ("资金投入", "资金分配合理性"))
_DEPT_PROCESS = (("资金管理", "资金到位率"), ("资金管理", "预算执行率"), ("资金管理", "资金使用合规性"),
                 ("组织实施", "管理制度健全性"), ("组织实施", "制度执行有效性"))
_DEVIATION_QTY = "原因：部分工作受天气和招标进度影响未全部完成；措施：加快进度，结转次年完成。"
_DEVIATION_QUAL = "原因：相关工作不够完善；措施：加强学习培训，健全管理制度。"
_DEVIATION_RATE = "原因：部分资金按合同进度尚未支付；措施：加快资金支付进度。"
_DEVIATION_LATE = "原因：受汛期和招标进度影响工期顺延；措施：加强调度，督促施工单位按期完成。"


def random_layout(rng: random.Random) -> LayoutOptions:
    """Every option drawn independently (constraints only where a real file could not exist)."""
    values = {name: rng.choice(allowed) for name, allowed in CHOICES.items()}
    values.update(
        sheets_before=rng.choice((0, 0, 1, 2)),
        row_offset=rng.choice((0, 0, 1, 3)),
        col_offset=rng.choice((0, 0, 1, 2)),
        title_row=rng.random() < 0.8,
        note_rows=rng.choice((0, 0, 1, 2)),
        serial_column=rng.random() < 0.3,
        blank_rows_between=rng.choice((0, 0, 1, 2)),
        indicator_caption=rng.random() < 0.7,
        merge_values=rng.random() < 0.7,
        kind_column=rng.random() < 0.3,
        grade_legend=rng.random() < 0.5,
        closing_rows=rng.random() < 0.4,
    )
    if rng.random() < 0.4:  # most forms have no 小计 rows
        values["subtotal_rows"] = "none"
    values["year_row"] = rng.random() < 0.8 or not values["title_row"]
    if values["form_sheet_name"] != "绩效评价表" and rng.random() < 0.5:
        values["sheets_before"] = max(1, values["sheets_before"])
    numeric = values["number_style"] == "number" and values["money_unit"] != "元_cell"
    values["formulas"] = numeric and rng.random() < 0.4
    values["sum_formulas"] = numeric and rng.random() < 0.4
    values["header_label_span"] = rng.choice((1, 1, 2))
    values["header_one_per_row"] = rng.random() < 0.3
    values["score_units"] = not values["formulas"] and rng.random() < 0.2
    return LayoutOptions(**values)


def random_spec(rng: random.Random) -> ProjectSpec:
    """A consistent project from a random sector, 部门评价 or 单位自评, 5–25 indicators."""
    sector = rng.choice(SECTORS)
    year = rng.choice((2022, 2023, 2024))
    self_eval = rng.random() < 0.4
    name = sector.project.format(year=year)
    budget = round(rng.uniform(5, 3000), rng.choice((0, 2)))
    rate = 1.0 if rng.random() < 0.5 else rng.uniform(0.9, 0.999)
    spent = round(budget * rate, 2)
    rate = round(spent / budget, 4)
    funds_score = round(min(rate, 1.0) * 10, 2)
    funds = _funds(rng, budget, spent, rate, funds_score)
    n = rng.randint(5, 25)
    if self_eval:
        indicators = _self_indicators(rng, sector, n, budget, spent, year)
    else:
        indicators = _department_indicators(rng, sector, n, budget, spent, rate, year)
    indicator_sum = round(sum(ind.score for ind in indicators), 2)
    total = round(indicator_sum + (funds_score if self_eval else 0), 2)
    total_weight = 100
    grade = DEPARTMENT.grade_for(total)
    # a form sent in before the 等次 was filled: the completed copy fills it
    form_grade = "" if rng.random() < 0.1 else grade
    method = "单位自评" if self_eval else rng.choice(("部门评价", "部门评价", "财政评价"))
    title = f"{name}绩效{'自评' if self_eval else '评价'}表"
    narrative = _narrative(name, sector, year, budget, spent, rate, total, grade, indicators)
    return ProjectSpec(
        title=title, name=name, department=sector.department, implementer=sector.implementer,
        year=year, method=method, funds=funds, goal_expected=sector.goal,
        goal_actual=f"项目全年执行{fmt_plain(spent, 2)}万元，主要绩效目标基本实现。",
        indicators=indicators, total_weight=total_weight, total_score=total, grade=form_grade,
        narrative=narrative,
    )


def _funds(rng, budget, spent, rate, score) -> dict[str, FundsRowSpec]:
    percent = f"{fmt_plain(rate * 100, 2)}%" if rng.random() < 0.5 else rate
    total = FundsRowSpec(budget, budget, spent, 10, percent, score)
    if rng.random() < 0.6:
        return {"total": total, "fiscal": FundsRowSpec(budget, budget, spent), "carryover": FundsRowSpec(),
                "other": FundsRowSpec()}
    # Split every column the same way so each column sums exactly (to the cent).
    share = rng.uniform(0.5, 0.9)
    fiscal_budget = round(budget * share, 2)
    fiscal_spent = min(round(spent * share, 2), fiscal_budget)
    return {"total": total,
            "fiscal": FundsRowSpec(fiscal_budget, fiscal_budget, fiscal_spent),
            "carryover": FundsRowSpec(round(budget - fiscal_budget, 2), round(budget - fiscal_budget, 2),
                                      round(spent - fiscal_spent, 2)),
            "other": FundsRowSpec()}


def _split(rng: random.Random, total: int, k: int) -> list[int]:
    """``total`` points into ``k`` positive integer weights."""
    cuts = sorted(rng.sample(range(1, total), k - 1)) if k > 1 else []
    bounds = [0, *cuts, total]
    return [b - a for a, b in zip(bounds, bounds[1:])]


def _counts(rng: random.Random, n: int, capacities: list[int]) -> list[int]:
    counts = [1] * len(capacities)
    while sum(counts) < min(n, sum(capacities)):
        i = rng.randrange(len(capacities))
        if counts[i] < capacities[i]:
            counts[i] += 1
    return counts


def _department_indicators(rng, sector, n, budget, spent, rate, year) -> list[IndicatorSpec]:
    outputs = _with_cost(sector.outputs, "产出成本", budget)
    effects = [*sector.effects, *_COMMON_EFFECTS, _satisfaction(sector, "满意度")]
    pools = [list(_DEPT_DECISION), list(_DEPT_PROCESS), outputs, effects]
    counts = _counts(rng, n, [len(p) for p in pools])
    indicators = []
    for (label1, weight), pool, count in zip((("项目决策", 20), ("项目过程", 20), ("项目产出", 30), ("项目效益", 30)),
                                             pools, counts):
        chosen = _choose(rng, len(pool), count)
        for item_index, w in zip(chosen, _split(rng, weight, count)):
            item = pool[item_index]
            level1 = f"{label1}（{weight}分）"
            if isinstance(item, tuple):  # a 共性 decision/process indicator
                indicators.append(_common(rng, level1, item, w, rate))
            else:
                indicators.append(_specific(rng, level1, item, w, spent, year, budget))
    return _grouped(indicators)


def _self_indicators(rng, sector, n, budget, spent, year) -> list[IndicatorSpec]:
    outputs = [dataclasses.replace(i, level2=i.level2.replace("产出", "") + "指标")
               for i in _with_cost(sector.outputs, "产出成本", budget)]
    effects = [dataclasses.replace(i, level2=i.level2 + "指标") for i in (*sector.effects, *_COMMON_EFFECTS)]
    satisfaction = [_satisfaction(sector, "服务对象满意度指标"),
                    _Item("服务对象满意度指标", "群众投诉处理满意率", "%", 90, 95)]
    pools = [outputs, effects, satisfaction]
    counts = _counts(rng, max(3, n), [len(p) for p in pools])
    indicators = []
    for (label1, weight), pool, count in zip((("产出指标", 50), ("效益指标", 30), ("满意度指标", 10)), pools, counts):
        chosen = _choose(rng, len(pool), count)
        for item_index, w in zip(chosen, _split(rng, weight, count)):
            indicators.append(_specific(rng, f"{label1}（{weight}分）", pool[item_index], w, spent, year, budget))
    return _grouped(indicators)


def _choose(rng: random.Random, size: int, count: int) -> list[int]:
    """``count`` of ``size`` pool items, always keeping the last one (the
    effects pool ends with 满意度, which every scheme expects)."""
    return sorted([*rng.sample(range(size - 1), count - 1), size - 1])


def _grouped(indicators: list[IndicatorSpec]) -> list[IndicatorSpec]:
    """Keep equal 二级 labels adjacent within each 一级 (as on a real form)."""
    order: dict[tuple[str, str], int] = {}
    for ind in indicators:
        order.setdefault((ind.level1, ind.level2), len(order))
    return sorted(indicators, key=lambda ind: order[(ind.level1, ind.level2)])


def _with_cost(outputs, level2: str, budget: float) -> list[_Item]:
    # 成本 targets are written ≤ the budget (A) and its 完成值 is B, as the rules expect.
    return [*outputs, *_COMMON_OUTPUTS, _Item(level2, "项目总成本", "万元", budget, budget, "≤")]


def _satisfaction(sector: _Sector, level2: str) -> _Item:
    return _Item(level2, f"{sector.satisfaction}满意度", "%", 90, 95)


def _common(rng, level1, item, w, rate) -> IndicatorSpec:
    level2, name = item
    if name == "资金到位率":
        return IndicatorSpec(level1, level2, name, "100%", "100%", w, w, kind="正向")
    if name == "预算执行率":
        score = round(min(rate, 1.0) * w, 2)
        actual = f"{fmt_plain(rate * 100, 2)}%"
        return IndicatorSpec(level1, level2, name, "100%", actual, w, score,
                             "" if rate >= 1 else _DEVIATION_RATE, kind="正向")
    if rng.random() < 0.8:
        return IndicatorSpec(level1, level2, name, "全部符合", "全部符合", w, w, kind="定性")
    score = round(w * rng.choice((0.6, 0.7)), 2)
    return IndicatorSpec(level1, level2, name, "全部符合", "基本符合", w, score, _DEVIATION_QUAL, kind="定性")


def _specific(rng, level1, item: _Item, w, spent, year, budget) -> IndicatorSpec:
    if item.deadlines:
        return _deadline(rng, level1, item, w, year)
    if item.unit is None:
        target = item.qual_target
        if rng.random() < 0.85:
            actual = rng.choice(item.qual_actuals) if item.qual_actuals else target
            return IndicatorSpec(level1, item.level2, item.name, target, actual, w, w, kind="定性")
        score = round(w * 0.7, 2)
        return IndicatorSpec(level1, item.level2, item.name, target, "部分实现", w, score, _DEVIATION_QUAL, kind="定性")
    unit = item.unit
    missed = False
    if item.name == "项目总成本":
        target_n, actual_n, decimals = item.low, spent, 2
    elif item.share:  # a contract price or one item's cost: a ceiling well below the budget
        target_n = round(budget * rng.uniform(item.low, item.high), 2)
        actual_n, decimals = round(target_n * rng.uniform(0.85, 1.0), 2), 2
    else:
        decimals = 2 if item.high < 5 else 0
        target_n = round(rng.uniform(item.low, item.high), decimals)
        if unit == "%":
            target_n = min(target_n, 100)
        missed = rng.random() < 0.15 and item.comparator == "≥" and target_n > 0
        if item.comparator == "=":
            actual_n = target_n
        elif item.comparator == "≤":
            actual_n = round(target_n * rng.uniform(0.5, 1.0), decimals)
        elif missed:
            actual_n = round(target_n * rng.uniform(0.8, 0.98), decimals)
        else:
            actual_n = _above(rng, target_n, unit, decimals)
    comparator = item.comparator
    target = f"{comparator}{fmt_plain(target_n)}{unit}"
    actual = f"{fmt_plain(actual_n)}{unit}"
    kind = "反向" if comparator == "≤" else "正向"
    if comparator == "≥" and actual_n < target_n:
        score = round(actual_n / target_n * w, 2)
        return IndicatorSpec(level1, item.level2, item.name, target, actual, w, score, _DEVIATION_QTY, kind=kind)
    if item.name != "项目总成本" and comparator != "=" and rng.random() < 0.35:
        target, actual = _qualified(rng, comparator, target_n, actual_n, unit, decimals)
    return IndicatorSpec(level1, item.level2, item.name, target, actual, w, w, kind=kind)


def _above(rng, target_n: float, unit: str, decimals: int) -> float:
    """A figure that meets a ≥ target without passing the 130% that needs an explanation."""
    top = min(100, target_n * 1.2) if unit == "%" else target_n * 1.2
    actual_n = round(rng.uniform(target_n, max(target_n, top)), decimals)
    ceiling = math.floor(target_n * 1.25 * 10**decimals) / 10**decimals
    return max(target_n, min(actual_n, ceiling))


# units a count is kept in; approximate and lower-bound answers are written for them
_COUNTS = ("人", "人次", "家", "户", "所", "座", "公里", "亩", "公斤")


def _qualified(rng, comparator: str, target_n: float, actual_n: float, unit: str, decimals: int) -> tuple[str, str]:
    """A met quantitative target in the words real forms use: 30家以上, 1,200人以上,
    3个工作日内 for the target; 约25家, 25家左右, 1200余人, 20家以上, 平均6个工作日 for
    the actual. The actual still meets the target."""
    number = fmt_plain(target_n)
    if comparator == "≥" and target_n >= 1000 and rng.random() < 0.5:
        number = f"{int(target_n):,}" if float(target_n).is_integer() else number
    if comparator == "≥" and unit in _COUNTS:
        target = rng.choice((f"{number}{unit}以上", f"≥{fmt_plain(target_n)}{unit}", f"{number}{unit}及以上"))
    elif comparator == "≤" and unit in ("天", "个工作日", "分钟", "小时"):
        target = rng.choice((f"{number}{unit}内", f"{number}{unit}以内", f"≤{number}{unit}"))
    else:
        target = f"{comparator}{fmt_plain(target_n)}{unit}"
    figure = fmt_plain(actual_n)
    if comparator == "≤" and unit in ("天", "个工作日", "分钟", "小时"):
        return target, f"平均{figure}{unit}"
    if comparator == "≥" and unit in _COUNTS:
        if rng.random() < 0.25:
            return target, f"{fmt_plain(target_n)}{unit}以上"  # a lower bound that meets the target
        whole = float(actual_n).is_integer() and actual_n >= 10
        spelling = rng.choice(("约{}{}", "{}{}左右") + (("{}余{}",) if whole else ()))
        return target, spelling.format(figure, unit)
    return target, f"{figure}{unit}"


def _deadline(rng, level1, item: _Item, w, year) -> IndicatorSpec:
    """A 时效 indicator: a deadline in the evaluation year, met (full marks) or,
    now and then, missed and scored in the 部分达成 band with its reason."""
    deadline = deadlines.make_deadline(rng, year, item.deadlines)
    if deadline.dated and rng.random() < 0.1:
        actual = deadlines.late_completion(rng, deadline, year)
        score = round(w * 0.7, 2)
        return IndicatorSpec(level1, item.level2, item.name, deadline.text, actual, w, score, _DEVIATION_LATE,
                             kind="定性")
    actual = deadlines.on_time_completion(rng, deadline, year)
    return IndicatorSpec(level1, item.level2, item.name, deadline.text, actual, w, w, kind="定性")


def _narrative(name, sector, year, budget, spent, rate, total, grade, indicators) -> list[str]:
    money = fmt_plain(budget, 2)
    used = fmt_plain(spent, 2)
    percent = fmt_plain(rate * 100, 2)
    return [
        f"{name}绩效评价报告",
        "一、基本情况",
        f"（一）项目概况。{sector.goal}",
        f"（二）资金情况。该项目全年预算{money}万元，实际到位{money}万元，资金到位率100%；"
        f"全年支出{used}万元，预算执行率{percent}%。",
        "二、绩效评价工作开展情况",
        f"评价组对照绩效目标，设置{len(indicators)}个三级指标开展评价。",
        "三、综合评价情况及评价结论",
        f"经综合评价，该项目得分{fmt_plain(total, 2)}分，评价等级为“{grade}”。",
        "四、存在的问题及建议",
        "个别指标完成进度偏慢，下一步将加强项目调度，提高资金使用效益。",
    ]
