"""The commands as a clerk runs them: outputs, exit codes, untouched inputs."""

from __future__ import annotations

import hashlib
import json
import os

from click.testing import CliRunner

from perfeval_xl.cli import main
from tests.seedform import write_seed_form


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns


def test_run_writes_outputs_and_leaves_inputs_alone(tmp_path):
    inbox = tmp_path / "收件"
    (inbox / "子文件夹").mkdir(parents=True)
    seed = write_seed_form(inbox / "子文件夹" / "种子.xlsx")
    (inbox / "坏文件.xlsx").write_bytes(b"not a workbook")
    (inbox / "~$种子.xlsx").write_bytes(b"lock file")
    before = {p: _digest(p) for p in inbox.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["run", str(inbox)])
    out = tmp_path / "收件_结果"
    assert result.exit_code == 1, result.output  # one file failed
    assert "1 个文件无法处理" in result.output
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [p["file"] for p in data["projects"]] == ["子文件夹/种子.xlsx"]
    assert data["projects"][0]["output"] == "子文件夹/种子_核查.xlsx" and data["projects"][0]["rank"] == 1
    assert [f["file"] for f in data["failed"]] == ["坏文件.xlsx"]
    assert (out / "子文件夹" / "种子_核查.xlsx").is_file() and (out / "汇总.xlsx").is_file()
    assert {p: _digest(p) for p in inbox.rglob("*") if p.is_file()} == before
    assert seed.exists()


def test_rerun_does_not_read_its_own_outputs(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    write_seed_form(inbox / "a.xlsx")
    out = inbox / "结果"
    runner = CliRunner()
    runner.invoke(main, ["run", str(inbox), "-o", str(out)])
    result = runner.invoke(main, ["run", str(inbox), "-o", str(out)])
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [p["file"] for p in data["projects"]] == ["a.xlsx"], result.output


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["run", str(tmp_path / "missing")]).exit_code == 2
    write_seed_form(tmp_path / "a.xlsx")
    assert runner.invoke(main, ["run", str(tmp_path), "--scheme", "没有这个方案"]).exit_code == 2


def test_check_json_carries_contract_shapes_and_model_cells(tmp_path):
    path = write_seed_form(tmp_path / "a.xlsx")
    result = CliRunner().invoke(main, ["check", str(path), "--json"])
    data = json.loads(result.output)
    entry = data["projects"][0]
    assert entry["project"] == "2023年县领导春节走访慰问困难企业资金项目" and entry["reported_score"] == 95
    assert data["model"]["funds"]["total"]["budget"] == {"value": 60, "raw": "60", "cell": "绩效评价表!D6", "unit": "万元", "decimals": 0}
    assert data["model"]["indicators"][0]["weight"]["cell"] == "绩效评价表!F14"


def test_check_text_names_cells(tmp_path):
    path = write_seed_form(tmp_path / "a.xlsx")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert "项目名称：2023年县领导春节走访慰问困难企业资金项目（B2）" in result.output
    assert "总分：分值 100（F31），得分 95（G31）" in result.output


def test_parallel_run_gives_the_same_results_as_serial(tmp_path):
    import random

    from tests.support.synth import write_project
    from tests.support.synth.variants import random_layout, random_spec

    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(10):
        rng = random.Random(100 + i)
        write_project(random_spec(rng), random_layout(rng), inbox / f"p{i:02d}.xlsx")
    runner = CliRunner()
    runner.invoke(main, ["run", str(inbox), "-o", str(tmp_path / "serial"), "-j", "1"])
    runner.invoke(main, ["run", str(inbox), "-o", str(tmp_path / "pool"), "-j", "2"])
    serial = json.loads((tmp_path / "serial" / "results.json").read_text(encoding="utf-8"))
    pooled = json.loads((tmp_path / "pool" / "results.json").read_text(encoding="utf-8"))
    assert len(serial["projects"]) == 10 and serial == pooled
