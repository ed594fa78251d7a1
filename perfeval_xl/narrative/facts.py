"""What the form says about the subjects a report talks about, and how to
compare and print figures. Shared by the XC6xx rules."""

from __future__ import annotations

import re
from decimal import Decimal

from perfeval_xl.model import Indicator, Measure, Project, Sourced
from perfeval_xl.narrative.claims import Claim
from perfeval_xl.narrative.lexicon import load_lexicon
from perfeval_xl.tolerance import MONEY, fmt_number, fmt_rate, rate_matches

EPS = 1e-9


_LABELS = {
    "count_level1": "一级指标个数", "count_level2": "二级指标个数", "count_level3": "三级指标个数",
    "indicator_value": "指标值", "indicator_score": "指标得分", "indicator_deduction": "指标扣分",
    "unit_price": "单价", "other": "其他",
}


def label(subject: str) -> str:
    """Chinese name of a subject, for messages."""
    s = load_lexicon().subjects.get(subject)
    return s.label if s else _LABELS.get(subject, subject)


def show(claim: Claim) -> str:
    """A claim's value as the reader wrote it, in normal units."""
    if claim.unit == "%":
        return fmt_rate(float(claim.value), max(claim.decimals or 0, 0))
    if isinstance(claim.value, Decimal):
        return fmt_number(float(claim.value), 4) + claim.unit
    return str(claim.value)


def money_agrees(claim: Claim, form_value: float) -> bool:
    """Equal within a 百元, or within the rounding of the decimals the report
    shows (``42万元`` for 41.83 is rounded, not wrong)."""
    shown = Decimal(5) / Decimal(10) ** ((claim.decimals or 0) + 1)
    tolerance = max(MONEY, float(shown))
    return abs(float(claim.value) - form_value) <= tolerance + EPS


def number_agrees(claim: Claim, value: float) -> bool:
    shown = Decimal(5) / Decimal(10) ** ((claim.decimals or 0) + 1)
    return abs(float(claim.value) - value) <= max(0.01, float(shown)) + EPS


def rate_agrees(claim: Claim, fraction: float) -> bool:
    """A stated rate against a fraction: equal to the shown decimals (rounded
    or truncated), as the tolerance module defines."""
    shown = float(claim.value)
    if rate_matches(shown, fraction, claim.decimals):
        return True
    half_unit = 0.5 * 10 ** -((claim.decimals or 0) + 2)
    return abs(shown - fraction) <= half_unit + EPS


def form_money(project: Project, subject: str) -> list[Sourced]:
    """The form cells a money claim can be about (any of them may match)."""
    f = project.funds
    if f is None:
        return []
    row = f.total
    cells = {
        "budget": [row.budget, row.initial],  # 预算 alone may mean either
        "initial_budget": [row.initial],
        "full_year_budget": [row.budget],
        "spent": [row.spent],
    }.get(subject, [])
    return [c for c in cells if c.present]


def form_balance(project: Project) -> tuple[float, list[Sourced]] | None:
    """结余 = 全年预算数 A − 全年执行数 B, with the cells it rests on."""
    f = project.funds
    if f is None or not (f.total.budget.present and f.total.spent.present):
        return None
    return f.total.budget.value - f.total.spent.value, [f.total.budget, f.total.spent]


def percent_fraction(measure: Measure | None) -> float | None:
    """A % measure as a fraction (the reader keeps ``90%`` as 90 with unit %;
    the unit says it is a percentage, so it is always divided by 100)."""
    if measure is None or measure.number is None or (measure.unit or "") != "%":
        return None
    return measure.number / 100


def find_indicator(project: Project, word: str) -> Indicator | None:
    """The single indicator whose name contains ``word`` (资金到位率), else None."""
    found = [i for i in project.indicators if word in (i.name.value or "")]
    return found[0] if len(found) == 1 else None


def measure_agrees(claim: Claim, measure: Measure | None) -> bool | None:
    """Does a claim agree with an indicator's target/actual? None when the two
    cannot be compared (qualitative, other unit)."""
    if measure is None or measure.number is None:
        return None
    if claim.unit == "%":
        fraction = percent_fraction(measure)
        return None if fraction is None else rate_agrees(claim, fraction)
    unit = measure.unit or ""
    if claim.unit == "万元":
        scale = {"万元": 1.0, "元": 0.0001, "亿元": 10000.0}.get(unit)
        return None if scale is None else money_agrees(claim, measure.number * scale)
    if unit and unit != claim.unit and not unit.endswith(claim.unit):
        return None
    return number_agrees(claim, measure.number)


def show_measure(measure: Measure | None) -> str:
    return "" if measure is None else measure.text


def trusted(claims, subject: str) -> list[Claim]:
    """The firm statements of what happened (role actual) about ``subject``."""
    return [c for c in claims if c.subject == subject and c.trusted]


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def rounding(claim: Claim) -> float:
    """Half a unit of the last digit the report shows, in the claim's value unit
    (万元 for money: ``7.13万元`` ±0.005, ``600,000元`` ±0.00005, a percentage as a fraction)."""
    m = _DIGITS.search(claim.text or "")
    decimals = claim.decimals or 0
    half = 0.5 * 10 ** -decimals
    if m is None or isinstance(claim.value, str):
        return half
    written = float(m.group(0).replace(",", "")) or 1.0
    scale = abs(float(claim.value)) / written if float(claim.value) else 1.0
    return half * (scale or 1.0)


def sentence_of(claims, claim: Claim) -> list[Claim]:
    """The claims of ``claim``'s sentence, in order (a text-table row is a sentence)."""
    return [c for c in claims if c.paragraph == claim.paragraph and c.sentence == claim.sentence]


def agrees(a: Claim, b: Claim) -> bool:
    """Do two statements of one subject agree, each to the decimals it shows?"""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    if a.unit == "万元":
        return money_agrees(a, float(b.value)) or money_agrees(b, float(a.value))
    if a.unit == "%":
        return rate_agrees(a, float(b.value)) or rate_agrees(b, float(a.value))
    return number_agrees(a, float(b.value)) or number_agrees(b, float(a.value))


def _execution_rate(project: Project):
    """(accepted fractions, cells) of the form's 执行率: B/A and the 执行率 cell of
    the funds block (the cell shown last in messages), else the 预算执行率 indicator."""
    f = project.funds
    if f is not None:
        row = f.total
        values, cells = [], [row.rate, row.budget, row.spent]
        if row.budget.present and row.spent.present and row.budget.value:
            values.append(row.spent.value / row.budget.value)
        if row.rate.present:
            values.append(row.rate.value)
        if values:
            return values, cells
    return _indicator_rate(project, "执行率")


def _indicator_rate(project: Project, word: str):
    ind = find_indicator(project, word)
    fraction = percent_fraction(ind.actual.value) if ind else None
    return ([fraction], [ind.actual]) if fraction is not None else ([], [])


def form_rates(project: Project, subject: str) -> tuple[list[float], list[Sourced]]:
    """The fractions the form accepts for a rate claim, and the cells they rest
    on (the first is the one to point at). Empty when the form has none."""
    if subject == "execution_rate":
        return _execution_rate(project)
    if subject == "arrival_rate":
        return _indicator_rate(project, "到位率")
    return [], []
