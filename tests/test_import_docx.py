"""What Word files hold beyond plain runs: symbol-font check boxes, content controls."""

from __future__ import annotations

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from perfeval_xl.importer import import_report
from tests.report_builders import seed_body, seed_grid, write_docx


def _grade_cell(document):
    table = document.tables[0]
    for row in table.rows:
        if row.cells[0].text == "评价等次":
            return row.cells[1]
    raise AssertionError("no 评价等次 row")


def _sym(paragraph, font: str, char: str) -> None:
    run, sym = OxmlElement("w:r"), OxmlElement("w:sym")
    sym.set(qn("w:font"), font)
    sym.set(qn("w:char"), char)
    run.append(sym)
    paragraph._p.append(run)


def _rebuilt_grade(tmp_path, fill) -> str:
    path = write_docx(tmp_path / "seed.docx", seed_body()[:3], [seed_grid(tmp_path)])
    document = docx.Document(str(path))
    cell = _grade_cell(document)
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    fill(paragraph)
    document.save(str(path))
    return import_report(path).spec.grade


def test_wingdings_symbols_as_check_boxes(tmp_path):
    def fill(p):
        p.add_run("优")
        _sym(p, "Wingdings", "F0A8")
        p.add_run("良")
        _sym(p, "Wingdings", "F0FE")
        p.add_run("中")
        _sym(p, "Wingdings", "F0A8")
        p.add_run("差")
        _sym(p, "Wingdings", "F0A8")

    assert _rebuilt_grade(tmp_path, fill) == "良"


def test_wingdings2_letters_as_check_boxes(tmp_path):
    def fill(p):
        for grade, box in (("优", "£"), ("良", "£"), ("中", "R"), ("差", "£")):
            p.add_run(grade)
            p.add_run(box).font.name = "Wingdings 2"

    assert _rebuilt_grade(tmp_path, fill) == "中"


def test_text_inside_a_content_control(tmp_path):
    def fill(p):
        sdt, content, run, text = OxmlElement("w:sdt"), OxmlElement("w:sdtContent"), OxmlElement("w:r"), OxmlElement("w:t")
        text.text = "优"
        run.append(text)
        content.append(run)
        sdt.append(content)
        p._p.append(sdt)

    assert _rebuilt_grade(tmp_path, fill) == "优"


def test_a_value_merged_across_two_columns_does_not_shift_the_row(tmp_path):
    grid = seed_grid(tmp_path)
    row = next(r for r, cells in enumerate(grid.rows) if cells[2] == "立项依据充分性")
    grid.rows[row][4] = None  # 全部符合 typed once across 年度指标值 and 全年完成值
    grid.merges.append((row, 3, row, 4))
    result = import_report(write_docx(tmp_path / "merged.docx", seed_body()[:2], [grid]))
    first = result.spec.indicators[0]
    assert (first.name, first.target, first.actual, first.weight, first.score) == ("立项依据充分性", "全部符合", "", 3, 3)
    assert len(result.spec.indicators) == 17 and result.spec.total_score == 95


def test_a_table_in_the_body_with_a_project_name_column_is_not_the_form(tmp_path):
    body = seed_body()
    path = write_docx(tmp_path / "body_table.docx", body, [seed_grid(tmp_path)])
    document = docx.Document(str(path))
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ["项目名称", "预算数", "执行数", "走访慰问", "60", "60"]):
        cell.text = text
    document.element.body.insert(5, table._tbl)  # among the narrative's first paragraphs
    document.save(str(path))
    result = import_report(path)
    assert result.spec.narrative == body
    assert len(result.spec.indicators) == 17
    assert any("1 个表格不是绩效评价表" in n for n in result.notes)
