"""What the importer cannot place is said in Chinese; nothing it reads makes it crash."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfeval_xl.importer import import_report
from perfeval_xl.importer.form import build_spec
from perfeval_xl.importer.split import split_report
from perfeval_xl.importer.txt_source import parse_text
from tests.support.synth.variants import random_spec
from tests.report_builders import SEED_TXT, flatten, spec_grid, write_docx


def _with_extras(spec):
    grid = spec_grid(spec)
    header = next(r for r, row in enumerate(grid.rows) if row[0] == "一级指标")
    grid.rows.insert(header, ["审核意见", "同意", "", "", "", "", "", ""])
    grid.merges = [(a + (a >= header), b, c + (c >= header), d) for a, b, c, d in grid.merges]
    grid.rows[-1] = ["评价等次", "较好", None, None, None, None, None, None]
    return grid


def test_unknown_rows_unreadable_grade_and_trailing_text_are_noted(tmp_path):
    spec = random_spec(random.Random(21))
    path = tmp_path / "odd.docx"
    body = ["2023年某项目绩效评价报告", "一、基本情况"]
    write_docx(path, body, [_with_extras(spec)], title=spec.title, after=["评价组组长：张三", "2024年3月"])
    result = import_report(path)
    assert result.ok
    notes = "\n".join(result.notes)
    assert "审核意见" in notes and "同意" in notes
    assert "评价等次“较好”" in notes and result.spec.grade == ""
    assert "评价组组长：张三" in notes
    assert len(result.spec.indicators) == len(spec.indicators)


def test_a_scoring_method_column_and_a_body_table_are_noted(tmp_path):
    spec = random_spec(random.Random(22))
    grid = spec_grid(spec)
    for r, row in enumerate(grid.rows):
        row.append("得分计算方法" if row[0] == "一级指标" else "")
        if r > 0 and grid.rows[r - 1][0] == "一级指标":
            row[-1] = "完成即得满分"
    grid.merges = [(a, b, c, d + 1 if d == 7 else d) for a, b, c, d in grid.merges]
    for r, row in enumerate(grid.rows):
        if any(m[0] == r and m[3] == 8 for m in grid.merges):
            row[-1] = None
    other = spec_grid(spec)
    other.rows = [["单位", "金额"], ["甲", "1"]]
    other.merges = []
    path = tmp_path / "method.docx"
    write_docx(path, spec.narrative, [grid], title=spec.title)
    import docx

    document = docx.Document(str(path))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "单位", "金额"
    document.element.body.insert(1, table._tbl)  # a table inside the narrative
    document.save(str(path))
    result = import_report(path)
    assert result.ok
    notes = "\n".join(result.notes)
    assert "得分计算方法" in notes
    assert "1 个表格不是绩效评价表" in notes
    assert len(result.spec.indicators) == len(spec.indicators)


def test_missing_pieces_are_noted_not_invented(tmp_path):
    text = ("某项目评价报告\n附件\n\t一级指标\n\t二级指标\n\t三级指标\n\t分值\n\t得分\n\n"
            "\t产出指标\n\t数量指标\n\t培训人数\n\t50\n\t45\n\n")
    path = tmp_path / "bare.txt"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    assert result.ok and result.spec.indicators[0].name == "培训人数"
    notes = "\n".join(result.notes)
    for missing in ("项目名称", "评价等次", "年度资金总额", "评价方式"):
        assert missing in notes
    assert result.spec.name == "" and result.spec.grade == ""


def test_reports_without_a_form_or_unreadable_files_fail_with_a_reason(tmp_path):
    plain = tmp_path / "letter.txt"
    plain.write_text("关于开展绩效评价的通知\n各单位：请于月底前报送。\n", encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path, words in ((plain, "没有找到绩效评价表"), (broken, "无法"), (old, "另存为"), (empty, "没有找到绩效评价表")):
        result = import_report(path)
        assert not result.ok and words in result.failure, (path.name, result.failure)


def test_gbk_encoded_text_reads_the_same(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED_TXT.read_text(encoding="utf-8").encode("gb18030"))
    assert import_report(path).spec == import_report(SEED_TXT).spec


_PIECES = ["\t", "\n", "\n\n", " ", "附件", "项目名称", "年度资金总额", "其中：当年财政拨款", "一级指标", "二级指标",
           "三级指标", "分值", "得分", "总分", "评价等次", "优☑良□", "60", "100%", "≥20家", "（万元）", "[bookmark: b1]",
           "年初预算数", "全年预算数A", "全年执行数B", "执行率", "年度总体目标", "预期目标", "续表", "x"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_any_text_parses_without_raising(pieces):
    notes: list[str] = []
    parts = split_report(parse_text("".join(pieces)))
    if parts.form_rows:
        spec, unit = build_spec(parts, notes)
        assert unit in ("元", "万元") and all(isinstance(n, str) and n for n in notes)


def test_flattened_seed_variants_of_the_funds_break_parse(tmp_path):
    """The seed's ``100%\\n \\t上年结转资金``: a lost break inside the funds block."""
    spec = random_spec(random.Random(23))
    grid = spec_grid(spec)
    fiscal = next(r for r, row in enumerate(grid.rows) if row[1] == "其中：当年财政拨款")
    text = "正文\n附件\n" + spec.title + "\n" + flatten([grid], lose_break_after=fiscal)
    path = tmp_path / "funds.txt"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    assert result.spec.funds["carryover"] == spec.funds["carryover"].__class__(
        **{k: (None if v is None else float(v)) for k, v in vars(spec.funds["carryover"]).items()})
    assert not [n for n in result.notes if "无法识别" in n]


def test_a_report_that_opens_with_its_form_keeps_the_text_after_it(tmp_path):
    spec = random_spec(random.Random(24))
    path = write_docx(tmp_path / "form_first.docx", [], [spec_grid(spec)], annex="", title=spec.title,
                      after=spec.narrative)
    result = import_report(path)
    assert result.spec.narrative == spec.narrative
    assert not [n for n in result.notes if "未导入" in n]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES + ["三分", "约60", "—", "2,000元", "良好", "合计"]), min_size=5, max_size=50))
def test_whatever_is_parsed_can_be_written_and_read_back(tmp_path, pieces):
    from perfeval_xl.importer import write_imported
    from perfeval_xl.read.workbook import read_workbook

    path = tmp_path / "fuzz.txt"
    path.write_text("正文\n附件\n" + "".join(pieces), encoding="utf-8")
    result = import_report(path)
    if result.ok:
        read = read_workbook(write_imported(result, tmp_path / "fuzz.xlsx"))
        assert read.project is not None or read.failure
