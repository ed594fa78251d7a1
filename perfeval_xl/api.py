"""The Python API: check a folder, or reload a past run, and get the batch as
pandas DataFrames (README “在 Python 中使用”)::

    import perfeval_xl

    batch = perfeval_xl.check_folder("samples", output="samples_结果")
    batch.projects          # one row per project, ranked
    batch.indicators        # one row per 三级指标 per project
    again = perfeval_xl.read_results("samples_结果/results.json")

``perfeval run`` is this module's :func:`check_folder` plus printing.
The library never prints or exits: a bad ``scheme`` raises
:class:`perfeval_xl.scoring.SchemeError`, a bad ``perfeval.toml``
:class:`perfeval_xl.config.ConfigError` (both say why in Chinese).
"""

from __future__ import annotations

import json
import os
import shlex
from dataclasses import replace
from pathlib import Path
from typing import Callable

from perfeval_xl import batch as runner
from perfeval_xl.config import Config, find_config, read_config
from perfeval_xl.outputs.frames import Batch
from perfeval_xl.pipeline import Settings

__all__ = ["Batch", "OutputIsInput", "check_folder", "read_results"]

PathLike = str | os.PathLike


class OutputIsInput(ValueError):
    """The output folder is the input folder: copies could overwrite inputs
    and be read as inputs next time."""


def check_folder(
    path: PathLike,
    *,
    output: PathLike | None = None,
    scheme: str | None = None,
    config: PathLike | None = None,
    jobs: int | None = None,
    notices: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Batch:
    """Check every workbook under ``path`` (subfolders too), as ``perfeval run`` does.

    ``output``: a folder to write what ``perfeval run -o`` writes (the completed
    copies, 汇总.xlsx, results.json); None writes nothing. ``scheme``: the
    scoring scheme for forms that do not name theirs (部门评价, 单位自评, 财政评价
    or a TOML file). ``config``: a perfeval.toml (default: the one in ``path``,
    if any). ``jobs``: processes to use (default: every core). ``notices``:
    with an ``output``, also write the 核查意见 folder (a Word letter for each
    主管部门 with errors or warnings) as the config's ``[notices]`` says;
    False never writes it, as ``perfeval run --no-notices`` (the returned
    batch's ``notices`` says what was written). ``progress``: called after
    each file with (files done, files in all), e.g. for a progress bar.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise NotADirectoryError(f"找不到文件夹 {folder}。")
    output_dir = Path(output) if output is not None else None
    if output_dir is not None and output_dir.resolve() == folder.resolve():
        raise OutputIsInput("输出文件夹不能与输入文件夹相同，请另指定一个输出文件夹（命令行不指定 -o 时使用默认的“<文件夹名>_结果”）。")
    if scheme is not None:
        from perfeval_xl.scoring import load_scheme

        load_scheme(scheme)  # a wrong name fails now, not once per file
    settings_file = Path(config) if config is not None else find_config(folder)
    chosen = read_config(settings_file) if settings_file is not None else Config()
    files = runner.plan(folder, output_dir)
    done = 0

    def each_file(_result) -> None:
        nonlocal done
        done += 1
        progress(done, len(files))

    outcome = runner.run(
        folder,
        output_dir,
        Settings(scheme=scheme, rules=chosen.rules, limits=chosen.limits),
        files=files,
        on_file=each_file if progress is not None else None,
        command=command_line(folder, output_dir, scheme, config, jobs, notices),
        jobs=jobs,
        notices=chosen.notices if notices else replace(chosen.notices, enabled=False),
    )
    return outcome.tables.written_to(output_dir)


def command_line(
    folder: Path, output: Path | None, scheme: str | None, config: PathLike | None, jobs: int | None, notices: bool = True
) -> str:
    """The ``perfeval run`` command that does what a call does (for the 说明 sheet)."""
    words = ["perfeval", "run", str(folder)]
    if output is not None:
        words += ["-o", str(output)]
    if scheme is not None:
        words += ["--scheme", scheme]
    if config is not None:
        words += ["--config", str(config)]
    if jobs is not None:
        words += ["-j", str(jobs)]
    if not notices:
        words.append("--no-notices")
    return shlex.join(words)


def read_results(path: PathLike) -> Batch:
    """The batch of a past run, from its ``results.json``: the same tables the
    run gave. A results.json written before indicators were recorded gives an
    empty ``indicators`` table."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{file} 不是有效的 JSON（第 {exc.lineno} 行）：不是 perfeval 写出的 results.json？") from exc
    if not isinstance(data, dict) or not isinstance(data.get("projects"), list):
        raise ValueError(f"{file} 中没有 projects 列表：不是 perfeval 写出的 results.json。")
    return Batch.from_records(data, file.parent)
