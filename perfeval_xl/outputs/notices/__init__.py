"""``核查意见/``: a Word notice for each 主管部门 whose projects have errors
or warnings, to send back with the request to correct and resubmit.

The parent process writes them from the slim results it already holds,
after the summary. Each file is written atomically; notices an earlier run
left for departments that have nothing to send back this time are removed,
so the folder never holds a letter the current results do not support.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from perfeval_xl.config import NoticeSettings
from perfeval_xl.findings import BatchResult
from perfeval_xl.ooxml.atomic import atomic_target
from perfeval_xl.outputs.notices.content import DepartmentNotice, department_notices
from perfeval_xl.outputs.notices.filenames import SUFFIX, unique_names

NOTICES_FOLDER = "核查意见"


@dataclass
class NoticesWritten:
    folder: Path
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (主管部门, why its notice could not be written)
    office_missing: bool = False  # signed （核查单位）: perfeval.toml's [notices] names no office


def write_notices(
    batch: BatchResult,
    output_dir: Path,
    settings: NoticeSettings = NoticeSettings(),
    *,
    run_date: dt.date | None = None,
    input_dir: Path | None = None,
) -> NoticesWritten:
    """Write ``<output_dir>/核查意见/<主管部门>_核查意见.docx`` for every
    department with something to send back. ``input_dir``: never remove
    anything from the notices folder if the input lies inside it."""
    created = dt.datetime.now().replace(microsecond=0)
    run_date = run_date or created.date()
    folder = Path(output_dir) / NOTICES_FOLDER
    outcome = NoticesWritten(folder, office_missing=not settings.office)
    notices = department_notices(batch, settings, run_date)
    try:
        if notices:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # e.g. a file called 核查意见 in the way: say so for every letter, write none
        outcome.failed.extend((n.department, f"无法建立文件夹 {folder}：{exc.strerror or exc}") for n in notices)
        return outcome
    for notice, name in zip(notices, unique_names([n.department for n in notices])):
        target = folder / name
        if target.parent != folder:  # unique_names keeps separators out; this makes sure
            raise ValueError(f"notice name {name!r} leaves {folder}")
        try:
            _write(notice, target, created)
        except Exception as exc:  # noqa: BLE001 - one department's letter must not cost the others theirs
            outcome.failed.append((notice.department, f"{type(exc).__name__}: {exc}"))
            continue
        outcome.written.append(target)
    _remove_stale(folder, outcome, input_dir)
    return outcome


def _write(notice: DepartmentNotice, target: Path, created: dt.datetime) -> None:
    from perfeval_xl.outputs.notices.document import (
        notice_document,  # python-docx only when there is a letter
    )

    document = notice_document(notice, created)
    with atomic_target(target) as tmp:
        document.save(str(tmp))


def _remove_stale(folder: Path, outcome: NoticesWritten, input_dir: Path | None) -> None:
    if not folder.is_dir() or (input_dir is not None and Path(input_dir).resolve().is_relative_to(folder.resolve())):
        return
    kept = {path.name for path in outcome.written}
    for path in folder.iterdir():
        if path.name.endswith(SUFFIX) and path.name not in kept and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
