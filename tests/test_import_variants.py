"""Differently formatted reports import to what their author wrote: other
sectors, 单位自评, money in 元, a 序号 or 指标类型 column, the title inside the
table, a table split across pages, a lost row break in the text."""

from __future__ import annotations

import random

import pytest

from perfeval_xl.importer import import_report, write_imported
from perfeval_xl.read.workbook import read_workbook
from tests.support.synth.canon import number_of
from tests.support.synth.variants import random_spec
from tests.report_builders import as_written, flatten, spec_grid, write_docx

FORMATS = [
    # (seed, file type, options for the form grid, split the indicator table)
    (1, "txt", {}, False),
    (2, "docx", {"unit": "元"}, False),
    (3, "txt", {"unit": "元", "serial": True}, True),
    (4, "docx", {"kind": True, "title_row": True}, True),
    (5, "txt", {"checkbox": False, "year_row": False}, False),
    (6, "docx", {"serial": True, "checkbox": False}, False),
    (7, "txt", {"kind": True}, True),
    (8, "docx", {"unit": "元", "year_row": False}, True),
]


def _self_evaluation_seed() -> int:
    """A seed whose random project is a 单位自评 (the 自评表 layout)."""
    return next(s for s in range(100, 300) if random_spec(random.Random(s)).method == "单位自评")


FORMATS.append((_self_evaluation_seed(), "docx", {}, False))
FORMATS.append((_self_evaluation_seed(), "txt", {"unit": "元"}, True))


def write_report(tmp, spec, kind, options, split):
    grid = spec_grid(spec, **options)
    pages = [grid]
    if split and len(spec.indicators) >= 4:
        first_indicator = next(r for r, row in enumerate(grid.rows) if row[0 if not options.get("serial") else 1] == "一级指标") + 1
        cut = _cut_between_groups(grid, first_indicator)
        pages = grid.split(cut)
    title = "" if options.get("title_row") else spec.title
    path = tmp / f"report.{kind}"
    if kind == "docx":
        write_docx(path, spec.narrative, pages, title=title)
    else:
        text = "\n".join(spec.narrative) + "\n\n附件\n" + (title + "\n\n" if title else "") + flatten(pages)
        path.write_text(text, encoding="utf-8")
    return path


def _cut_between_groups(grid, first):
    """A row where no merged cell crosses the page break."""
    for r in range(first + 2, len(grid.rows) - 2):
        if all(not (r1 < r <= r2) for r1, _, r2, _ in grid.merges):
            return r
    return first + 1


@pytest.mark.parametrize("seed,kind,options,split", FORMATS)
def test_report_imports_to_what_its_author_wrote(tmp_path, seed, kind, options, split):
    spec = random_spec(random.Random(seed))
    result = import_report(write_report(tmp_path, spec, kind, options, split))
    assert result.ok, result.failure
    got = result.spec
    assert (got.name, got.department, got.implementer, got.year, got.grade) == (
        spec.name, spec.department, spec.implementer, spec.year, spec.grade)
    if options.get("year_row", True):
        assert got.method == spec.method
    assert got.title == spec.title
    assert (got.goal_expected, got.goal_actual) == (spec.goal_expected, spec.goal_actual)
    assert got.narrative == spec.narrative
    assert len(got.indicators) == len(spec.indicators)
    for mine, theirs in zip(got.indicators, spec.indicators):
        assert (mine.level1, mine.level2, mine.name, mine.target, mine.actual, mine.deviation) == (
            theirs.level1, theirs.level2, theirs.name, theirs.target, as_written(theirs.actual), theirs.deviation)
        assert mine.weight == pytest.approx(number_of(theirs.weight))
        assert mine.score == pytest.approx(number_of(theirs.score))
        assert mine.kind == (theirs.kind if options.get("kind") else "")
    assert number_of(got.total_score) == pytest.approx(number_of(spec.total_score))
    for key in ("total", "fiscal", "carryover"):
        for column in ("initial", "budget", "spent"):
            want = number_of(getattr(spec.funds[key], column))
            assert number_of(getattr(got.funds[key], column)) == pytest.approx(want), (key, column)
    total_rate = number_of(got.funds["total"].rate, percent=True)
    assert total_rate == pytest.approx(number_of(spec.funds["total"].rate, percent=True), abs=1e-4)
    assert not [n for n in result.notes if "无法识别" in n or "未填入" in n], result.notes


@pytest.mark.parametrize("seed,kind,options,split", [FORMATS[1], FORMATS[2]])
def test_money_in_yuan_stays_in_yuan_on_the_form(tmp_path, seed, kind, options, split):
    spec = random_spec(random.Random(seed))
    result = import_report(write_report(tmp_path, spec, kind, options, split))
    project = read_workbook(write_imported(result, tmp_path / "out.xlsx")).project
    budget = number_of(spec.funds["total"].budget)
    assert project.funds.source_unit == "元"
    assert project.funds.total.budget.value == pytest.approx(budget)  # the model is in 万元
    assert number_of(str(project.funds.total.budget.raw)) == pytest.approx(budget * 10000)  # the cell in 元


def test_a_row_break_lost_in_the_text_is_recovered(tmp_path):
    spec = random_spec(random.Random(11))
    grid = spec_grid(spec)
    header = next(r for r, row in enumerate(grid.rows) if row[0] == "一级指标")
    text = "\n".join(spec.narrative) + "\n附件\n" + spec.title + "\n" + flatten([grid], lose_break_after=header + 1)
    path = tmp_path / "lost.txt"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    assert [i.name for i in result.spec.indicators] == [i.name for i in spec.indicators]


def test_tab_separated_lines_and_fields_written_above_the_table(tmp_path):
    """Another way people save a report as text: one table row per line,
    the header fields as lines under 附表, money in 元 stated above the table."""
    text = "\n".join([
        "2024年乡村道路养护项目绩效自评报告",
        "一、基本情况",
        "全年执行180万元。",
        "附表1",
        "2024年乡村道路养护项目绩效自评表",
        "项目名称：2024年乡村道路养护项目",
        "主管部门：某县交通运输局",
        "实施单位：某县公路事务中心",
        "金额单位：元",
        "\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t2,000,000\t2,000,000\t1,800,000\t10\t90%\t9",
        "其中：当年财政拨款\t2,000,000\t2,000,000\t1,800,000\t\t\t",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        "产出指标（50分）\t数量指标\t养护里程\t≥120公里\t126公里\t30\t30\t",
        "\t时效指标\t完成时间\t2024年底前\t按期完成\t20\t20\t",
        "效益指标（30分）\t社会效益指标\t通行条件改善\t有效改善\t有效改善\t30\t28\t部分路段雨季积水，",
        "已列入下年计划。",
        "满意度指标（10分）\t服务对象满意度指标\t群众满意度\t≥90%\t93%\t10\t10\t",
        "总分\t\t\t\t\t100\t97\t",
        "评价等次：优",
    ])
    path = tmp_path / "tsv.txt"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    spec = result.spec
    assert (spec.name, spec.department, spec.implementer, spec.year, spec.method, spec.grade) == (
        "2024年乡村道路养护项目", "某县交通运输局", "某县公路事务中心", 2024, "单位自评", "优")
    assert spec.title == "2024年乡村道路养护项目绩效自评表"
    assert spec.narrative == ["2024年乡村道路养护项目绩效自评报告", "一、基本情况", "全年执行180万元。"]
    assert spec.funds["total"].budget == pytest.approx(200) and spec.funds["total"].spent == pytest.approx(180)
    assert result.layout.money_unit == "元_block"
    assert [i.name for i in spec.indicators] == ["养护里程", "完成时间", "通行条件改善", "群众满意度"]
    assert spec.indicators[1].level1 == "产出指标（50分）"
    assert spec.indicators[2].deviation == "部分路段雨季积水，\n已列入下年计划。"
    assert (spec.total_weight, spec.total_score) == (100, 97)
    project = read_workbook(write_imported(result, tmp_path / "tsv.xlsx")).project
    assert project.funds.total.spent.value == pytest.approx(180) and len(project.indicators) == 4


def test_central_self_evaluation_layout_in_word(tmp_path):
    """The central 项目支出绩效自评表: a 年度绩效指标 column merged down the left of the
    indicators, 9 columns, money in 元, 自评得分 and 实际完成值 headers, the 评价等次 as a
    paragraph under the table."""
    from tests.report_builders import Grid

    rows = [
        ["项目支出绩效自评表"] + [None] * 8,
        ["项目名称", "2023年高素质农民培育项目"] + [None] * 7,
        ["主管部门及代码", "某县农业农村局（101）", None, None, "实施单位", "某县农业技术推广中心", None, None, None],
        ["项目资金（元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "自评得分", ""],
        [None, "年度资金总额", "1,000,000", "1,200,000", "1,105,000", "10", "92.08%", "9.21", ""],
        [None, "其中：当年财政拨款", "1,000,000", "1,000,000", "950,000", "—", "—", "—", ""],
        [None, "其中：上年结转资金", "0", "200,000", "155,000", "—", "—", "—", ""],
        [None, "其他资金", "", "", "", "—", "—", "—", ""],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None],
        [None, "培训农户500人以上。", None, None, None, "培训农户526人。", None, None, None],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "自评得分",
         "偏差原因分析及改进措施"],
        [None, "产出指标（50分）", "数量指标", "培训农户人数", "≥500人", "526人", "30", "30", ""],
        [None, None, "质量指标", "培训合格率", "≥90%", "95%", "20", "20", ""],
        [None, "效益指标（30分）", "社会效益指标", "农户技能提升", "有效提升", "有效提升", "30", "29.25",
         "原因：部分农户参训时间短；措施：增加实训。"],
        [None, "满意度指标（10分）", "服务对象满意度指标", "参训农户满意度", "≥90%", "96%", "10", "10", ""],
        ["总分", None, None, None, None, None, "100", "98.46", ""],
    ]
    merges = [(0, 0, 0, 8), (1, 1, 1, 8), (2, 1, 2, 3), (2, 5, 2, 8), (3, 0, 7, 0), (8, 0, 9, 0), (8, 1, 8, 4),
              (8, 5, 8, 8), (9, 1, 9, 4), (9, 5, 9, 8), (10, 0, 14, 0), (11, 1, 12, 1), (15, 0, 15, 5)]
    path = write_docx(tmp_path / "自评.docx", ["2023年高素质农民培育项目绩效自评报告", "一、项目概况"],
                      [Grid(rows, merges)], annex="", after=["评价等次：优"])
    result = import_report(path)
    assert result.ok, result.failure
    spec = result.spec
    assert (spec.name, spec.department, spec.method, spec.year, spec.grade) == (
        "2023年高素质农民培育项目", "某县农业农村局（101）", "单位自评", 2023, "优")
    assert spec.title == "项目支出绩效自评表"
    assert spec.funds["carryover"].budget == pytest.approx(20) and spec.funds["fiscal"].spent == pytest.approx(95)
    assert spec.funds["total"].score == pytest.approx(9.21) and spec.funds["total"].rate == "92.08%"
    assert [i.name for i in spec.indicators] == ["培训农户人数", "培训合格率", "农户技能提升", "参训农户满意度"]
    assert spec.indicators[1].level1 == "产出指标（50分）" and spec.indicators[2].score == pytest.approx(29.25)
    assert (spec.goal_expected, spec.goal_actual) == ("培训农户500人以上。", "培训农户526人。")
    assert (spec.total_weight, spec.total_score) == (100, 98.46)
    assert not [n for n in result.notes if "未导入" in n or "未填入" in n], result.notes
    project = read_workbook(write_imported(result, tmp_path / "自评.xlsx")).project
    assert project.method.value == "单位自评" and project.funds.total.budget.value == pytest.approx(120)


def test_goals_on_two_labelled_rows_and_a_funds_total_called_heji(tmp_path):
    text = "\n".join([
        "某县2022年林业有害生物防治项目绩效评价报告",
        "（一）项目概况",
        "2022年林业有害生物防治项目绩效评价表",
        "项目名称\t2022年林业有害生物防治项目",
        "主管部门\t某县林业局\t实施单位\t某县森防站",
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t合计\t80\t80\t76\t10\t95%\t9.5",
        "\t其中：当年财政拨款\t80\t80\t76\t\t\t",
        "预期目标\t完成松材线虫病防治3万亩。",
        "实际完成情况\t完成防治3.1万亩。",
        "序号\t一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t分值\t得分\t偏差原因",
        "1\t产出（60分）\t数量\t防治面积\t≥3万亩\t3.1万亩\t60\t60\t",
        "2\t效益（40分）\t生态效益\t疫情发生率\t≤5%\t4%\t40\t40\t",
        "合计\t\t\t\t\t\t100\t99.5\t",
        "评价等级\t良好",
    ])
    path = tmp_path / "heji.txt"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    spec = result.spec
    assert spec.narrative == ["某县2022年林业有害生物防治项目绩效评价报告", "（一）项目概况"]
    assert spec.title == "2022年林业有害生物防治项目绩效评价表"
    assert (spec.goal_expected, spec.goal_actual) == ("完成松材线虫病防治3万亩。", "完成防治3.1万亩。")
    assert spec.funds["total"].spent == pytest.approx(76) and spec.funds["total"].rate == "95%"
    assert [(i.level1, i.name, i.weight, i.score) for i in spec.indicators] == [
        ("产出（60分）", "防治面积", 60, 60), ("效益（40分）", "疫情发生率", 40, 40)]
    assert (spec.total_weight, spec.total_score, spec.grade) == (100, 99.5, "良")
    assert spec.method == ""  # nothing in the report says which kind of evaluation it is
    assert any("评价方式" in n and "留空" in n for n in result.notes)


def test_a_blank_header_field_does_not_take_its_neighbours_value():
    from perfeval_xl.importer.fields import field_pairs

    assert field_pairs(["主管部门", "", "实施单位", "某县森防站"]) == [("department", ""), ("implementer", "某县森防站")]
    assert field_pairs(["项目名称：林业项目"]) == [("name", "林业项目")]
