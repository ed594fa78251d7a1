"""Scoring schemes as data: the built-in TOML files and user-written variants.

A scheme file holds every parameter of :class:`perfeval_xl.scheme.Scheme`
(see ``schemes/department.toml`` for a commented example and
``docs/评分方案.md`` for users). A provincial variant may start from a
built-in one with ``base = "单位自评"`` and change only what differs.

Validation is strict: a typo in a key or a value out of range is a
:class:`SchemeError` with a Chinese message naming the file and the key,
never a silently different score.
"""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from perfeval_xl.scheme import GradeBand, Scheme

# built-in scheme name -> file under schemes/ (ASCII file names travel better
# through zips and Windows shares than Chinese ones)
BUILTIN_FILES = {
    "部门评价": "department.toml",
    "财政评价": "fiscal.toml",
    "单位自评": "self.toml",
}

REVERSE_FORMULAS = ("ratio", "linear")
RATE_DENOMINATORS = ("budget", "initial")
_FIELDS = {f.name for f in dataclasses.fields(Scheme)}
_REQUIRED = ("name", "indicator_total", "funds_weight", "funds_in_total")


class SchemeError(ValueError):
    """A scheme name or file that cannot be used; the message is Chinese."""


def builtin_scheme_names() -> list[str]:
    return list(BUILTIN_FILES)


def load_scheme(name_or_path: str | Path) -> Scheme:
    """A built-in scheme by name (部门评价 / 财政评价 / 单位自评) or a TOML file by path."""
    key = str(name_or_path).strip()
    if key in BUILTIN_FILES:
        return _builtin(key)
    path = Path(key)
    if path.suffix.lower() != ".toml" or not path.is_file():
        known = "、".join(BUILTIN_FILES)
        raise SchemeError(f"找不到评分方案「{key}」：可用的内置方案为{known}，或给出一个 .toml 方案文件的路径。")
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemeError(f"无法读取评分方案文件 {path}：{exc}") from exc
    return parse_scheme(text, origin=f"评分方案文件 {path}")


@functools.cache
def _builtin(name: str) -> Scheme:
    # read once per process: every project of a batch resolves its scheme
    text = resources.files(__package__).joinpath("schemes", BUILTIN_FILES[name]).read_text("utf-8")
    return parse_scheme(text, origin=f"内置方案「{name}」")


def parse_scheme(text: str, origin: str = "评分方案") -> Scheme:
    """Parse and validate the TOML text of a scheme."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SchemeError(f"{origin} 不是有效的 TOML：{exc}") from exc
    return scheme_from_dict(data, origin)


def scheme_from_dict(data: dict[str, Any], origin: str = "评分方案") -> Scheme:
    """Validate a scheme given as a dict (keys as in the TOML file)."""
    data = dict(data)
    base_name = data.pop("base", None)
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise SchemeError(
            f"{origin} 含有不认识的参数：{'、'.join(unknown)}。可用参数：{'、'.join(sorted(_FIELDS | {'base'}))}。"
        )
    values: dict[str, Any] = {}
    if base_name is not None:
        if base_name not in BUILTIN_FILES:
            raise SchemeError(f"{origin} 的 base 应为内置方案 {'、'.join(BUILTIN_FILES)} 之一，而不是「{base_name}」。")
        values = {f.name: getattr(load_scheme(base_name), f.name) for f in dataclasses.fields(Scheme)}
        # a variant keeps scoring the base's 评价方式 unless it says otherwise
        values["applies_to"] = load_scheme(base_name).method
        values["description"] = ""
    else:
        missing = [k for k in _REQUIRED if k not in data]
        if missing:
            raise SchemeError(f"{origin} 缺少必填参数：{'、'.join(missing)}（或用 base = \"部门评价\" 继承内置方案）。")
    if "name" not in data:
        raise SchemeError(f"{origin} 缺少必填参数：name（方案名称）。")
    for key, raw in data.items():
        values[key] = _check(key, raw, origin)
    if values.get("applies_to") and values["applies_to"] not in BUILTIN_FILES:
        raise SchemeError(
            f"{origin} 的 applies_to 应为 {'、'.join(BUILTIN_FILES)} 之一，而不是「{values['applies_to']}」。"
        )
    if not values.get("applies_to") and values["name"] not in BUILTIN_FILES:
        values["applies_to"] = _method_in_name(values["name"], origin)
    scheme = Scheme(**values)
    _check_whole(scheme, origin)
    return scheme


def _method_in_name(name: str, origin: str) -> str:
    """The 评价方式 a scheme named 江西部门评价 is for; it decides whether the
    scheme may replace the one a form's 评价方式 names (see resolve.py)."""
    for key, method in (("自评", "单位自评"), ("财政", "财政评价"), ("部门", "部门评价")):
        if key in name:
            return method
    raise SchemeError(
        f"{origin} 的名称「{name}」看不出适用于哪种评价方式：请加一行 applies_to = \"部门评价\"（或 单位自评、财政评价），"
        f"或用 base 继承内置方案。"
    )


def _number(key: str, raw: Any, origin: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise SchemeError(f"{origin} 的参数 {key} 应为数字，而不是 {raw!r}。")
    return float(raw)


def _ratio(key: str, raw: Any, origin: str, *, low: float, high: float, what: str) -> float:
    value = _number(key, raw, origin)
    if not low <= value <= high:
        raise SchemeError(f"{origin} 的参数 {key} 应为{what}，而不是 {raw!r}。")
    return value


def _text(key: str, raw: Any, origin: str) -> str:
    if not isinstance(raw, str):
        raise SchemeError(f"{origin} 的参数 {key} 应为文字，而不是 {raw!r}。")
    return raw.strip()


def _check(key: str, raw: Any, origin: str) -> Any:
    """One parameter, validated and converted to the Scheme field's type."""
    if key in ("name", "description", "applies_to"):
        value = _text(key, raw, origin)
        if key == "name" and not value:
            raise SchemeError(f"{origin} 的 name（方案名称）不能为空。")
        return value
    if key in ("indicator_total", "funds_weight"):
        value = _number(key, raw, origin)
        if value < 0 or (key == "indicator_total" and value == 0):
            raise SchemeError(f"{origin} 的参数 {key} 应为正数，而不是 {raw!r}。")
        return value
    if key == "funds_in_total":
        if not isinstance(raw, bool):
            raise SchemeError(f"{origin} 的参数 funds_in_total 应为 true 或 false，而不是 {raw!r}。")
        return raw
    if key in ("qual_high", "qual_low"):
        return _ratio(key, raw, origin, low=0.0, high=1.0, what="0 到 1 之间的比例（如 0.8）")
    if key == "low_execution_threshold":
        return _ratio(key, raw, origin, low=0.0, high=1.0, what="0 到 1 之间的比例（如 0.9 表示 90%）")
    if key == "overachieve_threshold":
        return _ratio(key, raw, origin, low=1.0, high=100.0, what="不小于 1 的倍数（如 1.3 表示 130%）")
    if key == "reverse_formula":
        if raw not in REVERSE_FORMULAS:
            raise SchemeError(f"{origin} 的参数 reverse_formula 应为 ratio 或 linear，而不是 {raw!r}。")
        return raw
    if key == "rate_denominator":
        if raw not in RATE_DENOMINATORS:
            raise SchemeError(
                f"{origin} 的参数 rate_denominator 应为 budget（全年预算数）或 initial（年初预算数），而不是 {raw!r}。"
            )
        return raw
    if key == "rounding":
        if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= 4:
            raise SchemeError(f"{origin} 的参数 rounding 应为 0 到 4 的整数（小数位数），而不是 {raw!r}。")
        return raw
    if key == "level1_weights":
        if not isinstance(raw, dict):
            raise SchemeError(f"{origin} 的 [level1_weights] 应为“一级指标 = 分值”的表。")
        weights = {}
        for label, weight in raw.items():
            value = _number(f"level1_weights.{label}", weight, origin)
            if value <= 0:
                raise SchemeError(f"{origin} 的一级指标「{label}」分值应为正数，而不是 {weight!r}。")
            weights[str(label)] = value
        return weights
    if key == "grade_bands":
        if not isinstance(raw, dict) or not raw:
            raise SchemeError(f"{origin} 的 [grade_bands] 应为“等次 = 下限分数”的表，例如 优 = 90。")
        bands = tuple(GradeBand(str(g), _number(f"grade_bands.{g}", lower, origin)) for g, lower in raw.items())
        return tuple(sorted(bands, key=lambda b: -b.lower))
    raise SchemeError(f"{origin} 含有不认识的参数：{key}。")  # unreachable: keys were checked


def _check_whole(scheme: Scheme, origin: str) -> None:
    """Checks that involve several parameters."""
    if not scheme.qual_low < scheme.qual_high:
        raise SchemeError(
            f"{origin} 的定性档位应满足 qual_low < qual_high（如 0.6 < 0.8），而不是 {scheme.qual_low} 与 {scheme.qual_high}。"
        )
    if scheme.level1_weights:
        total = sum(scheme.level1_weights.values())
        if abs(total - scheme.indicator_total) > 1e-6:
            raise SchemeError(
                f"{origin} 的一级指标分值合计为 {total:g}，与 indicator_total = {scheme.indicator_total:g} 不一致。"
            )
    lowers = [b.lower for b in scheme.grade_bands]
    if len(set(lowers)) != len(lowers):
        raise SchemeError(f"{origin} 的评价等次下限有重复：{lowers}。")
    if min(lowers) != 0:
        raise SchemeError(f"{origin} 的评价等次须有一个下限为 0 的等次（如 差 = 0），否则低分项目无等次可定。")
    if max(lowers) > scheme.total:
        raise SchemeError(f"{origin} 的评价等次下限 {max(lowers):g} 高于总分 {scheme.total:g}。")
