"""The ``perfeval`` command. Thin: parse options, call the library, print, exit.

Exit codes: 0 nothing wrong, 1 a file failed or an error was found, 2 usage.
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import click

from perfeval_xl.findings import Severity
from perfeval_xl.outputs.template.blank import template_filename, write_template
from perfeval_xl.outputs.template.blank_layout import SCHEMES


class ConfigProblem(click.ClickException):
    """A bad perfeval.toml: a usage error, exit 2 (1 means findings)."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"配置错误：{self.format_message()}", err=True)


CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="规则配置文件 perfeval.toml（调整规则级别、停用规则）。默认使用输入文件夹中的 perfeval.toml（如有）。",
)


def _config(config_path: Path | None, folder: Path):
    from perfeval_xl.config import Config, ConfigError, find_config, read_config

    path = config_path or find_config(folder)
    if path is None:
        return Config()
    try:
        return read_config(path)
    except ConfigError as err:
        raise ConfigProblem(str(err)) from err


def _rule_settings(config_path: Path | None, folder: Path):
    return _config(config_path, folder).rules


def _exit_code(results) -> int:
    bad = any(not r.ok or r.count(Severity.ERROR) for r in results)
    return 1 if bad else 0


def entry() -> None:
    """The ``perfeval`` command (console script and ``python -m perfeval_xl``)."""
    try:
        main()
    finally:
        # The process is ending: the interpreter's last collection would walk every
        # object left (0.8 s after a 10,000-file run) to free what the OS frees anyway.
        gc.freeze()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="perfeval-xl")
def main() -> None:
    """perfeval：预算绩效评价表批量核查工具。"""


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（供程序使用）。")
@click.option("--scheme", default=None, help="表中未写评价方式时采用的评分方案：部门评价、单位自评、财政评价，或方案 TOML 文件路径。")
@CONFIG_OPTION
def check(file: Path, as_json: bool, scheme: str | None, config_path: Path | None) -> None:
    """读取一个评价表（或 Word / 纯文本评价报告，先导入；未附评价表的报告只核对正文），显示读到的内容
    （每个值注明单元格）、报告中的数字（主语、角色、核对对象）和发现的问题。"""
    from perfeval_xl.cli.console import render_check
    from perfeval_xl.findings import BatchResult
    from perfeval_xl.outputs.figures import figures_data
    from perfeval_xl.outputs.results_json import results_json
    from perfeval_xl.outputs.serialize import to_data
    from perfeval_xl.pipeline import Settings, evaluate_file

    if scheme is not None:
        _validate_scheme(scheme)
    config = _config(config_path, file.parent)
    settings = Settings(scheme=scheme, rules=config.rules, limits=config.limits)

    def show(result) -> None:
        if as_json:
            data = results_json(BatchResult([result]))
            data["model"] = to_data(result.project) if result.project is not None else None
            if data["model"] is not None:
                data["model"]["figures"] = figures_data(result)
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            click.echo(render_check(result))
        sys.exit(_exit_code([result]))

    if file.suffix.lower() in (".docx", ".txt"):
        from perfeval_xl.importer.evaluate import evaluated_report

        with evaluated_report(file, file.name, settings) as (result, _workbook):
            show(result)
    show(evaluate_file(file, file.name, settings))
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


@main.command()
@click.argument("input_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="输出文件夹（默认：与输入文件夹并列的 “<文件夹名>_结果”）。",
)
@click.option("--scheme", default=None, help="表中未写评价方式时采用的评分方案：部门评价、单位自评、财政评价，或方案 TOML 文件路径。")
@CONFIG_OPTION
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="同时使用的进程数（默认：全部 CPU 核心）。")
@click.option("--no-notices", is_flag=True, help="不写“核查意见”文件夹（每个有问题的主管部门一份 Word 反馈意见）。")
def run(input_dir: Path, output_dir: Path | None, scheme: str | None, config_path: Path | None, jobs: int | None, no_notices: bool) -> None:
    """核查文件夹（含子文件夹）中的每个评价表，写出核查后的工作簿、汇总表、results.json 和各主管部门的核查意见。"""
    from perfeval_xl.api import OutputIsInput, check_folder
    from perfeval_xl.batch import default_output_dir
    from perfeval_xl.config import ConfigError
    from perfeval_xl.outputs.records import SUMMARY_NAME
    from perfeval_xl.scoring import SchemeError

    output_dir = output_dir or default_output_dir(input_dir)
    with _ProgressBar() as bar:
        try:
            batch = check_folder(
                input_dir, output=output_dir, scheme=scheme, config=config_path, jobs=jobs, notices=not no_notices, progress=bar.update
            )
        except SchemeError as err:
            raise click.BadParameter(str(err), param_hint="--scheme") from err
        except ConfigError as err:
            raise ConfigProblem(str(err)) from err
        except OutputIsInput as err:
            raise click.UsageError(str(err)) from err
    counts = batch.counts  # not the tables: this process never needs pandas
    read, failed, errors, warnings = counts["read"], counts["failed"], counts["error"], counts["warning"]
    if not read and not failed:
        click.echo(f"文件夹 {input_dir} 中没有找到 .xlsx / .xlsm 工作簿或 .docx 评价报告。", err=True)
    click.echo(f"已核查 {read} 个项目，{failed} 个文件无法处理；发现错误 {errors} 处、警告 {warnings} 处。")
    click.echo(f"汇总表：{batch.output / SUMMARY_NAME}")
    click.echo(f"核查后的工作簿与 results.json：{batch.output}")
    if batch.notices is not None:
        _echo_notices(batch.notices)
    sys.exit(1 if failed or errors else 0)


class _ProgressBar:
    """click's progress bar, made once the number of files is known."""

    def __init__(self) -> None:
        self._bar = None

    def update(self, done: int, total: int) -> None:
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="核查中", file=sys.stderr, show_pos=True)
            self._bar.__enter__()
        self._bar.update(1)

    def __enter__(self) -> "_ProgressBar":
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def _echo_notices(notices) -> None:
    if not notices.written and not notices.failed:
        click.echo("核查意见：没有需要反馈的问题，未生成。")
        return
    click.echo(f"核查意见：{len(notices.written)} 份（每个有问题的主管部门一份），在 {notices.folder}")
    for department, reason in notices.failed:
        click.echo(f"✗ 未能写出 {department} 的核查意见：{reason}", err=True)
    if notices.written and notices.office_missing:
        click.echo("  落款暂为“（核查单位）”：可在 perfeval.toml 的 [notices] 中用 office = \"…\" 写上核查单位名称。")


@main.command("import")
@click.argument("reports", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="输出文件夹（默认：与各报告相同的文件夹）。生成的工作簿名为 <报告名>_导入.xlsx。")
def import_command(reports: tuple[Path, ...], output_dir: Path | None) -> None:
    """把已有的绩效评价报告（Word .docx 或纯文本 .txt）导入为标准化评价表工作簿，并列出未能导入的内容。"""
    from perfeval_xl.importer import import_report, imported_name, write_imported

    failed = 0
    written: set[Path] = set()
    for report in reports:
        result = import_report(report)
        if not result.ok:
            failed += 1
            click.echo(f"✗ {report}：{result.failure}", err=True)
            continue
        target = (output_dir or report.parent) / imported_name(report)
        if target.resolve() in written:  # 报告.txt and 报告.docx in one call: keep both
            target = target.with_name(f"{report.stem}_{report.suffix.lstrip('.')}_导入.xlsx")
        try:
            write_imported(result, target)
            written.add(target.resolve())
        except (OSError, ValueError) as error:
            failed += 1
            click.echo(f"✗ {report}：无法写入 {target}（{error}）", err=True)
            continue
        click.echo(f"✓ {report} → {target}（{len(result.spec.indicators)} 个三级指标，{len(result.spec.narrative)} 段正文）")
        for note in result.notes:
            click.echo(f"    · {note}")
    sys.exit(1 if failed else 0)


@main.command("rules")
@click.argument("rule_id", required=False)
@CONFIG_OPTION
def rules_command(rule_id: str | None, config_path: Path | None) -> None:
    """列出全部核查规则（编号、级别、标题），或显示一条规则的说明。级别按配置文件（如有）显示。"""
    from perfeval_xl.cli.rule_docs import render_rule_doc, render_rule_list
    from perfeval_xl.rules import all_rules

    settings = _rule_settings(config_path, Path.cwd())
    catalog = {r.id: r for r in all_rules() if r.id not in settings.disabled}
    if rule_id is None:
        click.echo(render_rule_list(list(catalog.values()), settings.severity))
        return
    chosen = catalog.get(rule_id.strip().upper())
    if chosen is None:
        raise click.BadParameter(f"没有编号为 {rule_id} 的规则；不带参数运行 perfeval rules 可查看全部规则。")
    click.echo(render_rule_doc(chosen, settings.severity.get(chosen.id)))


def _validate_scheme(scheme: str) -> None:
    from perfeval_xl.scoring import SchemeError, load_scheme

    try:
        load_scheme(scheme)
    except SchemeError as err:
        raise click.BadParameter(str(err), param_hint="--scheme") from err
