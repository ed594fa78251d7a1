"""Import one report file: ``import_report`` parses, ``write_imported`` writes.

Outputs are written atomically (a temporary file in the target folder, then
``os.replace``) and the input report is only ever read.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from perfeval_xl.importer.form import build_spec
from perfeval_xl.importer.narrative_only import looks_like_report, narrative_spec
from perfeval_xl.importer.source import Block
from perfeval_xl.importer.split import split_report
from perfeval_xl.ooxml.package import DEFAULT_LIMITS, Limits, Package, WorkbookRefused
from perfeval_xl.outputs.template import meaning
from perfeval_xl.outputs.template.form_writer import write_project
from perfeval_xl.outputs.template.layout import LayoutOptions
from perfeval_xl.outputs.template.spec import ProjectSpec

# .docx is read as Word; .txt as the flattened text the seed is. (.doc, the old
# binary Word format, cannot be read: it is refused with a way out.)
IMPORT_SUFFIXES = {".docx", ".txt"}
_REFUSED = {".doc": "旧版 .doc 格式无法读取：请用 Word 或 WPS 打开后“另存为” .docx 再导入。"}


@dataclass
class ImportResult:
    source: Path
    spec: ProjectSpec | None = None
    layout: LayoutOptions = field(default_factory=LayoutOptions)
    notes: list[str] = field(default_factory=list)  # what could not be placed, in Chinese
    failure: str | None = None  # set when no workbook can be made
    narrative_only: bool = False  # the report has no form: only its narrative is imported (and checked)

    @property
    def ok(self) -> bool:
        return self.spec is not None and self.failure is None


def import_report(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Parse a ``.docx`` or ``.txt`` report. Never raises on the file's content;
    a .docx whose parts are beyond ``limits`` is refused before python-docx opens it."""
    path = Path(path)
    result = ImportResult(path)
    suffix = path.suffix.lower()
    if suffix in _REFUSED:
        result.failure = _REFUSED[suffix]
        return result
    if suffix not in IMPORT_SUFFIXES:
        result.failure = f"无法导入 {path.name}：只支持 Word（.docx）和纯文本（.txt）格式的评价报告。"
        return result
    try:
        if suffix == ".docx":
            Package(path, limits).check_all()  # python-docx inflates every part: hold them all to the limits first
        blocks = _read_blocks(path, suffix)
    except WorkbookRefused as refused:
        result.failure = refused.reason
        return result
    except Exception as error:  # noqa: BLE001 - python-docx raises its own types for broken or encrypted files
        hint = "请用 Word 或 WPS 打开后另存为 .docx 再导入。" if suffix == ".docx" else "请检查文件能否打开。"
        result.failure = (f"无法打开 {path.name}：文件已损坏、已加密，或不是真正的 {suffix} 文件"
                          f"（{type(error).__name__}）。{hint}")
        return result
    parts = split_report(blocks)
    if not parts.form_rows:
        if looks_like_report(parts):  # published without its form: the narrative alone is checked
            result.spec, result.narrative_only = narrative_spec(parts, result.notes), True
            if parts.other_tables:
                result.notes.append(f"报告正文中有 {parts.other_tables} 个表格不是绩效评价表，未导入。")
            return result
        result.failure = (f"{path.name} 中没有找到绩效评价表（应为含“项目名称”“年度资金总额”"
                          "“一级指标”“三级指标”等栏目的表格），也不像绩效评价报告（开头没有“……绩效……报告”"
                          "标题或正文没有金额、比率），未生成工作簿。")
        return result
    if parts.other_tables:
        result.notes.append(f"报告正文中有 {parts.other_tables} 个表格不是绩效评价表，未导入。")
    spec, unit = build_spec(parts, result.notes)
    result.spec = spec
    rate = spec.funds["total"].rate
    result.layout = LayoutOptions(
        money_unit="元_block" if unit == "元" else "万元",
        # keep an 执行率 typed as "69.71%" as that text, as the seed's form has it
        rate_style="text" if isinstance(rate, str) and rate.strip().endswith("%") else "percent_format",
        kind_column=any(ind.kind for ind in spec.indicators),
    )
    return result


def _read_blocks(path: Path, suffix: str) -> list[Block]:
    if suffix == ".docx":
        from perfeval_xl.importer.docx_source import (
            read_docx,  # python-docx only when needed
        )

        return read_docx(path)
    from perfeval_xl.importer.txt_source import read_txt

    return read_txt(path)


def write_imported(result: ImportResult, target: Path | str) -> Path:
    """Write the standardized workbook for a successful import, atomically."""
    if result.spec is None:
        raise ValueError("nothing to write: the import failed")
    target = Path(target)
    if target.resolve() == result.source.resolve():
        raise ValueError("the workbook would overwrite the report it was imported from")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~" + target.stem[:20], suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        write_project(result.spec, result.layout, tmp, meaning)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def imported_name(report: Path | str) -> str:
    """The workbook's file name for a report: ``<stem>_导入.xlsx``, never the
    name of a workbook the clerk may already have beside the report."""
    return f"{Path(report).stem}_导入.xlsx"
