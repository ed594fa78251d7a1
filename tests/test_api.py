"""The Python API on the shipped samples: check_folder, read_results and the
four tables, which must say row for row what results.json says."""

from __future__ import annotations

import json
import math
import shlex
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

import perfeval_xl
from perfeval_xl.api import OutputIsInput
from perfeval_xl.cli import main
from perfeval_xl.config import ConfigError
from perfeval_xl.scoring import SchemeError
from perfeval_xl.outputs.tables import FINDING_COLUMNS, INDICATOR_COLUMNS, PROJECT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
READ = len(list(SAMPLES.glob("*.xlsx")))  # every sample is read; the inbox adds one file that cannot be


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("api") / "样例"
    (folder / "子目录").mkdir(parents=True)
    for i, sample in enumerate(sorted(SAMPLES.glob("*.xlsx"))):
        shutil.copy(sample, (folder / "子目录" if i % 3 == 0 else folder) / sample.name)
    (folder / "坏.xlsx").write_bytes(b"not a workbook")
    return folder


@pytest.fixture(scope="module")
def checked(inbox):
    out = inbox.parent / "结果"
    done: list[tuple[int, int]] = []
    batch = perfeval_xl.check_folder(inbox, output=out, jobs=1, progress=lambda *args: done.append(args))
    return batch, out, done


def _same(table_value, json_value) -> bool:
    if table_value is None or (not isinstance(table_value, str) and pd.isna(table_value)):
        return json_value is None
    if isinstance(json_value, float) or isinstance(table_value, float):
        return math.isclose(float(table_value), float(json_value), rel_tol=0, abs_tol=0)
    return table_value == json_value


def _agree(table: pd.DataFrame, records: list[dict], columns) -> int:
    assert len(table) == len(records)
    compared = 0
    for i, record in enumerate(records):
        row = table.iloc[i]
        for name in columns:
            value = record[name]
            if name == "related":
                value = "、".join(value) or None
            assert _same(row[name], value), (i, name, row[name], value)
            compared += 1
    return compared


def test_tables_agree_with_results_json_row_for_row(checked):
    batch, out, _ = checked
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert len(batch.projects) == READ and len(batch.failed) == 1 and len(batch.indicators) > 150
    assert _agree(batch.projects, data["projects"], PROJECT_COLUMNS) > 100
    assert _agree(batch.findings, data["findings"], FINDING_COLUMNS) > 100
    assert _agree(batch.indicators, data["indicators"], INDICATOR_COLUMNS) > 1000
    assert batch.failed.to_dict("records") == [{"file": "坏.xlsx", "error": data["failed"][0]["error"]}]
    assert [p["rank"] for p in data["projects"]] == batch.projects["rank"].tolist()


def test_read_results_gives_the_same_tables_back(checked):
    batch, out, _ = checked
    again = perfeval_xl.read_results(out / "results.json")
    for name in ("projects", "findings", "indicators", "failed"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(batch, name))
    assert again.output == out == batch.output


def test_columns_have_real_dtypes(checked):
    batch = checked[0]
    p, f, i = batch.projects, batch.findings, batch.indicators
    for money_or_score in ("budget", "spent", "rate", "reported_score", "computed_score"):
        assert p[money_or_score].dtype == "float64"
    for count in ("rank", "year", "errors", "warnings", "duplicates"):
        assert p[count].dtype == "Int64"
    assert p["computed_grade"].cat.ordered and list(p["computed_grade"].cat.categories) == ["差", "中", "良", "优"]
    assert (p["computed_grade"] >= "良").sum() == (p["computed_score"] >= 80).sum()
    assert f["severity"].cat.ordered and list(f["severity"].cat.categories) == ["info", "warning", "error"]
    assert f["cell"].dtype == "string" and i["cell"].dtype == "string" and i["row"].dtype == "Int64"
    for number in ("target_value", "actual_value", "weight", "self_score", "computed_score"):
        assert i[number].dtype == "float64"
    assert set(i["achievement"].dropna()) <= {"达成", "基本达成", "部分达成", "未达成"}
    assert i["achievement"].notna().mean() > 0.8


def test_indicator_rows_carry_their_findings(checked):
    batch = checked[0]
    flagged = batch.indicators.dropna(subset=["rules"])
    assert len(flagged) >= 3
    on_form = batch.findings[batch.findings["sheet"] == "绩效评价表"]
    for row in flagged.itertuples():
        same_row = on_form[(on_form["file"] == row.file) & (on_form["cell"].str.extract(r"(\d+)$")[0].astype(int) == row.row)]
        assert set(row.rules.split("、")) == set(same_row["rule"]), (row.file, row.row)
        assert row.severity == same_row["severity"].max()


def test_progress_counts_every_file(checked):
    assert checked[2] == [(n, READ + 1) for n in range(1, READ + 2)]


def test_notices_are_written_as_the_config_says_unless_turned_off(inbox, checked, tmp_path):
    batch, out, _ = checked
    assert batch.notices is not None and batch.notices.folder == out / "核查意见"
    assert batch.notices.written and all(p.parent == batch.notices.folder and p.is_file() for p in batch.notices.written)
    assert batch.notices.office_missing  # no [notices] office: signed （核查单位）
    quiet = perfeval_xl.check_folder(inbox, output=tmp_path / "quiet", jobs=1, notices=False)
    assert quiet.notices is None and not (tmp_path / "quiet" / "核查意见").exists()
    about = {r[0]: r[1] for r in openpyxl.load_workbook(tmp_path / "quiet" / "汇总.xlsx")["说明"].values if r[0]}
    assert about["运行命令"].endswith(" -j 1 --no-notices")


def test_without_output_nothing_is_written(inbox, checked, tmp_path):
    before = sorted(p.relative_to(inbox.parent) for p in inbox.parent.rglob("*"))
    quiet = perfeval_xl.check_folder(inbox, jobs=1)
    assert sorted(p.relative_to(inbox.parent) for p in inbox.parent.rglob("*")) == before
    assert quiet.output is None and quiet.notices is None and quiet.projects["output"].isna().all()
    written = checked[0]
    pd.testing.assert_frame_equal(quiet.indicators, written.indicators)
    pd.testing.assert_frame_equal(quiet.projects.drop(columns="output"), written.projects.drop(columns="output"))


def test_perfeval_run_writes_what_check_folder_writes(inbox, checked, tmp_path):
    out = tmp_path / "命令"
    result = CliRunner().invoke(main, ["run", str(inbox), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1, result.output  # the samples hold errors
    api_out = checked[1]
    assert (out / "results.json").read_bytes() == (api_out / "results.json").read_bytes()
    copies = sorted(p.relative_to(out) for p in out.rglob("*_核查.xlsx"))
    assert copies == sorted(p.relative_to(api_out) for p in api_out.rglob("*_核查.xlsx")) and len(copies) == READ
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        by_cli, by_api = (openpyxl.load_workbook(folder / "汇总.xlsx") for folder in (out, api_out))
    assert by_cli.sheetnames == by_api.sheetnames
    for name in by_cli.sheetnames:
        if name != "说明":  # times and folders
            assert list(by_cli[name].values) == list(by_api[name].values), name
    about = {r[0]: r[1] for r in by_cli["说明"].values if r[0]}
    assert about["运行命令"] == shlex.join(["perfeval", "run", str(inbox), "-o", str(out), "-j", "1"])


def test_mistakes_are_raised_with_their_reason(inbox, tmp_path):
    with pytest.raises(SchemeError, match="找不到评分方案"):
        perfeval_xl.check_folder(inbox, scheme="没有这个方案")
    with pytest.raises(OutputIsInput):
        perfeval_xl.check_folder(inbox, output=inbox)
    bad = tmp_path / "perfeval.toml"
    bad.write_text("[rules\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="格式错误"):
        perfeval_xl.check_folder(inbox, config=bad)
    with pytest.raises(NotADirectoryError):
        perfeval_xl.check_folder(tmp_path / "没有")
    not_results = tmp_path / "x.json"
    not_results.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match="不是 perfeval 写出的 results.json"):
        perfeval_xl.read_results(not_results)


def test_a_results_json_without_indicators_still_loads(checked, tmp_path):
    batch, out, _ = checked
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    del data["indicators"]
    for project in data["projects"]:  # as results.json was written before
        for key in ("infos", "implementer", "method", "budget", "spent", "rate", "narrative_only"):
            del project[key]
    old = tmp_path / "results.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = perfeval_xl.read_results(old)
    assert again.indicators.empty and list(again.indicators.columns) == list(batch.indicators.columns)
    pd.testing.assert_frame_equal(again.findings, batch.findings)
    assert again.projects["rank"].tolist() == batch.projects["rank"].tolist()
    assert again.projects["narrative_only"].dtype == bool and not again.projects["narrative_only"].any()


def test_neither_the_workers_nor_the_run_load_pandas(tmp_path):
    """The summary's tables are built in a helper process: a run's own process
    and its per-file workers never load pandas; reading a table does."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i, sample in enumerate(sorted(SAMPLES.glob("*.xlsx"))[:4] * 3):  # enough files for a process pool
        shutil.copy(sample, inbox / f"{i:02d}_{sample.name}")
    probe = f"""
import os, sys
from pathlib import Path
from perfeval_xl import batch
parent = os.getpid()
real = batch.evaluate_file
def evaluate(path, display, settings):
    result = real(path, display, settings)
    result.findings = []
    result.failure = None if "pandas" not in sys.modules and os.getpid() != parent else "pandas in a worker"
    return result
batch.evaluate_file = evaluate
outcome = batch.run(Path({str(inbox)!r}), Path({str(tmp_path / "out")!r}), jobs=2)
print(len(outcome.batch.files), sum(not r.ok for r in outcome.batch.files), "pandas" in sys.modules, outcome.summary.is_file())
print(len(outcome.tables.projects), "pandas" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.stdout.split() == ["12", "0", "False", "True", "12", "True"], out.stderr
