"""The template's formulas agree with the domain rules for any input.

The formulas are taken from the generated file and evaluated with the
reader's own evaluator (what happens to files saved without cached values);
the expected figures come from the contract: 执行率 = B/A, 得分 = MIN(B/A,1)×分值
rounded to 2 decimals, 总分 = Σ 得分 (+ funds 得分 under 单位自评), 等次 by the
scheme's half-open bands. LibreOffice checks the same formulas in
test_template_recalc.py for a handful of cases.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from perfeval_xl.read import formula as formula_module
from perfeval_xl.outputs.template.blank import write_template
from perfeval_xl.outputs.template.blank_layout import SCHEMES, form_layout

CENTS = Decimal("0.01")


@pytest.fixture(scope="module")
def formulas(tmp_path_factory) -> dict[str, dict[str, str]]:
    """Per scheme: every formula cell of the blank template (without the leading '=')."""
    out = {}
    for scheme in SCHEMES:
        ws = openpyxl.load_workbook(write_template(tmp_path_factory.mktemp("f") / "t.xlsx", scheme))["绩效评价表"]
        out[scheme] = {c.coordinate: c.value[1:] for row in ws.iter_rows() for c in row
                       if isinstance(c.value, str) and c.value.startswith("=")}
    return out


def _evaluate(formulas: dict[str, str], inputs: dict[str, object], address: str) -> object:
    def resolve(_sheet, row: int, col: int) -> object:
        coordinate = f"{get_column_letter(col)}{row}"
        if coordinate in formulas:
            return _evaluate(formulas, inputs, coordinate)
        return inputs.get(coordinate)

    return formula_module.evaluate(formulas[address], resolve)


def _cents(high: int):
    return st.integers(0, high * 100).map(lambda n: Decimal(n) / 100)


@settings(max_examples=100, deadline=None)
@given(scheme=st.sampled_from(list(SCHEMES)),
       budget=st.one_of(st.none(), st.just(Decimal(0)), _cents(5000)),
       spent=st.one_of(st.none(), _cents(8000)),
       scores=st.lists(_cents(30), max_size=12))
# Summed as floats these five give 89.99999999999999: 总分 must still be 90 and 优.
@example(scheme="部门评价", budget=None, spent=None,
         scores=[Decimal(v) for v in ("9.41", "26.03", "7.26", "22.56", "24.74")])
def test_formulas_follow_the_contract(formulas, scheme, budget, spent, scores):
    layout = form_layout(scheme)
    cells = formulas[scheme]
    inputs: dict[str, object] = {"F6": float(layout.scheme.funds_weight)}
    if budget is not None:
        inputs["D6"] = float(budget)
    if spent is not None:
        inputs["E6"] = float(spent)
    for index, score in enumerate(scores):
        inputs[f"G{layout.slot_row(index)}"] = float(score)

    if not budget:  # blank or 0: no #DIV/0!, the cells stay empty
        rate = funds_score = ""
    else:
        rate = (spent or 0) / budget
        funds_score = (min(rate, 1) * Decimal(layout.scheme.funds_weight)).quantize(CENTS, ROUND_HALF_UP)
    counted = list(scores)
    if layout.scheme.funds_in_total and funds_score != "":
        counted.append(funds_score)
    total = sum(counted, Decimal(0)).quantize(CENTS, ROUND_HALF_UP) if counted else ""
    grade = layout.scheme.grade_for(float(total)) if total != "" else ""

    def expect(value):
        return value if value == "" else pytest.approx(float(value), abs=1e-9)

    assert _evaluate(cells, inputs, "G6") == expect(rate)
    assert _evaluate(cells, inputs, "H6") == expect(funds_score)
    assert _evaluate(cells, inputs, f"G{layout.total_row}") == expect(total)
    assert _evaluate(cells, inputs, f"B{layout.grade_row}") == grade
