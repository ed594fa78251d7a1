"""perfeval.toml: strict validation into RuleSettings, and the CLI's exit 2."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from perfeval_xl.cli import main
from perfeval_xl.config import ConfigError, load_config, parse_config
from perfeval_xl.findings import Severity


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "perfeval.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_severity_override_and_disable(tmp_path):
    settings = load_config(write(tmp_path, '[rules]\nseverity = { XC101 = "warning", xc106 = "提示" }\ndisable = ["XC408"]\n'))
    assert settings.severity == {"XC101": Severity.WARNING, "XC106": Severity.INFO}
    assert settings.disabled == frozenset({"XC408"})


def test_empty_file_means_defaults(tmp_path):
    settings = load_config(write(tmp_path, ""))
    assert settings.severity == {} and settings.disabled == frozenset()


@pytest.mark.parametrize(
    "data,fragment",
    [
        ({"rules": {"severity": {"XC999": "error"}}}, "XC999"),
        ({"rules": {"disable": ["XC1O1"]}}, "XC1O1"),
        ({"rules": {"severity": {"XC101": "fatal"}}}, "fatal"),
        ({"rules": {"severity": {"XC101": 1}}}, "XC101"),
        ({"rules": {"ignore": ["XC101"]}}, "ignore"),
        ({"rule": {"disable": ["XC101"]}}, "rule"),
        ({"rules": {"disable": "XC101"}}, "disable"),
        ({"rules": {"severity": ["XC101"]}}, "severity"),
        ({"rules": ["XC101"]}, "rules"),
    ],
)
def test_every_mistake_is_a_chinese_error(data, fragment):
    with pytest.raises(ConfigError) as info:
        parse_config(data, "perfeval.toml")
    assert fragment in str(info.value) and "perfeval.toml" in str(info.value)


def test_syntax_error_and_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="格式错误"):
        load_config(write(tmp_path, "[rules\n"))
    with pytest.raises(ConfigError, match="找不到"):
        load_config(tmp_path / "nope.toml")


def test_cli_maps_bad_config_to_exit_2(tmp_path):
    config = write(tmp_path, '[rules]\ndisable = ["XC999"]\n')
    result = CliRunner().invoke(main, ["rules", "--config", str(config)])
    assert result.exit_code == 2
    assert "XC999" in result.output


def test_rules_command_lists_catalog_and_shows_one_rule(tmp_path):
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"])
    assert listing.exit_code == 0
    assert "XC101" in listing.output and "执行率" in listing.output
    doc = runner.invoke(main, ["rules", "xc403"])
    assert doc.exit_code == 0
    assert all(section in doc.output for section in ("为什么", "何时报告", "何时通过"))
    unknown = runner.invoke(main, ["rules", "XC999"])
    assert unknown.exit_code == 2


def test_rules_command_shows_configured_severity(tmp_path):
    config = write(tmp_path, '[rules]\nseverity = { XC101 = "warning" }\ndisable = ["XC408"]\n')
    result = CliRunner().invoke(main, ["rules", "--config", str(config)])
    assert result.exit_code == 0
    line = next(l for l in result.output.splitlines() if l.startswith("XC101"))
    assert "警告" in line
    assert "XC408" not in result.output


def test_limits_section_feeds_the_reader_limits(tmp_path):
    from perfeval_xl.config import read_config
    from perfeval_xl.read.xlsx import DEFAULT_LIMITS

    config = read_config(write(tmp_path, "[limits]\nmax_rows = 500\nmax_cells = 5000\nmax_part_mb = 2\nmax_ratio = 50.5\n"))
    assert config.limits.max_rows == 500 and config.limits.max_cells == 5000
    assert config.limits.max_part_bytes == 2 * 1024 * 1024
    assert config.limits.max_ratio == 50.5
    assert config.limits.max_entries == DEFAULT_LIMITS.max_entries  # untouched keys keep their defaults
    assert read_config(write(tmp_path, "[rules]\n")).limits == DEFAULT_LIMITS


@pytest.mark.parametrize(
    "limits,fragment",
    [
        ({"max_row": 10}, "max_row"),
        ({"max_rows": 0}, "max_rows"),
        ({"max_entries": 4}, "max_entries"),
        ({"max_rows": "多"}, "max_rows"),
        ({"max_rows": True}, "max_rows"),
        ({"max_rows": 150.5}, "整数"),
        ({"max_part_mb": float("inf")}, "max_part_mb"),
        ({"max_ratio": float("nan")}, "max_ratio"),
        ({"max_ratio": 1}, "max_ratio"),
    ],
)
def test_bad_limits_are_chinese_errors(limits, fragment):
    from perfeval_xl.config import parse_all

    with pytest.raises(ConfigError) as info:
        parse_all({"limits": limits}, "perfeval.toml")
    assert fragment in str(info.value) and "[limits]" in str(info.value)
    with pytest.raises(ConfigError, match="limits"):
        parse_all({"limits": [1]}, "perfeval.toml")


def test_run_applies_the_limits_of_the_folders_config(tmp_path):
    import json

    from tests.seedform import write_seed_form

    inbox = tmp_path / "in"
    inbox.mkdir()
    write_seed_form(inbox / "a.xlsx")  # 33 rows
    write(inbox, "[limits]\nmax_rows = 100\nmax_entries = 10\n")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["run", str(inbox), "-o", str(out)]).exit_code in (0, 1)
    assert json.loads((out / "results.json").read_text(encoding="utf-8"))["failed"] == []
    write(inbox, "[limits]\nmax_entries = 8\n")  # openpyxl writes 9 parts
    result = CliRunner().invoke(main, ["run", str(inbox), "-o", str(out)])
    assert result.exit_code == 1
    failed = json.loads((out / "results.json").read_text(encoding="utf-8"))["failed"]
    assert [f["file"] for f in failed] == ["a.xlsx"] and "超过上限 8" in failed[0]["error"]
