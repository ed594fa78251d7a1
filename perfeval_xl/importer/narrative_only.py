"""A report published without its 评价表 (many published reports have none).

Such a report is still imported: its narrative goes to the ``评价报告`` sheet
of the standardized workbook (the form is left blank for the clerk to fill),
and :func:`narrative_project` gives the model project the narrative checks
run on — ``Project.narrative_only`` set, every form field blank, no
indicators, no funds. Nothing is scored and the project is not ranked; the
summary marks it 仅核对报告正文.

A text that is not an evaluation report at all (a notice, a letter) is
still refused: it has no title naming a 绩效…报告 and no figures to check.
"""

from __future__ import annotations

import re

from perfeval_xl.importer.fields import method_in, year_in
from perfeval_xl.importer.split import Parts
from perfeval_xl.model import CellRef, Grade, Paragraph, Project, Sourced
from perfeval_xl.outputs.template.layout import LayoutOptions
from perfeval_xl.outputs.template.spec import FUNDS_ROW_KEYS, FundsRowSpec, ProjectSpec

NOTE = ("报告未附绩效评价表：只核对报告正文中的数字（前后是否一致、比率与金额、单价×数量、分项与合计、"
        "支出与到位、结余），不评分、不参加核定总分排名。")
# A report's title; a self-evaluation table or a summary published as text counts too when its title ends so
# (``…绩效自评表（2024年度）``, ``…绩效目标完成情况``, ``…绩效评价情况``, ``…绩效评价结果的说明``, ``…绩效评价结果公开``):
# its rows arrive as ``a | b`` paragraphs.
_REPORT_TITLE = re.compile(r"(?:绩效|评价|自评).{0,30}报告|报告.{0,4}(?:绩效|评价)"
                           r"|(?:绩效|评价|自评).{0,30}(?:自评表|评价表|情况|结果|说明|的说明|公示|公开)\s*(?:[（(][^）)]{0,12}[）)])?\s*$")
_FIGURE = re.compile(r"\d\s*(?:亿元|万元|元|%|％|分)")
_REPORT_WORDS = re.compile(r"(?:项目支出|支出|整体支出)?(?:绩效)?(?:单位|部门|财政)?(?:自评|自我评价|评价|重点评价)?报告$")
TITLE_LINES = 5  # the title is among the first lines (a cover may carry a 文号 or a date first)


def looks_like_report(parts: Parts) -> bool:
    """An evaluation report: a title naming a 绩效/评价…报告 (or …绩效自评表) near the top, and
    at least one figure to check."""
    head = [t for t in parts.narrative[:TITLE_LINES] if len(t) <= 80]
    return any(_REPORT_TITLE.search(t) for t in head) and any(_FIGURE.search(t) for t in parts.narrative)


def report_title(parts: Parts) -> str:
    return next((t for t in parts.narrative[:TITLE_LINES] if len(t) <= 80 and _REPORT_TITLE.search(t)), "")


def narrative_spec(parts: Parts, notes: list[str]) -> ProjectSpec:
    """The workbook's contents for a report without a form: the narrative, and
    what the title says (name, year, 评价方式); the form left blank."""
    title = report_title(parts)
    body = "\n".join(parts.narrative)
    notes.append(NOTE)
    return ProjectSpec(
        title=title,
        name=project_name(title),
        department="",
        implementer="",
        year=year_in(title) or year_in(body),
        method=method_in(title) or method_in(body) or "",
        funds={key: FundsRowSpec() for key in FUNDS_ROW_KEYS},
        goal_expected="",
        goal_actual="",
        indicators=[],
        total_weight=None,
        total_score=None,
        grade="",
        narrative=list(parts.narrative),
    )


def project_name(title: str) -> str:
    """``工信局2023年…资金项目部门评价报告`` -> ``工信局2023年…资金项目``."""
    return _REPORT_WORDS.sub("", title.strip()).strip() or title.strip()


def narrative_project(spec: ProjectSpec, layout: LayoutOptions, file: str) -> Project:
    """The model of a report without its form, its paragraphs pointing at the
    cells ``outputs.template.form_writer.write_project`` puts them in (one row each, from A1)."""
    sheet = layout.narrative_sheet
    rows = [p.strip() for p in spec.narrative if p.strip()]
    narrative = tuple(
        Paragraph(line.strip(), CellRef(sheet, f"A{i + 1}"))
        for i, text in enumerate(rows) for line in text.splitlines() if line.strip()
    )
    first = CellRef(sheet, "A1")
    return Project(
        file=file,
        form_sheet="",
        title=Sourced(spec.title or None, spec.title, first if spec.title else None),
        name=Sourced(spec.name or None, spec.name, first if spec.name else None),
        department=Sourced.absent(),
        implementer=Sourced.absent(),
        year=Sourced(spec.year, str(spec.year or "")),
        method=Sourced(spec.method or None, spec.method),
        funds=None,
        goal_expected=Sourced.absent(),
        goal_actual=Sourced.absent(),
        indicators=(),
        total_weight=Sourced.absent(),
        total_score=Sourced.absent(),
        grade=Grade(Sourced.absent()),
        narrative=narrative,
        narrative_sheet=sheet,
        narrative_only=True,
    )
