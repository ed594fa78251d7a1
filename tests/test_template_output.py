"""What the template file holds without recalculation, the committed copies, the
atomic write and the ``perfeval template`` command."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

from perfeval_xl.cli import main
from perfeval_xl.outputs.template import blank as template_module
from perfeval_xl.outputs.template.blank import COMMITTED_DIR, template_filename, write_template
from perfeval_xl.outputs.template.blank_layout import SCHEMES, form_layout

REGENERATE = "python -m perfeval_xl.outputs.template.blank"


def _values(path: Path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("绩效评价表").to_python()


def _cell(rows: list[list], address: str):
    column, row = address[0], int(address[1:])
    return rows[row - 1][ord(column) - ord("A")]


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_formulas_carry_cached_values(tmp_path, scheme):
    path = write_template(tmp_path / "t.xlsx", scheme)
    layout = form_layout(scheme)
    rows = _values(path)
    formulas = openpyxl.load_workbook(path)["绩效评价表"]
    total = layout.total_row
    expected_weight_total = sum(s.weight or 0 for s in layout.slots) + (10 if scheme == "单位自评" else 0)
    # Every formula cell, as a viewer that does not recalculate sees it.
    expected = {"G6": "", "H6": "", f"F{total}": expected_weight_total,
                f"G{total}": "", f"B{layout.grade_row}": ""}
    for address, value in expected.items():
        assert str(formulas[address].value).startswith("="), address
        assert _cell(rows, address) == value, address
    assert _cell(rows, "F6") == 10 and _cell(rows, "A1") == "项目支出绩效评价表"
    formula_cells = {c.coordinate for row in formulas.iter_rows() for c in row
                     if isinstance(c.value, str) and c.value.startswith("=")}
    assert formula_cells == set(expected)
    last = layout.last_indicator_row
    if scheme == "单位自评":  # the funds block's 分值 and 得分 count toward 总分
        assert formulas[f"F{total}"].value == f"=SUM(F14:F{last})+F6"
        assert f"SUM(G14:G{last},H6)" in formulas[f"G{total}"].value
    else:  # 部门评价: the funds block is shown but not counted (standards.md §4.1)
        assert formulas[f"F{total}"].value == f"=SUM(F14:F{last})"
        assert "H6" not in formulas[f"G{total}"].value


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_committed_template_is_current(tmp_path, scheme):
    committed = COMMITTED_DIR / template_filename(scheme)
    assert committed.exists(), f"{committed} is missing: run `{REGENERATE}` and commit input_templates/"
    fresh = _parts(write_template(tmp_path / "fresh.xlsx", scheme))
    stale = [name for name in fresh.keys() | _parts(committed).keys()
             if fresh.get(name) != _parts(committed).get(name)]
    assert not stale, f"{committed.name} is stale in parts {sorted(stale)}: run `{REGENERATE}` and commit"


def test_write_is_atomic_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "模板.xlsx"
    target.write_bytes(b"previous")

    def broken_build(temporary: str, scheme: str) -> None:
        Path(temporary).write_bytes(b"half a file")
        raise RuntimeError("disk full")

    monkeypatch.setattr(template_module, "_build", broken_build)
    with pytest.raises(RuntimeError):
        write_template(target, "部门评价")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_unknown_scheme_is_refused_before_writing(tmp_path):
    with pytest.raises(ValueError, match="财政自评"):
        write_template(tmp_path / "x.xlsx", "财政自评")
    assert list(tmp_path.iterdir()) == []


def test_cli_writes_into_a_folder_with_the_scheme_name(tmp_path):
    result = CliRunner().invoke(main, ["template", "-o", str(tmp_path), "--scheme", "单位自评"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "绩效评价表_单位自评.xlsx"
    assert f"已生成空白模板（单位自评）：{written}" in result.output
    assert _cell(_values(written), "F4") == "单位自评"


def test_cli_default_is_department_scheme_in_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["template"])
    assert result.exit_code == 0, result.output
    assert _cell(_values(tmp_path / "绩效评价表_部门评价.xlsx"), "F4") == "部门评价"


def test_cli_explains_unwritable_path_in_chinese(tmp_path):
    result = CliRunner().invoke(main, ["template", "-o", str(tmp_path / "无此目录" / "t.xlsx")])
    assert result.exit_code == 1
    assert "无法写入模板文件" in result.output


def test_cli_rejects_unknown_scheme(tmp_path):
    result = CliRunner().invoke(main, ["template", "-o", str(tmp_path), "--scheme", "财政评价"])
    assert result.exit_code == 2
