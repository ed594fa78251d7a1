"""``read_workbook``: one file in, a ``ReadResult`` out. Never raises on data."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

from perfeval_xl.findings import Finding, Severity
from perfeval_xl.model import Grade, Paragraph, Project, Sourced, Subtotal
from perfeval_xl.read import ReadResult, problems
from perfeval_xl.read import form as F
from perfeval_xl.read import table as T
from perfeval_xl.read import vocabulary as L
from perfeval_xl.read.grid import LoadedSheets, Sheets, load_grids
from perfeval_xl.read.sheet import SheetView
from perfeval_xl.read.sniff import failure_reason
from perfeval_xl.read.values import cell_text, normalize_label, year_from_title
from perfeval_xl.read.xlsx import (
    DEFAULT_LIMITS,
    FastSheets,
    Limits,
    SheetUnreadable,
    WorkbookRefused,
    check_package,
    too_many_rows,
)

_NOISE = re.compile(r"\[bookmark:[^\]]*\]")
_SERIAL = re.compile(r"[\d一二三四五六七八九十]{1,3}[.、]?")  # a 序号 column beside the paragraphs


def read_workbook(path: str | Path, display_name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read one evaluation workbook into the model.

    A file that cannot be an evaluation form comes back with ``failure`` set
    to a Chinese reason a clerk can act on; a bad cell comes back as a
    ``READxxx`` finding on that cell.
    """
    path = Path(path)
    name = display_name or path.name
    try:
        with FastSheets(path, limits) as sheets:
            return _read_safely(sheets, name)
    except WorkbookRefused as refused:
        return ReadResult(None, [], refused.reason)
    except (zipfile.BadZipFile, OSError) as exc:
        return ReadResult(None, [], load_failure_reason(path, exc))
    except Exception:  # noqa: BLE001 - the fast reader gave up on a part: openpyxl knows more of the format's corners
        pass
    try:
        sheets = _load_with_openpyxl(path, limits)
    except WorkbookRefused as refused:
        return ReadResult(None, [], refused.reason)
    except Exception as exc:  # noqa: BLE001 - any load error is a reported failure, never a crash
        return ReadResult(None, [], load_failure_reason(path, exc))
    return _read_safely(sheets, name)


def _read_safely(sheets: Sheets, name: str) -> ReadResult:
    """``_read_sheets``; a bug in the reader becomes this file's failure. What
    the sheet loader raises (a refusal, an unreadable sheet) goes to the caller."""
    try:
        return _read_sheets(sheets, name)
    except (WorkbookRefused, SheetUnreadable, zipfile.BadZipFile, OSError):
        raise
    except Exception as exc:  # noqa: BLE001 - a reader bug must not sink the batch
        return ReadResult(None, [], f"读取时发生内部错误（{type(exc).__name__}: {exc}），请将此文件反馈给维护人员。")


def _load_with_openpyxl(path: Path, limits: Limits) -> LoadedSheets:
    """The slower, more lenient reader, for files the fast one cannot make sense of."""
    check_package(path, limits)  # openpyxl may inflate any part: hold them all to the limits first
    grids = load_grids(path)
    for grid in grids:
        if grid.max_row > limits.max_rows:
            raise WorkbookRefused(too_many_rows(grid.name, limits)) from None
    return LoadedSheets(grids)


def load_failure_reason(path: Path, exc: Exception) -> str:
    """Why ``path`` could not be loaded, told from its content (see :mod:`perfeval_xl.read.sniff`)."""
    return failure_reason(path, exc)


def _is_named(sheet_name: str, patterns: list[str]) -> bool:
    return L.matches(normalize_label(sheet_name), patterns)


def _read_sheets(sheets: Sheets, file: str) -> ReadResult:
    findings: list[Finding] = []
    usable = [n for n in sheets.names if not _is_named(n, L.IGNORED_SHEET_NAMES)]
    candidates = sorted(usable, key=lambda n: not _is_named(n, L.FORM_SHEET_NAMES))
    view = header = None
    for sheet_name in candidates:
        v = SheetView(sheets.get(sheet_name), sheets, file, findings)
        h = F.find_indicator_header(v)
        if h is not None:
            view, header = v, h
            break
    if view is None or header is None:
        names = "、".join(sheets.names) or "（无）"
        return ReadResult(
            None,
            [],
            f"不是绩效评价表：工作表（{names}）中都没有找到指标表头（“三级指标”“分值”“得分”等列）。",
        )
    sheet = view.grid.name
    above = range(1, header.row)
    name = F.label_value(view, L.HEADER_FIELDS["name"], above)
    if name is None:
        return ReadResult(None, findings, f"缺少项目名称：工作表“{sheet}”中没有“项目名称”一栏。")
    if not name.present:
        where = f"{sheet}!{name.ref.cell}" if name.ref else sheet
        return ReadResult(None, findings, f"缺少项目名称：“项目名称”一栏为空（{where}）。")

    def field(key: str) -> Sourced[str]:
        return F.label_value(view, L.HEADER_FIELDS[key], above) or Sourced.absent()

    department = field("department")
    if not department.present:
        findings.append(
            problems.DEPARTMENT_MISSING.finding(
                file, department.ref, "未填写主管部门：汇总时无法按部门归类。", sheet=sheet
            )
        )
    title = _title(view, above)
    year = F.read_year(view, above)
    if year.value is None and title.present:
        from_title = year_from_title(title.value)
        if from_title is not None:
            year = Sourced(from_title, title.raw, title.ref)
    if year.value is None:
        year = _year_line(view, above) or year
    if year.value is None:
        findings.append(problems.YEAR_MISSING.finding(file, year.ref, "未能确定评价年度（表中与标题中均未写明）。", sheet=sheet))

    funds_header = F.find_funds_header(view, header.row)
    funds = None
    funds_end = header.row
    if funds_header is not None:
        funds, rows = F.read_funds(view, funds_header, header.row)
        if funds is None:
            findings.append(
                problems.FUNDS_TOTAL_MISSING.finding(
                    file,
                    view.grid.ref(funds_header.row, min(funds_header.columns.values())),
                    "项目资金表中没有“年度资金总额”行，资金相关核对无法进行。",
                )
            )
        funds_end = max(rows.values(), default=funds_header.row) + 1
    goal_rows = range(funds_end if funds_header else 1, header.row)
    goal_expected, goal_actual = F.read_goals(view, goal_rows)

    indicators, total_row, last, subtotals = T.read_indicators(view, header, year.value)
    if not indicators:
        return ReadResult(None, findings, f"指标表为空：工作表“{sheet}”第 {header.row} 行的指标表头下没有任何三级指标。")
    if funds_header is None:
        findings.append(_funds_block_missing(file, sheet, indicators))
    total_weight, total_score = T.read_total(view, header, total_row)
    stated = F.header_total(view, above)
    if stated is not None:
        # 总分：99.65分 above the table (湖北式 自评表): that is the project's 总分; the row closing
        # the table then adds up the indicators only, a 小计 over all of them
        if total_row is not None and (total_weight.present or total_score.present):
            label = F.label_at_row(view, total_row, header)
            subtotals.append(Subtotal(label, total_weight, total_score, 0, len(indicators)))
        total_weight, total_score = Sourced.absent(), stated
    elif total_row is None:
        findings.append(
            problems.TOTAL_ROW_MISSING.finding(file, None, "指标表末尾没有“总分”行，无法核对总分。", sheet=sheet)
        )
    grade = F.read_grade(view, range(header.row + 1, view.grid.max_row + 1))
    if grade is None:
        findings.append(problems.GRADE_ROW_MISSING.finding(file, None, "表中没有“评价等次”一栏（自评表常见），等次按核定总分确定。", sheet=sheet))
        grade = Grade(Sourced.absent())

    narrative, narrative_sheet = _narrative(sheets, file, findings)
    project = Project(
        file=file,
        form_sheet=sheet,
        title=title,
        name=name,
        department=department,
        implementer=field("implementer"),
        year=year,
        method=_method(field("method")),
        funds=funds,
        goal_expected=goal_expected,
        goal_actual=goal_actual,
        indicators=tuple(indicators),
        total_weight=total_weight,
        total_score=total_score,
        grade=grade,
        narrative=tuple(narrative),
        narrative_sheet=narrative_sheet,
        subtotals=tuple(subtotals),
    )
    return ReadResult(project, findings)


def _funds_block_missing(file: str, sheet: str, indicators) -> Finding:
    """No 项目资金 block: a warning, unless the 预算执行率 is scored as a 三级 indicator
    instead (部门评价 score sheets often carry no funds block), then only a note."""
    if any("执行率" in (ind.name.value or "") for ind in indicators):
        return replace(
            problems.FUNDS_BLOCK_MISSING.finding(
                file, None, "表中没有项目资金表，预算执行率作为三级指标评价；资金表相关核对未进行。", sheet=sheet
            ),
            severity=Severity.INFO,
        )
    return problems.FUNDS_BLOCK_MISSING.finding(
        file, None, "未找到项目资金表（年初预算数、全年预算数、全年执行数），资金相关核对无法进行。", sheet=sheet
    )


def _method(raw: Sourced[str]) -> Sourced[str]:
    if not raw.present:
        return raw
    text = normalize_label(raw.value)
    for known in ("单位自评", "部门评价", "财政评价"):
        if known in text or (known == "单位自评" and text in ("自评", "绩效自评")):
            return Sourced(known, raw.raw, raw.ref, raw.formula)
    return raw


_YEAR_LINE = re.compile(r"^\(?((?:19|20)\d{2})年度?\)?$")


def _year_line(view: SheetView, rows: range) -> Sourced[int] | None:
    """A line of its own under the title saying the year: ``（2022年度）`` (the central 自评表)."""
    for r, c, text in view.text_cells():
        if r in rows and (m := _YEAR_LINE.match(text)):
            return Sourced(int(m.group(1)), view.text(r, c), view.grid.ref(r, c))
    return None


def _title(view: SheetView, rows: range) -> Sourced[str]:
    """The form's title: a cell above the header fields mentioning 评价表/自评表."""
    for r, c, text in view.text_cells():
        if r not in rows:
            continue
        if ("评价表" in text or "自评表" in text or "评价报告" in text) and len(text) > 5:
            return view.sourced_text(r, c)
    return Sourced.absent()


def _narrative(sheets: Sheets, file: str, findings: list[Finding]):
    for sheet_name in sheets.names:
        if not _is_named(sheet_name, L.NARRATIVE_SHEET_NAMES):
            continue
        grid = sheets.get(sheet_name)
        view = SheetView(grid, sheets, file, findings)
        paragraphs: list[Paragraph] = []
        # only the cells that exist: one stray cell in column XFD must not make every row cost 16,384 look-ups
        columns: dict[int, list[int]] = {}
        for r, c in sorted(grid.cells):
            columns.setdefault(r, []).append(c)
        for r, row_columns in columns.items():
            for c in row_columns:
                text = cell_text(view.safe_value(r, c))
                if not text or _SERIAL.fullmatch(text):
                    continue
                ref = grid.ref(r, c)
                for line in _NOISE.sub("", text).splitlines():
                    line = line.strip()
                    if line:
                        paragraphs.append(Paragraph(line, ref))
                break  # one paragraph cell per row: the first non-empty one
        return paragraphs, grid.name
    return [], None
