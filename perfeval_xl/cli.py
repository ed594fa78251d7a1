"""The ``perfeval`` command. Thin: parse options, call the library, print, exit."""

from __future__ import annotations

from pathlib import Path

import click

from perfeval_xl.write.template import template_filename, write_template
from perfeval_xl.write.template_layout import SCHEMES


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="perfeval-xl")
def main() -> None:
    """perfeval：预算绩效评价表批量核查工具。"""


@main.command("template")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="输出文件路径，或已有的文件夹（文件名为 绩效评价表_<方案>.xlsx）。默认写到当前文件夹。")
@click.option("--scheme", type=click.Choice(list(SCHEMES)), default="部门评价", show_default=True,
              help="评价方案：部门评价（决策/过程/产出/效益 20/20/30/30）或 单位自评（资金10＋产出50/效益30/满意度10）。")
def template_command(output: Path | None, scheme: str) -> None:
    """生成空白的标准化绩效评价表模板（含 评价报告、填表说明 工作表）。"""
    target = output if output is not None else Path(template_filename(scheme))
    if target.is_dir():
        target = target / template_filename(scheme)
    try:
        written = write_template(target, scheme)
    except OSError as error:
        raise click.ClickException(f"无法写入模板文件 {target}：{error.strerror or error}") from error
    click.echo(f"已生成空白模板（{scheme}）：{written}")
