"""``perfeval.toml``: per-rule severity overrides, disabled rules, and what
one untrusted workbook may cost to read.

::

    [rules]
    severity = { XC106 = "info", XC303 = "error" }   # error / warning / info (或 错误 / 警告 / 提示)
    disable = ["XC408"]

    [limits]            # every key optional; the defaults are in LIMIT_KEYS
    max_rows = 20000    # rows read per sheet
    max_cells = 300000  # cells kept per sheet, merged cells counted
    max_entries = 1000  # parts inside the workbook's zip
    max_part_mb = 100   # one part, inflated
    max_total_mb = 300  # all parts read, inflated
    max_ratio = 100     # inflated / compressed size of a part above 100 KB

    [notices]           # the 核查意见 letters, one per 主管部门 (every key optional)
    enabled = true      # false: write none (also ``perfeval run --no-notices``)
    office = "某某县财政局"   # the reviewing office, signed at the bottom
    deadline = 2026-12-19   # resubmit by; else ``deadline_days`` after the run date
    deadline_days = 15
    title = "关于{年度}年度项目支出绩效评价表核查情况的反馈意见"   # {年度} {部门}
    warnings = true     # false: list errors only
    rule_ids = false    # true: a 规则 column in each table

Validation is strict: a misspelt rule ID, key or severity silently ignored
would leave a clerk believing a check is off (or on) when it is not, so every
mistake raises :class:`ConfigError` with a Chinese message naming the file
and the offending entry. The CLI maps it to exit code 2.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from perfeval_xl.findings import Severity
from perfeval_xl.read.xlsx import DEFAULT_LIMITS, Limits
from perfeval_xl.rules import DEFAULT_SETTINGS, RuleSettings, all_rules

CONFIG_NAME = "perfeval.toml"
SECTIONS = {"rules", "limits", "notices"}
MB = 1024 * 1024
# key in [limits] -> (Limits field, scale to the field's unit, smallest sensible value)
LIMIT_KEYS = {
    "max_rows": ("max_rows", 1, 100),
    "max_cells": ("max_cells", 1, 1000),
    "max_entries": ("max_entries", 1, 5),  # a minimal workbook has 5 parts
    "max_part_mb": ("max_part_bytes", MB, 1),
    "max_total_mb": ("max_total_bytes", MB, 1),
    "max_ratio": ("max_ratio", 1, 2),
}
RULE_KEYS = {"severity", "disable"}
SEVERITY_WORDS = {
    "error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO,
    "错误": Severity.ERROR, "警告": Severity.WARNING, "提示": Severity.INFO,
}


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` is the Chinese reason."""


DEFAULT_NOTICE_TITLE = "关于{年度}年度项目支出绩效评价表核查情况的反馈意见"
NOTICE_PLACEHOLDERS = ("年度", "部门")


@dataclass(frozen=True)
class NoticeSettings:
    """``[notices]``: the 核查意见 letters a run writes, one per 主管部门."""

    enabled: bool = True
    office: str = ""  # the reviewing office; blank: a placeholder the reviewer fills in
    deadline: dt.date | None = None  # resubmission deadline; None: ``deadline_days`` after the run
    deadline_days: int = 15
    title: str = DEFAULT_NOTICE_TITLE
    warnings: bool = True  # list warnings as well as errors
    rule_ids: bool = False  # a 规则 column: reviewers may want it, departments do not need it


@dataclass(frozen=True)
class Config:
    rules: RuleSettings = field(default_factory=lambda: DEFAULT_SETTINGS)
    limits: Limits = DEFAULT_LIMITS
    notices: NoticeSettings = NoticeSettings()


def find_config(folder: Path) -> Path | None:
    """``perfeval.toml`` in ``folder``, if there is one."""
    candidate = folder / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_config(path: Path) -> RuleSettings:
    """Read and validate a config file into rule settings."""
    return read_config(path).rules


def read_config(path: Path) -> Config:
    """Read and validate a whole config file: rule settings and reading limits."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"找不到配置文件 {path}。") from exc
    except OSError as exc:
        raise ConfigError(f"无法读取配置文件 {path}：{exc.strerror or exc}。") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"配置文件 {path} 不是 UTF-8 编码，请另存为 UTF-8。") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件 {path} 格式错误（TOML）：{exc}。") from exc
    return parse_all(data, str(path))


def parse_config(data: dict[str, Any], source: str = CONFIG_NAME) -> RuleSettings:
    """Validate already-parsed TOML data into rule settings."""
    return parse_all(data, source).rules


def parse_all(data: dict[str, Any], source: str = CONFIG_NAME) -> Config:
    """Validate already-parsed TOML data: every section."""
    unknown = sorted(set(data) - SECTIONS)
    if unknown:
        raise ConfigError(f"配置文件 {source} 中有无法识别的部分：{'、'.join(unknown)}（只支持 [rules]、[limits]、[notices]）。")
    return Config(_rules(data, source), _limits(data.get("limits", {}), source), _notices(data.get("notices", {}), source))


def _limits(table: Any, source: str) -> Limits:
    if not isinstance(table, dict):
        raise ConfigError(f"配置文件 {source} 中 limits 应为一个表（[limits]）。")
    unknown = sorted(set(table) - set(LIMIT_KEYS))
    if unknown:
        raise ConfigError(
            f"配置文件 {source} 的 [limits] 中有无法识别的设置：{'、'.join(unknown)}（只支持 {'、'.join(LIMIT_KEYS)}）。"
        )
    changes = {}
    for key, value in table.items():
        name, scale, smallest = LIMIT_KEYS[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < smallest:
            raise ConfigError(f"配置文件 {source} 的 [limits] 中 {key} = {value!r} 无效：应为不小于 {smallest} 的数字。")
        if name == "max_ratio":
            changes[name] = float(value)
        elif isinstance(value, float) and not value.is_integer() and scale == 1:
            raise ConfigError(f"配置文件 {source} 的 [limits] 中 {key} = {value!r} 无效：应为整数。")
        else:
            changes[name] = int(value * scale)
    return replace(DEFAULT_LIMITS, **changes)


def _rules(data: dict[str, Any], source: str) -> RuleSettings:
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"配置文件 {source} 中 rules 应为一个表（[rules]）。")
    unknown = sorted(set(rules) - RULE_KEYS)
    if unknown:
        raise ConfigError(
            f"配置文件 {source} 的 [rules] 中有无法识别的设置：{'、'.join(unknown)}（只支持 severity、disable）。"
        )
    known_ids = {r.id for r in all_rules()}
    return RuleSettings(
        severity=_severities(rules.get("severity", {}), known_ids, source),
        disabled=frozenset(_disabled(rules.get("disable", []), known_ids, source)),
    )


def _check_id(rule_id: Any, known_ids: set[str], source: str, where: str) -> str:
    if not isinstance(rule_id, str) or rule_id.upper() not in known_ids:
        raise ConfigError(
            f"配置文件 {source} 的 {where} 中有不存在的规则编号“{rule_id}”；可用 perfeval rules 查看全部规则。"
        )
    return rule_id.upper()


def _severities(table: Any, known_ids: set[str], source: str) -> dict[str, Severity]:
    if not isinstance(table, dict):
        raise ConfigError(f'配置文件 {source} 中 severity 应写成 {{ XC101 = "warning" }} 的形式。')
    result: dict[str, Severity] = {}
    for rule_id, word in table.items():
        rule_id = _check_id(rule_id, known_ids, source, "severity")
        severity = SEVERITY_WORDS.get(word.strip().lower()) if isinstance(word, str) else None
        if severity is None:
            raise ConfigError(
                f"配置文件 {source} 中规则 {rule_id} 的严重程度“{word}”无法识别，"
                "应为 error、warning、info（或 错误、警告、提示）。"
            )
        result[rule_id] = severity
    return result


def _disabled(items: Any, known_ids: set[str], source: str) -> list[str]:
    if not isinstance(items, list):
        raise ConfigError(f'配置文件 {source} 中 disable 应写成列表，如 disable = ["XC408"]。')
    return [_check_id(item, known_ids, source, "disable") for item in items]


NOTICE_KEYS = ("enabled", "office", "deadline", "deadline_days", "title", "warnings", "rule_ids")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_CHINESE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _notices(table: Any, source: str) -> NoticeSettings:
    where = f"配置文件 {source} 的 [notices] 中"
    if not isinstance(table, dict):
        raise ConfigError(f"配置文件 {source} 中 notices 应为一个表（[notices]）。")
    unknown = sorted(set(table) - set(NOTICE_KEYS))
    if unknown:
        raise ConfigError(f"{where}有无法识别的设置：{'、'.join(unknown)}（只支持 {'、'.join(NOTICE_KEYS)}）。")
    changes: dict[str, Any] = {}
    for key in ("enabled", "warnings", "rule_ids"):
        if key in table:
            if not isinstance(table[key], bool):
                raise ConfigError(f"{where} {key} = {table[key]!r} 无效：应为 true 或 false。")
            changes[key] = table[key]
    for key in ("office", "title"):
        if key in table:
            if not isinstance(table[key], str) or not table[key].strip():
                raise ConfigError(f"{where} {key} 应为不空的文字（用英文双引号括起）。")
            changes[key] = table[key].strip()
    if "title" in changes:
        _check_title(changes["title"], where)
    if "deadline_days" in table:
        days = table["deadline_days"]
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
            raise ConfigError(f"{where} deadline_days = {days!r} 无效：应为 1 到 365 之间的整数（天）。")
        changes["deadline_days"] = days
    if "deadline" in table:
        if "deadline_days" in table:
            raise ConfigError(f"{where} deadline 与 deadline_days 只能写一个。")
        changes["deadline"] = _date(table["deadline"], where)
    return replace(NoticeSettings(), **changes)


def _check_title(title: str, where: str) -> None:
    unknown = [name for name in _PLACEHOLDER.findall(title) if name not in NOTICE_PLACEHOLDERS]
    if unknown or title.count("{") != title.count("}"):
        raise ConfigError(
            f"{where} title 中的“{{{'、'.join(unknown)}}}”无法识别：只能使用 {{年度}} 和 {{部门}}，"
            "且花括号须成对。"
        )


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        chinese = _CHINESE_DATE.fullmatch(text)
        try:
            if chinese:
                return dt.date(*map(int, chinese.groups()))
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise ConfigError(f"{where} deadline = {value!r} 无效：应为日期，如 deadline = 2026-12-19。")
