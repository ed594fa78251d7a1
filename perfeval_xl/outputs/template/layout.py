"""Layout options: every freedom the contract's "What the reader must tolerate"
allows, one field each, so a failure can be traced back to one option.

The defaults reproduce the contract's illustration (and the template): the
form on sheet ``绩效评价表`` starting at A1, merged labels, plain numbers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

# Synonyms the contract allows for a canonical label (first = canonical).
LABEL_SYNONYMS = {
    "全年完成值": ("全年完成值", "实际完成值", "完成值"),
    "年度指标值": ("年度指标值", "指标值", "目标值"),
    "偏差原因分析及改进措施": ("偏差原因分析及改进措施", "偏差原因"),
    "总分": ("总分", "合计"),
    "评价等次": ("评价等次", "评价等级", "等次", "自评等次"),
    "全年执行数": ("全年执行数", "实际支出数", "执行数"),
}

# Allowed values of the enumerated options (random_layout draws from these).
CHOICES = {
    "bracket_style": ("full", "half"),
    "colon_style": ("full", "half", "none"),
    "letter_style": ("full", "half", "bare", "none"),
    "label_spacing": ("none", "spaces", "linebreaks", "padded"),  # padded: " 项目名称 "
    "level_labels": ("merged", "blank", "mixed"),  # mixed: 一级 merged, 二级 blank-continued
    "funds_rows": ("all", "total_fiscal", "total_only"),  # blank 其中 rows may be left out
    "number_style": ("number", "text", "fullwidth", "thousands", "unit"),
    "money_unit": ("万元", "元_block", "元_cell"),
    "rate_style": ("text", "text_2dp", "percent_format", "bare"),  # 98% / 98.00% / 0.98 as % / 98
    "comparator_style": ("symbol", "ascii", "words", "spaced"),  # ≥20家 / >=20家 / 不低于20家 / ≥ 20 家
    "measure_numbers": ("text", "numeric"),  # a bare 100% / 20 完成值 as a number cell (% format)
    "grade_style": ("plain", "checkbox", "checkbox_spaced"),  # spaced as in the seed: 优☑良□        中□差□
    "narrative_style": ("rows", "rows_spaced", "one_cell", "one_cell_spaced", "none"),  # *_spaced: blank line between paragraphs
    "narrative_sheet": ("评价报告", "报告正文"),
    "instructions_sheet": ("none", "before", "after"),
    "form_sheet_name": ("绩效评价表", "附件1", "Sheet1", "项目支出绩效评价表"),
    "actual_label": LABEL_SYNONYMS["全年完成值"],
    "target_label": LABEL_SYNONYMS["年度指标值"],
    "deviation_label": LABEL_SYNONYMS["偏差原因分析及改进措施"],
    "total_label": LABEL_SYNONYMS["总分"],
    "grade_label": LABEL_SYNONYMS["评价等次"],
    "spent_label": LABEL_SYNONYMS["全年执行数"],
    # a 小计 row closing each 一级 group: none / 小计 in the 二级 column (the 一级 label merged
    # over it) / 产出指标小计 in the 一级 column, merged over the three label columns
    "subtotal_rows": ("none", "level2", "named"),
    # how a date cell (a completion date) is formatted: 2023年10月26日 / 2023-10-26 /
    # 2023/10/26 / Excel's short date (built-in 14, shown 2023/10/26 in zh-CN) / 10月26日 /
    # 二〇二三年十月二十六日 (WPS and Excel's Chinese numerals)
    "date_format": ('yyyy"年"m"月"d"日"', "yyyy-mm-dd", "yyyy/m/d", "mm-dd-yy", 'm"月"d"日"',
                    '[DBNum1][$-804]yyyy"年"m"月"d"日"'),
}


@dataclass(frozen=True)
class LayoutOptions:
    # placement
    form_sheet_name: str = "绩效评价表"
    sheets_before: int = 0  # unrelated sheets (封面, 目录) before the form
    instructions_sheet: str = "none"  # 填表说明: none / before / after the form
    row_offset: int = 0  # blank rows above everything
    col_offset: int = 0  # blank columns left of everything
    title_row: bool = True
    note_rows: int = 0  # 填报单位/填报日期 rows under the title
    serial_column: bool = False  # leading 序号 column in the indicator table
    blank_rows_between: int = 0  # blank rows between blocks
    indicator_caption: bool = True  # the 绩效评价指标评分 row
    year_row: bool = True  # 评价年度/评价方式 row (else the year comes from the title)
    merge_values: bool = True  # header values and the grade merged across columns
    kind_column: bool = False  # 指标类型 after 偏差原因
    grade_legend: bool = True  # the 100-90（含）分为优… row
    closing_rows: bool = False  # 评分说明 / 填表人 rows after the table
    # label spelling
    bracket_style: str = "full"
    colon_style: str = "full"
    letter_style: str = "full"
    label_spacing: str = "none"
    actual_label: str = "全年完成值"
    target_label: str = "年度指标值"
    deviation_label: str = "偏差原因分析及改进措施"
    total_label: str = "总分"
    grade_label: str = "评价等次"
    spent_label: str = "全年执行数"
    # cells
    level_labels: str = "merged"  # merged / blank (written once, blanks below)
    number_style: str = "number"
    money_unit: str = "万元"
    rate_style: str = "percent_format"
    formulas: bool = False  # 执行率 and 总分 as formulas without cached values
    sum_formulas: bool = False  # 年度资金总额 money cells as =SUM(其中 rows), no cached values
    header_label_span: int = 1
    header_one_per_row: bool = False
    score_units: bool = False  # 分值/得分 typed as text with their unit (5分), the year as 2023年  # 主管部门/实施单位 (评价年度/评价方式) each on its own row
    funds_rows: str = "all"  # header labels merged over 1 or 2 columns (value after the span)
    comparator_style: str = "symbol"
    measure_numbers: str = "text"
    grade_style: str = "checkbox"
    subtotal_rows: str = "none"
    date_format: str = 'yyyy"年"m"月"d"日"'
    # narrative
    narrative_style: str = "rows"
    narrative_sheet: str = "评价报告"

    def __post_init__(self) -> None:
        for name, allowed in CHOICES.items():
            if getattr(self, name) not in allowed:
                raise ValueError(f"LayoutOptions.{name}={getattr(self, name)!r} not in {allowed}")
        if self.score_units and self.formulas:
            raise ValueError("score_units writes text: it cannot be combined with formulas")
        if self.header_label_span not in (1, 2):
            raise ValueError("header_label_span must be 1 or 2")
        if (self.formulas or self.sum_formulas) and (self.number_style != "number" or self.money_unit == "元_cell"):
            # A formula over text cells is an #VALUE! error in Excel: no real file has it.
            raise ValueError("formulas need numeric cells (number_style='number', money not 元_cell)")

    def describe(self) -> str:
        """The options that differ from the defaults, for failure messages."""
        default = LayoutOptions()
        diffs = [f"{f.name}={getattr(self, f.name)!r}" for f in fields(self)
                 if getattr(self, f.name) != getattr(default, f.name)]
        return "LayoutOptions(" + ", ".join(diffs) + ")"

    def items(self) -> list[tuple[str, object]]:
        return list(asdict(self).items())


def layout_from_dict(data: dict) -> LayoutOptions:
    allowed = {f.name for f in fields(LayoutOptions)}
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"layout: unknown keys {sorted(unknown)}")
    return LayoutOptions(**data)


def brackets(text: str, layout: LayoutOptions) -> str:
    if layout.bracket_style == "half":
        return text.replace("（", "(").replace("）", ")")
    return text.replace("(", "（").replace(")", "）")


def label(text: str, layout: LayoutOptions, colon: bool = False) -> str:
    """A fixed label as this layout spells it (brackets, colon, inner spacing)."""
    text = brackets(text, layout)
    if layout.label_spacing == "padded":
        text = f" {text} "
    elif layout.label_spacing == "spaces" and len(text) <= 4:
        text = " ".join(text)  # 项 目 名 称
    elif layout.label_spacing == "spaces":
        text = text[:2] + " " + text[2:]
    elif layout.label_spacing == "linebreaks" and len(text) >= 4:
        cut = text.find("（") if "（" in text else text.find("(")
        cut = cut if cut > 0 else len(text) // 2
        text = text[:cut] + "\n" + text[cut:]
    if colon:
        text += {"full": "：", "half": ":", "none": ""}[layout.colon_style]
    return text


def lettered(text: str, letter: str, layout: LayoutOptions) -> str:
    """全年预算数（A） / 全年预算数(A) / 全年预算数A / 全年预算数."""
    suffix = {"full": f"（{letter}）", "half": f"({letter})", "bare": letter, "none": ""}[layout.letter_style]
    return label(text, layout) + suffix


def fiscal_label(layout: LayoutOptions) -> str:
    colon = {"full": "：", "half": ":", "none": ""}[layout.colon_style]
    return "其中" + colon + label("当年财政拨款", layout)
