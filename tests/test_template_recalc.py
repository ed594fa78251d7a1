"""The template's formulas compute what the contract says in a real spreadsheet
application: each filled copy is recalculated and saved by LibreOffice (one
headless run for all cases), then its cached values are read with calamine.

Skipped where LibreOffice is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from perfeval_xl.read.workbook import read_workbook
from perfeval_xl.outputs.template.blank import write_template
from perfeval_xl.outputs.template.blank_layout import form_layout
from tests.template_fill import SEED_HEADER, Row, fill_template

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

# name: (scheme, (全年预算数A, 全年执行数B), one indicator's 得分 or None, expected 执行率, 资金得分, 总分, 等次)
CASES = {
    "full_execution": ("部门评价", (60, 60), 95, 1.0, 10.0, 95.0, "优"),
    "seed_narrative_rate": ("部门评价", (60, 41.83), 90, 41.83 / 60, 6.97, 90.0, "优"),
    "just_below_90": ("部门评价", (60, 60), 89.99, 1.0, 10.0, 89.99, "良"),
    "exactly_80": ("部门评价", (60, 60), 80, 1.0, 10.0, 80.0, "良"),
    "exactly_60": ("部门评价", (60, 60), 60, 1.0, 10.0, 60.0, "中"),
    "below_60": ("部门评价", (60, 60), 59.99, 1.0, 10.0, 59.99, "差"),
    "budget_blank": ("部门评价", (None, 5), None, "", "", "", ""),
    "budget_zero": ("部门评价", (0, 5), None, "", "", "", ""),
    "self_overspent_capped": ("单位自评", (100, 120), 79.5, 1.2, 10.0, 89.5, "良"),
    "self_funds_only": ("单位自评", (100, 50), None, 0.5, 5.0, 5.0, "差"),
}


def _case_rows(scheme: str, score: float | None) -> tuple[Row, ...]:
    if score is None:
        return ()
    level2 = "产出数量" if scheme == "部门评价" else "数量指标"
    return (Row(level2, "测试指标", "≥1个", "1个", 100, score),)


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("recalc")
    templates = {s: write_template(work / f"blank_{s}.xlsx", s) for s in ("部门评价", "单位自评")}
    sources = []
    for name, (scheme, (budget, spent), score, *_) in CASES.items():
        source = work / f"{name}.xlsx"
        fill_template(templates[scheme], source, scheme, header={**SEED_HEADER, "method": scheme},
                      funds={"年度资金总额": (budget, budget, spent)}, rows=_case_rows(scheme, score), narrative=())
        sources.append(str(source))
    fill_template(templates["部门评价"], work / "seed.xlsx")  # the seed report's 附件, every row as written
    sources.append(str(work / "seed.xlsx"))
    out = work / "out"
    # A private profile so parallel runs (other worktrees, CI) never share a LibreOffice instance.
    command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(work / 'profile').as_uri()}",
               "--convert-to", "xlsx", "--outdir", str(out), *sources]
    expected = {name: out / f"{name}.xlsx" for name in [*CASES, "seed"]}
    for _attempt in range(2):  # a busy machine can make LibreOffice exit 0 having converted nothing
        run = subprocess.run(command, capture_output=True, timeout=300, text=True)
        if all(path.exists() for path in expected.values()):
            return expected
    missing = sorted(name for name, path in expected.items() if not path.exists())
    pytest.fail(f"LibreOffice did not convert {missing} (exit {run.returncode}): {run.stderr[-500:]}")


def _values(path: Path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("绩效评价表").to_python()


@pytest.mark.parametrize("name", list(CASES))
def test_formulas_compute_as_the_contract_says(recalculated, name):
    scheme, _, _, rate, funds_score, total, grade = CASES[name]
    layout = form_layout(scheme)
    rows = _values(recalculated[name])
    got_rate, got_funds_score = rows[5][6], rows[5][7]  # G6, H6
    got_total, got_grade = rows[layout.total_row - 1][6], rows[layout.grade_row - 1][1]
    assert got_rate == (pytest.approx(rate) if rate != "" else "")
    assert got_funds_score == (pytest.approx(funds_score) if funds_score != "" else "")
    assert got_total == (pytest.approx(total) if total != "" else "")
    assert got_grade == grade


def test_reader_takes_the_cached_values_of_an_application_saved_copy(recalculated):
    result = read_workbook(recalculated["seed"])
    assert result.failure is None and result.findings == []
    p = result.project
    assert p.total_score.formula  # the formula survived the application's save, its cached value is used
    assert (p.funds.total.rate.value, p.funds.total.score.value) == (1.0, 10)
    assert (p.total_weight.value, p.total_score.value, p.grade.value.value) == (100, 95, "优")
    assert len(p.indicators) == 17 and p.name.value == SEED_HEADER["name"]
