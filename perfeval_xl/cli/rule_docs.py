"""The rule catalog as text for people: the ``perfeval rules`` listing and one
rule's documentation, generated from the registry (never written by hand)."""

from __future__ import annotations

import unicodedata

from perfeval_xl.findings import Severity
from perfeval_xl.rules import Rule


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_rule_list(rules: list[Rule], severity: dict[str, Severity] | None = None) -> str:
    """One line per rule: ID, severity (as configured), title, name."""
    severity = severity or {}
    title_width = max([_width("标题")] + [_width(r.title) for r in rules]) + 2
    lines = [f"{_pad('编号', 7)}{_pad('级别', 6)}{_pad('标题', title_width)}名称"]
    for r in rules:
        level = severity.get(r.id, r.severity).label
        lines.append(f"{_pad(r.id, 7)}{_pad(level, 6)}{_pad(r.title, title_width)}{r.name}")
    lines.append(f"共 {len(rules)} 条规则。用 perfeval rules 编号 查看某条规则的说明。")
    return "\n".join(lines)


def render_rule_doc(r: Rule, severity: Severity | None = None) -> str:
    """A rule's header and its docstring (为什么 / 何时报告 / 何时通过)."""
    level = (severity or r.severity).label
    header = f"{r.id}  {r.title}\n名称：{r.name}    默认级别：{r.severity.label}"
    if severity is not None and severity is not r.severity:
        header += f"    当前级别：{level}"
    return f"{header}\n\n{r.doc}"
