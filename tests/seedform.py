"""The seed report's 附件 (its 绩效评价表) written in the contract layout, for reader tests.

Written by hand with openpyxl so the expected cells are obvious: the title in
row 1, header fields in rows 2-4, funds block rows 5-9, goals 10-11,
indicator header row 13, indicators 14-30, 总分 row 31, 评价等次 row 32.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

INDICATORS = [
    ("项目决策（20分）", "项目立项", "立项依据充分性", "全部符合", "全部符合", 3, 3, ""),
    ("", "", "立项程序规范性", "全部符合", "全部符合", 2, 2, ""),
    ("", "绩效目标", "绩效目标合理性", "全部符合", "基本符合", 5, 3, "原因：对绩效知识学习不够；措施：加强学习培训。"),
    ("", "", "绩效指标明确性", "全部符合", "全部符合", 5, 5, ""),
    ("", "资金投入", "预算编制科学性", "全部符合", "全部符合", 3, 3, ""),
    ("", "", "资金分配合理性", "全部符合", "全部符合", 2, 2, ""),
    ("项目过程（20分）", "资金管理", "资金到位率", "100%", "100%", 3, 3, ""),
    ("", "", "预算执行率", "100%", "100%", 4, 4, ""),
    ("", "", "资金使用合规性", "全部符合", "全部符合", 3, 3, ""),
    ("", "组织实施", "管理制度健全性", "全部符合", "基本符合", 5, 3, "原因：管理制度不够健全；措施：完善管理制度"),
    ("", "", "制度执行有效性", "全部符合", "全部符合", 5, 5, ""),
    ("项目产出 （30分）", "产出数量", "走访慰问困难企业数", "≥20家", "20家", 5, 5, ""),
    ("", "产出质量", "企业对营商政策知晓率", "≥80%", "90%", 5, 5, ""),
    ("", "产出时效", "走访慰问时间", "春节前", "部分实现", 10, 9, "原因：企业提供资金拨付材料需要一定时间，部分企业春节后拨付；整改措施：督促企业及时提交材料。"),
    ("", "产出成本", "县领导春节走访慰问困难企业资金", "≤60万元", "60万元", 10, 10, ""),
    ("项目效益 （30分）", "社会效益", "体现县委县政府的关心关爱", "基本完成", "基本完成", 15, 15, ""),
    ("", "满意度", "被慰问企业满意度", "≥95%", "100%", 15, 15, ""),
]

NAME = "2023年县领导春节走访慰问困难企业资金项目"


def write_seed_form(path: Path, *, merged_labels: bool = True, narrative: list[str] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效评价表"
    ws["A1"] = NAME + "绩效评价表"
    ws.merge_cells("A1:H1")
    ws["A2"], ws["B2"] = "项目名称", NAME
    ws.merge_cells("B2:H2")
    ws["A3"], ws["B3"], ws["E3"], ws["F3"] = "主管部门", "信丰县工信局", "实施单位", "信丰县工信局"
    ws["A4"], ws["B4"], ws["E4"], ws["F4"] = "评价年度", 2023, "评价方式", "部门评价"
    ws["A5"] = "项目资金（万元）"
    ws.merge_cells("A5:A9")
    for col, text in zip("CDEFGH", ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"]):
        ws[f"{col}5"] = text
    ws["B6"], ws["C6"], ws["D6"], ws["E6"], ws["F6"], ws["G6"], ws["H6"] = "年度资金总额", 60, 60, 60, 10, "100%", 10
    ws["B7"], ws["C7"], ws["D7"], ws["E7"] = "其中：当年财政拨款", 60, 60, 60
    ws["B8"], ws["B9"] = "上年结转资金", "其他资金"
    ws["A10"], ws["B10"], ws["F10"] = "年度总体目标", "预期目标", "实际完成情况"
    ws.merge_cells("A10:A11")
    ws["B11"] = "县领导春节走访慰问困难企业，助力工业发展，提升我县营商环境。"
    ws["F11"] = "为困难企业发放春节慰问金，资金拨付率100%，提升了我县营收环境，企业获得感增强。"
    ws["A12"] = "绩效评价指标评分"
    ws.merge_cells("A12:H12")
    for col, text in zip("ABCDEFGH", ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差原因分析及改进措施"]):
        ws[f"{col}13"] = text
    row = 14
    for l1, l2, name, target, actual, weight, score, why in INDICATORS:
        for col, value in zip("ABCDEFGH", [l1, l2, name, target, actual, weight, score, why]):
            if value != "":
                ws[f"{col}{row}"] = value
        row += 1
    if merged_labels:
        for rng in ["A14:A19", "A20:A24", "A25:A28", "A29:A30", "B14:B15", "B16:B17", "B18:B19", "B20:B22", "B23:B24"]:
            ws.merge_cells(rng)
    ws["A31"], ws["F31"], ws["G31"] = "总分", 100, 95
    ws["A32"], ws["B32"] = "评价等次", "优☑良□        中□差□"
    ws.merge_cells("B32:H32")
    ws["A33"] = "100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差"
    if narrative is not None:
        rep = wb.create_sheet("评价报告")
        for i, text in enumerate(narrative, start=1):
            rep.cell(i, 1, text)
    wb.save(path)
    return path
