"""``perfeval.toml``: per-rule severity overrides and disabled rules.

::

    [rules]
    severity = { XC106 = "info", XC303 = "error" }   # error / warning / info (或 错误 / 警告 / 提示)
    disable = ["XC408"]

Validation is strict: a misspelt rule ID, key or severity silently ignored
would leave a clerk believing a check is off (or on) when it is not, so every
mistake raises :class:`ConfigError` with a Chinese message naming the file
and the offending entry. The CLI maps it to exit code 2.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from perfeval_xl.findings import Severity
from perfeval_xl.rules import RuleSettings, all_rules

CONFIG_NAME = "perfeval.toml"
SECTIONS = {"rules"}
RULE_KEYS = {"severity", "disable"}
SEVERITY_WORDS = {
    "error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO,
    "错误": Severity.ERROR, "警告": Severity.WARNING, "提示": Severity.INFO,
}


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` is the Chinese reason."""


def find_config(folder: Path) -> Path | None:
    """``perfeval.toml`` in ``folder``, if there is one."""
    candidate = folder / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_config(path: Path) -> RuleSettings:
    """Read and validate a config file into rule settings."""
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
    return parse_config(data, str(path))


def parse_config(data: dict[str, Any], source: str = CONFIG_NAME) -> RuleSettings:
    """Validate already-parsed TOML data into rule settings."""
    unknown = sorted(set(data) - SECTIONS)
    if unknown:
        raise ConfigError(f"配置文件 {source} 中有无法识别的部分：{'、'.join(unknown)}（只支持 [rules]）。")
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
