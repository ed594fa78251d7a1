"""The catalog on real workbooks read by the reader: the seed's 附件 and a few
synthetic clean projects in random layouts raise no XC1xx–XC4xx warning or
error, and a planted fault is reported at its cell. (benchmarks/fault_injection.py
measures the same at scale.)"""

import random
from pathlib import Path

import pytest

from perfeval_xl.findings import Severity
from perfeval_xl.pipeline import evaluate_file
from tests.support.synth import write_project
from tests.support.synth.variants import random_layout, random_spec
from tests.seedform import write_seed_form

CATALOG = ("XC1", "XC2", "XC3", "XC4")


def catalog_alarms(result):
    return [
        f for f in result.findings
        if f.rule.startswith(CATALOG) and f.severity in (Severity.ERROR, Severity.WARNING)
    ]


def test_seed_form_is_consistent_at_form_level(tmp_path: Path):
    # The seed's form adds up (Σ 分值 100, 总分 95 = Σ 得分, 优, funds 60/60/60 = 100%);
    # its defects are a score outside its band (scoring) and the narrative's 69.71% (narrative).
    result = evaluate_file(write_seed_form(tmp_path / "seed.xlsx"), "seed.xlsx")
    assert result.ok
    assert catalog_alarms(result) == []


def test_seed_form_with_the_narratives_figures_in_the_funds_block(tmp_path: Path):
    # Had the clerk typed the report's figures (41.83 spent of 60) into the form:
    # the 100% is wrong (once, at G6: 得分 and the 预算执行率 indicator follow the shown
    # rate and are not reported again), it is below 90% unexplained, and the cost
    # indicator's 60万元 no longer equals B.
    path = write_seed_form(tmp_path / "seed.xlsx")
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["绩效评价表"]
    ws["E6"] = ws["E7"] = 41.83
    wb.save(path)
    found = {(f.rule, f.cell) for f in catalog_alarms(evaluate_file(path, "seed.xlsx"))}
    assert found == {("XC101", "G6"), ("XC107", "G6"), ("XC303", "E28")}


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 41, 100059])  # 41: 单位自评 with =SUM totals; 100059: % cell holding 0.9631
def test_clean_synthetic_workbooks_raise_nothing(tmp_path: Path, seed: int):
    rng = random.Random(seed)
    spec = random_spec(rng)
    layout = random_layout(rng)
    path = tmp_path / f"clean_{seed}.xlsx"
    write_project(spec, layout, path)
    result = evaluate_file(path, path.name)
    assert result.ok, result.failure
    assert catalog_alarms(result) == [], [f"{f.rule} {f.location} {f.message}" for f in catalog_alarms(result)]
