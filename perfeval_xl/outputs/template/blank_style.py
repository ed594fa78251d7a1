"""Cell formats of the template: one place for fonts, borders, fills and locking.

Locked grey cells are labels or formulas; unlocked white cells are where the
clerk types. Text inputs are formatted as text (``@``) so that ``100%`` or
``≥20家`` stay exactly as typed instead of being turned into numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

FONT = "宋体"
FONT_SIZE = 11
LABEL_FILL = "#F2F2F2"


@dataclass(frozen=True)
class Formats:
    title: Format
    label: Format  # centred grey label
    label_left: Format  # grey label holding a long 三级 name
    text_input: Format  # short text input, centred
    block_input: Format  # long text input (goals, 偏差原因), top-left
    number_input: Format
    formula: Format  # grey computed number
    percent_formula: Format
    grade_input: Format  # the 评价等次 cell: formula that the clerk may override
    filler: Format  # grey empty cell inside the table
    note: Format
    paragraph: Format  # 评价报告 rows
    guide_title: Format
    guide_heading: Format
    guide_line: Format


def build_formats(workbook: Workbook) -> Formats:
    """Create the template's formats on ``workbook``."""

    def make(**props) -> Format:
        base = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "vcenter", "text_wrap": True}
        return workbook.add_format({**base, **props})

    cell = {"border": 1}
    locked = {"locked": True, "bg_color": LABEL_FILL}
    unlocked = {"locked": False}
    return Formats(
        title=make(bold=True, font_size=16, align="center", **unlocked),
        label=make(align="center", **cell, **locked),
        label_left=make(align="left", indent=1, **cell, **locked),
        text_input=make(align="center", num_format="@", **cell, **unlocked),
        block_input=make(align="left", valign="top", num_format="@", **cell, **unlocked),
        number_input=make(align="center", **cell, **unlocked),
        formula=make(align="center", **cell, **locked),
        percent_formula=make(align="center", num_format="0.00%", **cell, **locked),
        grade_input=make(align="center", bold=True, **cell, **unlocked),
        filler=make(**cell, **locked),
        note=make(align="left", font_size=10, locked=True),
        paragraph=make(align="left", valign="top", num_format="@", **unlocked),
        guide_title=make(bold=True, font_size=14, align="center"),
        guide_heading=make(bold=True),
        guide_line=make(align="left"),
    )
