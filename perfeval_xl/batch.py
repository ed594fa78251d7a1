"""A whole run: evaluate every workbook under a folder and write what people
open — the completed copies (as each file is done), ``results.json``, the
summary workbook and the 核查意见 letters. Returns data; the CLI prints."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator

from perfeval_xl import __version__
from perfeval_xl.config import NoticeSettings
from perfeval_xl.findings import BatchResult, FileResult, Severity
from perfeval_xl.model import Sourced
from perfeval_xl.ooxml.editable import PartUnusable
from perfeval_xl.ooxml.package import WorkbookRefused
from perfeval_xl.outputs.completed.workbook import completed_name, write_completed
from perfeval_xl.outputs.frames import Batch
from perfeval_xl.outputs.notices import NoticesWritten, write_notices
from perfeval_xl.outputs.records import (
    RESULTS_NAME,
    SUMMARY_NAME,
    indicator_records,
    packed,
    results_records,
)
from perfeval_xl.outputs.results_json import write_results_json
from perfeval_xl.outputs.tables_helper import TablesHelper
from perfeval_xl.pipeline import Settings, discover, evaluate_file, is_report
from perfeval_xl.rules import all_rules


def default_output_dir(input_dir: Path) -> Path:
    """``<input>_结果`` beside the input folder, so it is never read as input."""
    resolved = input_dir.resolve()
    return resolved.parent / f"{resolved.name}_结果"


@dataclass
class RunOutcome:
    batch: BatchResult
    tables: Batch  # the same results as DataFrames, built when first read
    output_dir: Path | None
    summary: Path | None
    results: Path | None
    notices: NoticesWritten | None = None  # None when notices were turned off (or nothing was written)

    @property
    def errors(self) -> int:
        return sum(r.count(Severity.ERROR) for r in self.batch.files)

    @property
    def warnings(self) -> int:
        return sum(r.count(Severity.WARNING) for r in self.batch.files)


def plan(input_dir: Path, output_dir: Path | None) -> list[Path]:
    """The workbooks a run will read (the output folder is never among them)."""
    return discover(input_dir, exclude=output_dir)


def run(
    input_dir: Path,
    output_dir: Path | None,
    settings: Settings = Settings(),
    *,
    files: list[Path] | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    command: str = "perfeval run",
    jobs: int | None = None,
    notices: NoticeSettings = NoticeSettings(),
) -> RunOutcome:
    """Evaluate ``input_dir``; write every output into ``output_dir`` (with
    None, nothing is written: no completed copies, summary or results.json)."""
    started = dt.datetime.now()
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
    batch = BatchResult()
    paths = files if files is not None else plan(input_dir, output_dir)
    tasks = [(path, path.relative_to(input_dir).as_posix(), output_dir, settings) for path in paths]
    helper = _helper() if output_dir is not None else None  # forked first: it loads pandas meanwhile
    try:
        with _collector_spared():
            for result in _results(tasks, jobs):
                batch.files.append(result)
                # Results live until the run ends: out of the collector's sight (freezing is a
                # list splice), this process's collections no longer walk them, which cost 1.1 s
                # while 10,000 results arrived and 0.7 s of the summary's 4 s.
                gc.freeze()
                if helper is not None and len(batch.files) == len(tasks) - _HURRY_HELPER_BEFORE_END:
                    helper.hurry()  # whatever it has not loaded yet on idle cores, it loads now
                if on_file:
                    on_file(result)
            records = results_records(batch, output_dir)
            if output_dir is None:
                return RunOutcome(batch, Batch(records), None, None, None)
            run_info = {
                "input_dir": str(input_dir.resolve()),
                "output_dir": str(output_dir.resolve()),
                "started_at": started.strftime("%Y-%m-%d %H:%M:%S"),
                "finished_at": dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
                "scheme": settings.scheme or "按各表“评价方式”（未填写时按分值推断）",
                "command": command,
                "version": __version__,
            }
            handed = helper is not None and helper.start(write_outputs, records, output_dir, run_info)
            # the 核查意见 letters, from the slim results this process holds, while the helper writes
            # the summary and results.json (this process would only wait, and main wrote them after: 0.1 s)
            letters = write_notices(batch, output_dir, notices, run_date=started.date(), input_dir=input_dir) if notices.enabled else None
            if not (handed and helper.finished()):
                write_outputs(records, output_dir, run_info)
    finally:
        if helper is not None:
            helper.close()
    return RunOutcome(batch, Batch(records, output_dir, letters), output_dir, output_dir / SUMMARY_NAME, output_dir / RESULTS_NAME, letters)


def write_outputs(records: dict, output_dir: Path, run_info: dict) -> None:
    """results.json (in a forked process, where there is fork) and the summary,
    from a run's records. pandas is loaded here."""
    results = output_dir / RESULTS_NAME
    json_writer = _start_in_background(write_results_json, records, results)
    write_summary(Batch(records), output_dir, run_info=run_info)
    if json_writer is not None:
        json_writer.join()
        if json_writer.exitcode != 0:  # say why in this process: write it again here
            write_results_json(records, results)


def write_summary(tables: Batch, output_dir: Path, *, run_info: dict) -> Path:
    """:func:`perfeval_xl.outputs.summary.workbook.write_summary`, imported when first
    needed: it brings pandas, which the workers never load."""
    from perfeval_xl.outputs.summary.workbook import write_summary as write

    return write(tables, output_dir, run_info=run_info)


def _helper() -> TablesHelper | None:
    return TablesHelper() if _CAN_FORK else None


def _start_in_background(write: Callable, *args) -> multiprocessing.Process | None:
    """``write(*args)`` in a forked process, beside the summary (the other core
    is idle by then); where there is no fork it is simply done now (None)."""
    if not _CAN_FORK:
        write(*args)
        return None
    process = multiprocessing.get_context("fork").Process(target=write, args=args, daemon=True)
    process.start()
    return process


@contextmanager
def _collector_spared() -> Iterator[None]:
    """Keep Python's cycle collector off what was loaded before the run.

    Every file allocates thousands of short-lived objects, and each time the
    collector runs it used to walk everything alive: the imported libraries
    (pandas, openpyxl, lxml) and, in the main process, every result so far.
    That was a third of the time per file and made long runs slower per file
    than short ones. Frozen objects are skipped by the collector (and a forked
    worker does not touch, hence copy, their memory pages); garbage is still
    freed as usual. The youngest generation is also collected less often
    (every 10,000 allocations instead of 700: a file makes ~100,000 short-lived
    objects, almost all freed by reference counting anyway), ~8% per file.
    Both are undone afterwards, so a caller's later garbage is collected as before."""
    all_rules()  # import the catalog (and cn2an with it) now, so it is frozen and forked workers inherit it
    thresholds = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(_YOUNG_COLLECTION_EVERY, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


_YOUNG_COLLECTION_EVERY = 10_000
_HURRY_HELPER_BEFORE_END = 100  # files: a third of a second of a run on two cores


_SERIAL_BELOW = 8  # a process pool costs more than it saves on a handful of files
_FINAL_CHUNK = 4


def _results(tasks: list[tuple], jobs: int | None) -> Iterator[FileResult]:
    """Each file's result, in input order; files are spread over ``jobs``
    processes (default: every core) when there are enough of them."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(tasks) < _SERIAL_BELOW:
        yield from map(_process, tasks)
        return
    chunk = max(1, min(32, len(tasks) // (jobs * 8)))
    # The last files go out a few at a time: in chunks of 32 one worker used to finish 0.1-0.2 s
    # before the other, its core idle while the run waited for the last result.
    last = min(len(tasks), jobs * chunk) if chunk > _FINAL_CHUNK else 0
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
            head = pool.map(_process, tasks[: len(tasks) - last], chunksize=chunk)
            end = pool.map(_process, tasks[len(tasks) - last :], chunksize=_FINAL_CHUNK)
            for result in itertools.chain(head, end):
                done += 1
                yield result
    except BrokenProcessPool:
        # a worker died (out of memory, a crash in a native library): the files it had not
        # finished are redone one per process, so only a file that kills its process fails
        for task in tasks[done:]:
            yield _isolated(task)


def _isolated(task: tuple) -> FileResult:
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=_context()) as pool:
            return pool.submit(_process, task).result()
    except BrokenProcessPool:
        return FileResult(
            task[1],
            failure="处理此文件时程序异常退出（可能是文件过大、内存不足），已跳过；请检查该文件，或单独用 perfeval check 处理。",
        )


_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


def _context():
    # fork starts workers in milliseconds and shares the imported modules; elsewhere use the default
    return multiprocessing.get_context("fork" if _CAN_FORK else None)


def _process(task: tuple) -> FileResult:
    """One file, start to finish, in whichever process runs it."""
    path, display, output_dir, settings = task
    if is_report(path):
        result = _evaluate_report(path, display, output_dir, settings)
    else:
        result = evaluate_file(path, display, settings)
        if result.ok and output_dir is not None:
            _write_copy(path, output_dir, result, settings)
    _slim(result)
    return result


def _evaluate_report(path: Path, display: str, output_dir: Path | None, settings: Settings) -> FileResult:
    """A report (Word, or text named as a report): import it into a workbook,
    evaluate that (or its narrative alone when it has no form), and write the
    completed copy of the imported workbook. What the import could not place is
    listed with the findings (rule IMP001)."""
    from perfeval_xl.importer.evaluate import (
        evaluated_report,  # python-docx only when a report is met
    )

    with evaluated_report(path, display, settings) as (result, workbook):
        if result.ok and workbook is not None and output_dir is not None:
            # 报告.docx -> 报告_导入_核查.xlsx: never the name of a 报告.xlsx beside it
            imported_display = Path(display).with_name(Path(display).stem + "_导入.xlsx").as_posix()
            _write_copy(workbook, output_dir, result, settings, completed_name(imported_display))
    return result


def _slim(result: FileResult) -> None:
    """Keep only what results.json and the summary read (the form's heading
    fields, the funds total, the scores, the findings and one plain record per
    indicator); the indicator rows themselves, the report paragraphs and the
    per-indicator scores stay in the worker. A full result is ~90 KB, a slim
    one a few: 10,000 files fit in memory and cost little to send between processes."""
    project, scoring = result.project, result.scoring
    if project is not None and not result.indicator_rows:
        result.indicator_rows = packed(indicator_records(result))
    if project is not None:
        funds = project.funds
        result.project = replace(
            project,
            indicators=(),
            narrative=(),
            goal_expected=_BLANK,
            goal_actual=_BLANK,
            funds=replace(funds, fiscal=None, carryover=None, other=None) if funds is not None else None,
        )
    if scoring is not None:
        result.scoring = replace(scoring, indicators=())


_BLANK = Sourced(None)


def _write_copy(path: Path, output_dir: Path, result: FileResult, settings: Settings, name: str | None = None) -> None:
    name = name or completed_name(result.file)
    target = output_dir / name  # its folder is made when the copy is written, or the failure is reported
    try:
        write_completed(path, target, result, settings.limits)
    except WorkbookRefused as refused:
        # a part only the copy reads (comments, their drawing, relationships, content types)
        # is beyond [limits]: the file is refused as a whole, as the reader refuses one
        result.failure = refused.reason
        result.project = result.scoring = None
        result.findings = []
        return
    except PartUnusable as unusable:
        result.findings.append(
            _copy_failed(
                result,
                f"未能生成核查后的工作簿：{unusable.reason}，无法在其上标注；问题清单仍然有效。"
                "用 Excel 或 WPS 打开该文件、保存后重新提交，即可得到核查后的工作簿。",
            )
        )
        return
    except Exception as exc:  # noqa: BLE001 - a copy that cannot be written is reported, the batch goes on
        result.findings.append(
            _copy_failed(result, f"未能生成核查后的工作簿（{type(exc).__name__}: {exc}），问题清单仍然有效。")
        )
        return
    result.output = name


def _copy_failed(result: FileResult, message: str):
    from perfeval_xl.findings import Finding

    return Finding(rule="OUT001", severity=Severity.WARNING, message=message, file=result.file)
