"""Read, check and score workbooks. Returns data; never prints or exits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from perfeval_xl.findings import BatchResult, FileResult, Finding, Severity
from perfeval_xl.model import Project
from perfeval_xl.narrative.grade import with_stated_grade
from perfeval_xl.read.workbook import read_workbook
from perfeval_xl.read.xlsx import DEFAULT_LIMITS, Limits
from perfeval_xl.rules import DEFAULT_SETTINGS, RuleSettings, run_rules
from perfeval_xl.scheme import DEPARTMENT
from perfeval_xl.scoring import resolve_scheme, score_project

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
# Word reports are imported into a workbook on the fly by ``write.batch.run``
# (the importer sits above this layer). Plain .txt is picked up from a folder
# only when its name says it is a report (…报告.txt): an inbox holds all kinds
# of notes; ``perfeval import`` and ``perfeval check`` take any text file.
REPORT_SUFFIXES = {".docx"}
TEXT_REPORT_SUFFIX = ".txt"
TEXT_REPORT_NAMES = ("报告", "report")


def is_report(path: Path) -> bool:
    """A report file a run imports: Word, or text whose name says it is a report."""
    suffix = path.suffix.lower()
    if suffix in REPORT_SUFFIXES:
        return True
    return suffix == TEXT_REPORT_SUFFIX and any(w in path.stem.lower() for w in TEXT_REPORT_NAMES)
REFUSED_SUFFIXES = {".xls": "旧版 .xls 格式无法读取：请用 Excel 或 WPS 打开后“另存为” .xlsx 再提交。"}


@dataclass(frozen=True)
class Settings:
    scheme: str | None = None  # --scheme: used when the form does not say its 评价方式
    rules: RuleSettings = field(default_factory=lambda: DEFAULT_SETTINGS)
    limits: Limits = DEFAULT_LIMITS  # what one workbook may cost to read ([limits] in perfeval.toml)


def discover(input_dir: Path, exclude: Path | None = None) -> list[Path]:
    """Every workbook under ``input_dir`` (subfolders too), in a stable order.

    Skipped silently: Excel (``~$``) and LibreOffice (``.~lock``) lock files,
    hidden files and folders, anything that is not a file, and ``exclude``
    (the output folder). Symlinked folders are not followed, so loops cannot
    trap the walk.
    """
    found: list[Path] = []
    exclude = exclude.resolve() if exclude else None
    for root, dirs, files in os.walk(input_dir, followlinks=False):
        root_path = Path(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (exclude is None or (root_path / d).resolve() != exclude)
        )
        for name in sorted(files):
            if name.startswith((".", "~$")):
                continue
            path = root_path / name
            suffix = path.suffix.lower()
            if (suffix in WORKBOOK_SUFFIXES or is_report(path) or suffix in REFUSED_SUFFIXES) and path.is_file():
                found.append(path)
    return found


def evaluate_file(path: Path, display: str, settings: Settings = Settings()) -> FileResult:
    """Everything the tool knows about one file."""
    refused = REFUSED_SUFFIXES.get(path.suffix.lower())
    if refused:
        return FileResult(display, failure=refused)
    if is_report(path):
        return FileResult(display, failure="这是评价报告，不是工作簿：请用 perfeval import 导入，或用 perfeval check / perfeval run 核查。")
    read = read_workbook(path, display, limits=settings.limits)
    result = FileResult(display, project=read.project, findings=list(read.findings), failure=read.failure)
    if read.project is None:
        return result
    try:
        _check(result, read.project, settings)
    except Exception as exc:  # noqa: BLE001 - one file's internal error must not stop the batch
        result.failure = f"核查时发生内部错误（{type(exc).__name__}: {exc}），请将此文件反馈给维护人员。"
    return result


def check_narrative_only(project: Project, display: str, settings: Settings = Settings()) -> FileResult:
    """A report that came without its 评价表 (``project.narrative_only``): the
    narrative's own checks only; nothing to score, so no 核定总分 and no rank."""
    result = FileResult(display, project=project)
    try:
        result.findings.extend(run_rules(project, DEPARTMENT, file=display, settings=settings.rules))
    except Exception as exc:  # noqa: BLE001 - one file's internal error must not stop the batch
        result.failure = f"核查时发生内部错误（{type(exc).__name__}: {exc}），请将此文件反馈给维护人员。"
    result.findings.sort(key=_finding_order)
    return result


def _check(result: FileResult, project: Project, settings: Settings) -> None:
    # a blank 评价等次 the report states firmly: the report's grade is the reported one (XC622 says so)
    project = result.project = with_stated_grade(project)
    scheme, source, note = resolve_scheme(project, settings.scheme)
    result.scoring = score_project(project, scheme, source=source, note=note)
    result.findings.extend(
        run_rules(project, scheme, file=result.file, scoring=result.scoring, settings=settings.rules)
    )
    result.findings.sort(key=_finding_order)


def _finding_order(f: Finding) -> tuple:
    return (Severity(f.severity).rank, f.sheet or "", _cell_key(f.cell), f.rule)


def _cell_key(cell: str | None) -> tuple[int, str]:
    if not cell:
        return (0, "")
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = "".join(ch for ch in cell if ch.isdigit())
    return (int(digits or 0), letters.rjust(3))


def evaluate(
    input_dir: Path,
    settings: Settings = Settings(),
    *,
    exclude: Path | None = None,
    on_file: Callable[[FileResult], None] | None = None,
) -> BatchResult:
    """Evaluate every workbook under ``input_dir``."""
    batch = BatchResult()
    for path in discover(input_dir, exclude):
        display = path.relative_to(input_dir).as_posix()
        result = evaluate_file(path, display, settings)
        batch.files.append(result)
        if on_file:
            on_file(result)
    return batch
