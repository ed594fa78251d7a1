"""The ``perfeval`` command. Thin: parse options, call the library, print, exit.

Exit codes: 0 nothing wrong, 1 a file failed or an error was found, 2 usage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from perfeval_xl.findings import Severity

SCHEMES = ["部门评价", "单位自评", "财政评价"]


def _exit_code(results) -> int:
    bad = any(not r.ok or r.count(Severity.ERROR) for r in results)
    return 1 if bad else 0


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="perfeval-xl")
def main() -> None:
    """perfeval：预算绩效评价表批量核查工具。"""


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（供程序使用）。")
@click.option("--scheme", type=click.Choice(SCHEMES), default=None, help="表中未写评价方式时采用的评分方案。")
def check(file: Path, as_json: bool, scheme: str | None) -> None:
    """读取一个评价表，显示读到的内容（每个值注明单元格）和发现的问题。"""
    from perfeval_xl.pipeline import Settings, evaluate_file
    from perfeval_xl.serialize import failed_entry, project_entry, to_data
    from perfeval_xl.write.console import render_check

    result = evaluate_file(file, file.name, Settings(scheme=scheme))
    if as_json:
        data = {
            "projects": [project_entry(result)] if result.ok else [],
            "failed": [] if result.ok else [failed_entry(result)],
            "findings": [f.to_dict() for f in result.findings],
            "model": to_data(result.project) if result.project is not None else None,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_check(result))
    sys.exit(_exit_code([result]))
