"""The completed workbook: the clerk's own file, annotated.

It is a copy of the input that keeps everything the clerk wrote and looks
the same (the xlsx parts are patched, never re-generated; see
:mod:`perfeval_xl.ooxml.editable`), plus:

- every flagged cell filled by its worst finding (red: error, amber:
  warning; info only gets a note) with a note holding the message(s), and
  the expected and actual values;
- blank 执行率 / 得分 / 总分 / 等次 cells filled with the computed value in
  blue italics, with the note “由程序计算…” — except blanks the clerk's own
  formulas read (a 总分 =SUM(…) would silently change), which only get the note;
- a ``核查结果`` sheet (every finding, each linked to its cell), a
  ``核定评分`` sheet (self score against 核定 score, difference and reason;
  not for a report without its form, which is not scored) and, when there is
  a report, a ``报告中的数字`` sheet (every figure of the report with its
  subject, role and what it was checked against, filterable).

An ``.xlsm`` input gives a macro-free ``.xlsx``: the VBA project is dropped,
so the copy can be opened without a macro warning and cannot run code.
The input file is only ever read, every part of it within the reader's
``[limits]`` (a part beyond them raises ``WorkbookRefused``; nothing is written).
"""

from __future__ import annotations

from pathlib import Path

from perfeval_xl.findings import FileResult, Severity
from perfeval_xl.ooxml.editable import XlsxPackage
from perfeval_xl.ooxml.package import DEFAULT_LIMITS, Limits
from perfeval_xl.outputs.completed._comments import add_comments
from perfeval_xl.outputs.completed._review_sheets import (
    FILL,
    Styles,
    findings_sheet,
    scoring_sheet,
)
from perfeval_xl.outputs.completed._sheet import CellAnchors, SheetPatch, split_ref
from perfeval_xl.outputs.completed._styles import FontChange, Look, StyleBook
from perfeval_xl.outputs.completed.marks import Mark, collect_marks, is_cell
from perfeval_xl.outputs.figures import SHEET_NAME as FIGURES_SHEET
from perfeval_xl.outputs.figures import figures_sheet
from perfeval_xl.outputs.newsheet import location

FINDINGS_SHEET = "核查结果"
SCORING_SHEET = "核定评分"
COMPUTED_FONT = FontChange(color="FF0070C0", italic=True)
PERCENT_FORMAT = 10  # built-in 0.00%
KEPT_BLANK = "（此单元格被表内公式引用，为不改变原表公式的计算结果，未填入）"
_FILLED = {Severity.ERROR: FILL[Severity.ERROR], Severity.WARNING: FILL[Severity.WARNING]}  # info: note only


def completed_name(input_relpath: str) -> str:
    """Where the completed copy of an input goes, relative to the output
    folder: same subfolder, ``<name>_核查.xlsx``. An .xlsm becomes a macro-free
    ``<name>_xlsm_核查.xlsx``, so ``x.xlsx`` and ``x.xlsm`` side by side never
    overwrite each other's copy."""
    path = Path(input_relpath)
    marker = "" if path.suffix.lower() == ".xlsx" else f"_{path.suffix.lower().lstrip('.')}"
    return (path.parent / f"{path.stem}{marker}_核查.xlsx").as_posix()


def write_completed(input_path: Path | str, output_path: Path | str, file_result: FileResult, limits: Limits = DEFAULT_LIMITS) -> None:
    """Write the annotated copy of ``input_path`` to ``output_path`` (atomically).
    Raises ``WorkbookRefused`` when a part the copy needs is beyond ``limits``."""
    package = XlsxPackage(Path(input_path), limits)
    package.drop_macros()
    sheet_parts = package.sheets()
    styles = StyleBook(package)
    anchors: dict[str, CellAnchors] = {}

    def link_to(sheet: str, cell: str) -> str | None:
        """A link target inside the copy, or None when the sheet is not in it."""
        if sheet not in sheet_parts or not is_cell(cell):
            return None
        if sheet not in anchors:
            anchors[sheet] = CellAnchors(package.read(sheet_parts[sheet]))
        return location(sheet, anchors[sheet].anchor(cell))

    marks = collect_marks(file_result, set(sheet_parts))
    for block, (sheet_name, cells) in enumerate(marks.items(), start=1):
        patch = SheetPatch(package, sheet_parts[sheet_name])
        anchors[sheet_name] = patch.anchors
        notes = _annotate(patch, styles, _merge_on_anchors(patch, cells), patch.formula_inputs(sheet_name))
        add_comments(package, patch, notes, block=100 + block)
        patch.save()

    review = Styles.make(styles)
    taken = set(sheet_parts)
    package.add_sheet(_free_name(FINDINGS_SHEET, taken), findings_sheet(file_result, review, link_to).to_xml(), print_title_rows="$2:$2")
    project = file_result.project
    if project is None or not project.narrative_only:  # a report without its form has nothing scored
        package.add_sheet(_free_name(SCORING_SHEET, taken), scoring_sheet(project, file_result.scoring, review, link_to).to_xml(), print_title_rows="$2:$2")
    if project is not None and project.narrative:
        # a paragraph's cell holds its text, so it is its own anchor: no need to parse the sheet for merges
        def paragraph_link(sheet: str, cell: str) -> str | None:
            return location(sheet, cell) if sheet in sheet_parts and is_cell(cell) else None

        package.add_sheet(_free_name(FIGURES_SHEET, taken), figures_sheet(file_result, review, paragraph_link).to_xml(), print_title_rows="$2:$2")
    styles.save()
    package.save(Path(output_path))


def _merge_on_anchors(patch: SheetPatch, cells: dict[str, Mark]) -> dict[str, Mark]:
    """Findings on different cells of one merged range land on its top-left cell."""
    merged: dict[str, Mark] = {}
    for ref, mark in cells.items():
        anchor = patch.anchor(ref)
        if anchor not in merged:
            merged[anchor] = mark
            continue
        target = merged[anchor]
        target.notes.extend(mark.notes)
        if mark.severity and (target.severity is None or mark.severity.rank < target.severity.rank):
            target.severity = mark.severity
        target.computed = target.computed or mark.computed
    return merged


def _annotate(patch: SheetPatch, styles: StyleBook, marks: dict[str, Mark], formula_inputs) -> dict[str, str]:
    """Fill, restyle and (for computed values) write each marked cell; returns the notes."""
    notes: dict[str, str] = {}
    for ref, mark in marks.items():
        c = patch.cell(ref)
        base = patch.style_of(c)
        if mark.computed and _inside(ref, formula_inputs):
            # a value here would change what the clerk's formulas show; say it, do not write it
            mark.notes.insert(0, mark.computed.note + KEPT_BLANK)
            mark.computed = None
        computed = mark.computed if mark.computed and c.find("{*}f") is None else None
        percent = computed is not None and computed.percent and styles.num_fmt_of(base) == 0
        look = Look(
            fill=_FILLED.get(mark.severity) if mark.severity else None,
            font=COMPUTED_FONT if computed else None,
            num_fmt=PERCENT_FORMAT if percent else None,
        )
        if look != Look():
            c.set("s", str(styles.derive(base, look)))
        if computed is not None:
            if isinstance(computed.value, str):
                patch.set_text(c, computed.value)
            else:
                patch.set_number(c, computed.value)
        elif mark.computed:  # the cell holds a formula after all: keep it, say so
            mark.computed = None
        if mark.text:
            notes[ref] = mark.text
    return notes


def _inside(ref: str, areas) -> bool:
    col, row = split_ref(ref)
    return any(c1 <= col <= c2 and r1 <= row <= r2 for c1, r1, c2, r2 in areas)


def _free_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name(2)``… when the clerk already has a sheet so named."""
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{name}({n})"
        n += 1
    taken.add(candidate)
    return candidate
